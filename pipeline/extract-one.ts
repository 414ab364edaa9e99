/**
 * One document, the same in a worker thread and in-process: read it, skip it
 * when unchanged, extract it, write its record atomically — and send back
 * only a small result, so the main thread stays free.
 */
import {createHash} from 'node:crypto'
import {existsSync, readFileSync, statSync} from 'node:fs'
import type {Diagnostic} from '../schemas/record.js'
import {DocumentError, extractDocument} from './document.js'
import type {ParsedFormat} from './formats.js'
import {writeAtomic} from './write.js'

/** What the pool sends. */
export interface Job {
  id: number
  /** Absolute path of the input. */
  file: string
  /** Path the record names (relative to the batch's base). */
  relative: string
  format: ParsedFormat
  /** Absolute path of the record to write. */
  target: string
  /** Where to write the intermediate text of a converted format, if asked. */
  dumpTarget: string | undefined
  maxBytes: number
  /** The sha256 of the last run, when its record may be reused. */
  previousSha256: string | undefined
  /** Also return the record as one NDJSON line. */
  wantsLine: boolean
  /** Which diagnostics to send back for the report. */
  report: 'none' | 'warning' | 'info'
  /** Indent the record (2 spaces) instead of one compact line. */
  pretty: boolean
}

/** What comes back. */
export type JobResult =
  | {id: number; status: 'skipped'; sha256: string; bytes: number}
  | {id: number; status: 'failed'; reason: string; sha256: string | null; bytes: number | null}
  | {id: number; status: 'ok'; sha256: string; bytes: number; counts: Record<Diagnostic['severity'], number>; unread: number; line: string | undefined; report: Diagnostic[]}

/** Run one job; never throws. */
export async function processJob(job: Job): Promise<JobResult> {
  let sha256: string | null = null
  let size: number | null = null
  try {
    size = statSync(job.file).size
    if (size > job.maxBytes) return {id: job.id, status: 'failed', reason: 'file is ' + size + ' bytes, above --max-bytes ' + job.maxBytes, sha256, bytes: size}
    const bytes = readFileSync(job.file)
    sha256 = createHash('sha256').update(bytes).digest('hex')
    if (job.previousSha256 === sha256 && existsSync(job.target)) {
      return {id: job.id, status: 'skipped', sha256, bytes: bytes.length}
    }
    const {record, intermediate} = await extractDocument(bytes, job.relative, job.format, sha256)
    // Note: each form is serialised once, and only when it is wanted.
    const line = job.wantsLine || !job.pretty ? JSON.stringify(record) + '\n' : undefined
    writeAtomic(job.target, job.pretty ? JSON.stringify(record, null, 2) + '\n' : line!)
    if (job.dumpTarget && intermediate !== undefined) writeAtomic(job.dumpTarget, intermediate)
    const counts = {error: 0, warning: 0, info: 0}
    let unread = 0
    for (const diagnostic of record.diagnostics) {
      counts[diagnostic.severity]++
      if (diagnostic.rule === 'unread-goal-number') unread++
    }
    const report = job.report === 'none' ? [] : record.diagnostics.filter((diagnostic) => job.report === 'info' || diagnostic.severity !== 'info')
    return {id: job.id, status: 'ok', sha256, bytes: bytes.length, counts, unread, line: job.wantsLine ? line : undefined, report}
  } catch (error) {
    return {id: job.id, status: 'failed', reason: describe(error), sha256, bytes: size}
  }
}

/** One line for a failure. */
function describe(error: unknown): string {
  if (error instanceof DocumentError) return error.message
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    const codes: Record<string, string> = {EACCES: 'permission denied', EISDIR: 'is a folder', ENOENT: 'no such file', ELOOP: 'symbolic link loop'}
    const known = codes[error.code]
    if (known) return known
  }
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error'
}
