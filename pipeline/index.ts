/**
 * zhengce as a library:
 *
 * ```ts
 * import {extract, extractFile, validate, schema} from 'zhengce'
 *
 * const record = await extractFile('plans/规划.docx')
 * const same = await extract(text, {path: 'a/规划.txt'})
 * const problems = await validate(record) // [] when it conforms to `schema`
 * ```
 *
 * The batch (`runExtract`), the comparison (`diffTargets`, `diffData`) and the
 * tables (`tablesOf`) are here too, as the command line uses them.
 */
import path from 'node:path'
import type {ValidateFunction} from 'ajv'
import type {PolicyRecord} from '../schemas/record.js'
import type {OcrMode} from './convert/ocr.js'
import recordSchema from '../schemas/json/policy-record.schema.json' with {type: 'json'}
import {DocumentError, extractDocument} from './document.js'
import {readBounded} from './extract-one.js'
import {formatOf, type ParsedFormat} from './convert/formats.js'
import {validateRecord} from '../schemas/validate.js'

export type {
  Column,
  Comparator,
  Deadline,
  Diagnostic,
  DocumentKind,
  Jurisdiction,
  Measure,
  Period,
  PolicyRecord,
  Position,
  Reference,
  Section,
  Source,
  Target,
  TargetOrigin,
  Value,
  YearValue
} from '../schemas/record.js'
export type {DiffData, ManifestData as Manifest, ManifestEntryData as ManifestEntry} from '../schemas/outputs.js'
export {schemaVersion} from '../schemas/version.js'
export type {ParsedFormat as Format} from './convert/formats.js'
export type {OcrMode} from './convert/ocr.js'
export {DocumentError} from './document.js'
export {runExtract, type ExtractOptions, type EngineStreams} from './engine.js'
export {diffTargets, synonymsOf, type Diff, type DiffOptions} from './diff.js'
export {diffData} from './diff-data.js'
export {recordsOf} from './records.js'
export {tablesOf, type Table} from './table.js'

/** The JSON Schema (draft 2020-12) every record conforms to. */
export const schema: object = recordSchema

/** Options of `extract`. */
export interface ExtractInputOptions {
  /** The path the record names (`source.path`); its extension tells the format when `format` is not given. Default `input.txt`. */
  path?: string
  /** The format of the bytes (the bytes may correct it: `%PDF-`, a zip named .doc). */
  format?: ParsedFormat
  /** OCR of images and PDF pages without text (`auto`, the default), of every PDF page (`always`), or none (`never`). */
  ocr?: OcrMode
}

/**
 * The record of one document: text (a string) or the bytes of a file in any
 * supported format. Throws `DocumentError` (one line) when it yields none.
 */
export async function extract(input: string | Uint8Array, options: ExtractInputOptions = {}): Promise<PolicyRecord> {
  const name = options.path ?? 'input.txt'
  const format = options.format ?? formatOf(name)
  if (!format) throw new DocumentError('not a document format: ' + name + ' (give options.format)')
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input
  return (await extractDocument(bytes, name, format, undefined, {ocr: options.ocr})).record
}

/**
 * The record of the file at `file` (named in it by `options.path`, default
 * its base name). Only a regular file is read, never more than `maxBytes`
 * (default 50 MB).
 */
export async function extractFile(
  file: string,
  options: {path?: string; maxBytes?: number; ocr?: OcrMode} = {}
): Promise<PolicyRecord> {
  const format = formatOf(file)
  if (!format) throw new DocumentError('not a document format: ' + file)
  const bytes = readBounded(file, options.maxBytes ?? 50 * 1024 * 1024)
  return (await extractDocument(bytes, options.path ?? path.basename(file), format, undefined, {ocr: options.ocr}))
    .record
}

/** Every way `record` breaks the schema, as `/path message` lines; [] when it conforms. */
export async function validate(record: unknown): Promise<string[]> {
  if (validateRecord(record).length === 0) return []
  // Note: the complete validator (zod and ajv compiling the schema, ~0.5 s) loads only for a record that fails.
  const complete: ValidateFunction = (await import('../schemas/json-schema.js')).completeValidator()
  complete(record)
  return (complete.errors ?? []).map((error) => (error.instancePath || '/') + ' ' + error.message)
}
