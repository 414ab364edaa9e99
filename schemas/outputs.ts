/**
 * The contracts of the tool's other outputs, beside the record's: the
 * manifest of an `extract` run and the data of `diff --format json`. Their
 * JSON Schemas are generated into `schemas/json/` (`npm run schema`); the
 * TypeScript types the code uses are checked against them (`test/schema.test.ts`).
 */
import {z} from 'zod'
import {Comparator} from './record.js'

const Counts = z.object({error: z.int().min(0), warning: z.int().min(0), info: z.int().min(0)})

export const ManifestEntry = z
  .object({
    path: z.string().describe('input path relative to base (odd bytes of a non-UTF-8 name escaped as \\xNN)'),
    status: z
      .enum(['ok', 'unchanged', 'failed', 'skipped'])
      .describe(
        'ok: extracted; unchanged: the record of an earlier run stands (same sha256); skipped: found in an input folder and not read (see reason); failed: see reason'
      ),
    reason: z.string().nullable().describe('one line: why it failed or was skipped'),
    record: z.string().nullable().describe('record file, relative to the output folder'),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
    bytes: z.int().min(0).nullable(),
    milliseconds: z.int().min(0),
    diagnostics: Counts.describe('diagnostics of the record, by severity'),
    unreadGoalNumbers: z.int().min(0).describe('goal statements that keep a number no target reads')
  })
  .meta({id: 'ManifestEntry'})

export const Manifest = z
  .object({
    tool: z.string().describe('the tool and version that wrote it (zhengce/0.1.0)'),
    schemaVersion: z.string().describe('version of the records it lists'),
    base: z.string().optional().describe("absolute folder the entries' paths are relative to"),
    entries: z.array(ManifestEntry).describe('every input of this and earlier runs into the folder, sorted by path')
  })
  .meta({id: 'Manifest', title: 'zhengce extract manifest'})

/** One document's target in a row of the comparison: typed columns, nothing formatted. */
export const DiffCell = z
  .object({
    document: z.int().min(0).describe('index into documents'),
    indicator: z.string().describe('the indicator as this document words it'),
    valueKind: z.enum(['number', 'range', 'text']).nullable(),
    value: z.number().nullable().describe('the number (kind number)'),
    min: z.number().nullable().describe('the lower bound (kind range)'),
    max: z.number().nullable().describe('the upper bound (kind range)'),
    text: z.string().nullable().describe('the value as text (kind text)'),
    comparator: Comparator.nullable(),
    unit: z.string().nullable(),
    year: z.int().nullable(),
    approx: z.boolean(),
    measure: z.enum(['level', 'growth', 'decrease']).nullable(),
    status: z.string().nullable(),
    latestActualYear: z.int().nullable(),
    latestActualValue: z.number().nullable(),
    otherValues: z.int().min(0).describe('other targets of the same document in this row (other years)'),
    line: z.int().min(1).describe('line of the target in its document'),
    quote: z.string()
  })
  .meta({id: 'DiffCell'})

export const DiffData = z
  .object({
    tool: z.string(),
    documents: z.array(z.object({index: z.int().min(0), label: z.string(), path: z.string(), id: z.string()})),
    rows: z.array(
      z.object({
        key: z.string().describe('canonical key the row was matched on'),
        label: z.string().describe('the indicator as the first document words it'),
        unitConflict: z.boolean().describe("the documents' units differ in a way that cannot be converted exactly"),
        matchedBy: z.array(
          z.object({
            document: z.int().min(0),
            indicator: z.string(),
            reason: z.enum(['first', 'same key', 'lexicon', 'user lexicon', 'similarity']),
            similarity: z.number().nullable()
          })
        ),
        cells: z.array(DiffCell).describe('one per document that has the indicator')
      })
    ),
    suggestions: z
      .array(z.object({keys: z.tuple([z.string(), z.string()]), similarity: z.number(), why: z.string()}))
      .describe('pairs that came close and were not merged')
  })
  .meta({id: 'DiffData', title: 'zhengce diff --format json'})

export type DiffData = z.infer<typeof DiffData>
export type DiffCellData = z.infer<typeof DiffCell>
export type ManifestEntryData = z.infer<typeof ManifestEntry>
export type ManifestData = z.infer<typeof Manifest>
