/**
 * One document, the same in a worker thread and in-process: read it, skip it
 * when unchanged, extract it, write its record atomically — and send back
 * only a small result, so the main thread stays free.
 *
 * Only regular files are read, and never more than `maxBytes` of them, also
 * when the file system says a size of 0 (`/proc`) or the file grows while it
 * is read: a FIFO, a device or a link to one is refused before it can block
 * or fill the memory.
 */
import {createHash} from 'node:crypto'
import {closeSync, constants, existsSync, fstatSync, openSync, readFileSync, readSync} from 'node:fs'
import type {Diagnostic} from '../schemas/record.js'
import {DocumentError, NotADocument, extractDocument} from './document.js'
import type {OcrMode} from './convert/ocr.js'
import type {ParsedFormat} from './convert/formats.js'
import {irregular} from './inputs.js'
import {WriteError, writeAtomic} from './write.js'

/** What the pool sends. */
export interface Job {
  id: number
  /** Absolute path of the input (its name's odd bytes escaped; see `raw`). */
  file: string
  /** The path's bytes, when the name is not UTF-8. */
  raw?: Uint8Array | undefined
  /** The document itself, when it came on standard input. */
  bytes?: Uint8Array | undefined
  /** Path the record names (relative to the batch's base). */
  relative: string
  format: ParsedFormat
  /** Absolute path of the record to write (none: the record is only sent back). */
  target: string | undefined
  /** Where to write the intermediate text of a converted format, if asked. */
  dumpTarget: string | undefined
  maxBytes: number
  /** When OCR runs (`--ocr`). */
  ocr?: OcrMode | undefined
  /** The sha256 of the last run, when its record may be reused. */
  previousSha256: string | undefined
  /** Also return the record as one NDJSON line (for an unchanged file, its stored record). */
  wantsLine: boolean
  /** Which diagnostics to send back for the report. */
  report: 'none' | 'warning' | 'info'
  /** Indent the record (2 spaces) instead of one compact line. */
  pretty: boolean
}

/** What comes back. */
export type JobResult =
  | {id: number; status: 'unchanged'; sha256: string; bytes: number; line: string | undefined}
  | {
      id: number
      status: 'failed'
      reason: string
      sha256: string | null
      bytes: number | null
      writeFailed?: boolean
      /** The content holds no document (`NotADocument`): passed over when found in a folder. */
      notADocument?: boolean
    }
  | {
      id: number
      status: 'ok'
      sha256: string
      bytes: number
      counts: Record<Diagnostic['severity'], number>
      unread: number
      line: string | undefined
      report: Diagnostic[]
    }

/** Run one job; never throws. */
export async function processJob(job: Job, onPage?: () => void): Promise<JobResult> {
  let sha256: string | null = null
  let size: number | null = null
  try {
    const bytes = job.bytes ?? readBounded(job.raw ? Buffer.from(job.raw) : job.file, job.maxBytes)
    size = bytes.length
    sha256 = createHash('sha256').update(bytes).digest('hex')
    if (job.target && job.previousSha256 === sha256 && existsSync(job.target)) {
      return {
        id: job.id,
        status: 'unchanged',
        sha256,
        bytes: bytes.length,
        line: job.wantsLine ? storedLine(job.target) : undefined
      }
    }
    const {record, intermediate} = await extractDocument(bytes, job.relative, job.format, sha256, {
      ocr: job.ocr,
      onPage
    })
    // Note: each form is serialised once, and only when it is wanted.
    const line = job.wantsLine || !job.pretty ? JSON.stringify(record) + '\n' : undefined
    if (job.target) writeAtomic(job.target, job.pretty ? JSON.stringify(record, null, 2) + '\n' : line!)
    if (job.dumpTarget && intermediate !== undefined) writeAtomic(job.dumpTarget, intermediate)
    const counts = {error: 0, warning: 0, info: 0}
    let unread = 0
    for (const diagnostic of record.diagnostics) {
      counts[diagnostic.severity]++
      if (diagnostic.rule === 'unread-goal-number') unread++
    }
    const report =
      job.report === 'none'
        ? []
        : record.diagnostics.filter((diagnostic) => job.report === 'info' || diagnostic.severity !== 'info')
    return {
      id: job.id,
      status: 'ok',
      sha256,
      bytes: bytes.length,
      counts,
      unread,
      line: job.wantsLine ? line : undefined,
      report
    }
  } catch (error) {
    if (error instanceof WriteError)
      return {id: job.id, status: 'failed', reason: error.message, sha256, bytes: size, writeFailed: true}
    const reason = describe(error)
    if (error instanceof NotADocument)
      return {id: job.id, status: 'failed', reason, sha256, bytes: size, notADocument: true}
    return {id: job.id, status: 'failed', reason, sha256, bytes: size}
  }
}

/** Why a file was refused before it was read. */
class TooLarge extends Error {}

/**
 * The bytes of a regular file, at most `maxBytes`. Note: opened without
 * blocking, so that a FIFO put in a file's place cannot hang the worker.
 */
export function readBounded(file: string | Buffer, maxBytes: number): Buffer {
  const descriptor = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK)
  try {
    const info = fstatSync(descriptor)
    const odd = irregular(info)
    if (odd) throw new DocumentError(odd)
    if (info.size > maxBytes) throw new TooLarge('file is ' + info.size + ' bytes, above --max-bytes ' + maxBytes)
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      // Note: the size stat gives, read at once (and one byte more, to see the end); then 64 KB at a time.
      const chunk = Buffer.allocUnsafe(
        Math.min(total < info.size ? info.size - total + 1 : 65536, maxBytes + 1 - total)
      )
      const read = readSync(descriptor, chunk, 0, chunk.length, null)
      if (read === 0) break
      total += read
      if (total > maxBytes) throw new TooLarge('file is larger than --max-bytes ' + maxBytes + ' (read stopped there)')
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read))
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total)
  } finally {
    closeSync(descriptor)
  }
}

/** The record stored at `target` as one JSON line. */
function storedLine(target: string): string {
  const text = readFileSync(target, 'utf8')
  const single = text.indexOf('\n') === text.length - 1
  return single ? text : JSON.stringify(JSON.parse(text)) + '\n'
}

/** One line for a failure. */
function describe(error: unknown): string {
  if (error instanceof DocumentError || error instanceof TooLarge) return error.message
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    const codes: Record<string, string> = {
      EACCES: 'permission denied',
      EISDIR: 'is a folder',
      ENOENT: 'no such file',
      ELOOP: 'symbolic link loop',
      EAGAIN: 'not ready to be read (a pipe or device)'
    }
    const known = codes[error.code]
    if (known) return known
  }
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error'
}
