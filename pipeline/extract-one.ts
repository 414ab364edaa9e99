/**
 * One extraction job, the same in a worker thread and in-process: bytes in,
 * record JSON (and its diagnostic counts) or a one-line failure out.
 */
import type {Diagnostic} from '../schemas/record.js'
import {DocumentError, extractDocument} from './document.js'
import type {ParsedFormat} from './formats.js'

/** What the pool sends. */
export interface Job {
  id: number
  bytes: Uint8Array
  path: string
  format: ParsedFormat
  /** Also return the record as one NDJSON line. */
  wantsLine: boolean
  /** Also return the intermediate text of a converted format. */
  wantsIntermediate: boolean
}

/** What comes back. */
export type JobResult =
  | {id: number; ok: true; json: string; line: string | undefined; intermediate: string | undefined; diagnostics: Diagnostic[]}
  | {id: number; ok: false; reason: string}

/** Run one job; never throws. */
export async function extractOne(job: Job): Promise<JobResult> {
  try {
    const {record, intermediate} = await extractDocument(job.bytes, job.path, job.format)
    const line = job.wantsLine ? JSON.stringify(record) + '\n' : undefined
    return {id: job.id, ok: true, json: JSON.stringify(record, null, 2) + '\n', line, intermediate: job.wantsIntermediate ? intermediate : undefined, diagnostics: record.diagnostics}
  } catch (error) {
    const message = error instanceof DocumentError ? error.message : error instanceof Error ? error.message : String(error)
    return {id: job.id, ok: false, reason: message.split('\n')[0] ?? 'unknown error'}
  }
}
