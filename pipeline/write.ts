/**
 * Atomic writes: a temporary file beside the target, then a rename, so a crash
 * or Ctrl-C never leaves half a JSON. Synchronous: it runs in worker threads,
 * where a blocking write costs less than a hop through libuv's thread pool.
 *
 * Temporary names are short (`.zc-<pid>-<thread>-<n>.tmp`), so a target whose
 * name is near the 255-byte limit still gets one, and they are recognisable:
 * a run removes those an earlier, killed run left (`removeStaleTemporaries`).
 * A write that fails (disk full, read-only folder) removes its temporary file
 * and throws a `WriteError` whose message is one line.
 */
import {Buffer, transcode} from 'node:buffer'
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync
} from 'node:fs'
import path from 'node:path'
import {threadId} from 'node:worker_threads'

/** A write that failed: the message says what and why in one line. */
export class WriteError extends Error {
  override name = 'WriteError'
  readonly code: string | undefined
  constructor(target: string, cause: unknown) {
    const code =
      cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined
    super('cannot write ' + target + ': ' + describeWriteError(cause))
    this.code = code
  }
}

/** What a file system error means, in a few words. */
export function describeWriteError(error: unknown): string {
  const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : ''
  const known: Record<string, string> = {
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EROFS: 'read-only file system',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOENT: 'no such folder',
    ENOTDIR: 'a file is in the way of a folder',
    EISDIR: 'a folder is in the way',
    ENAMETOOLONG: 'name too long',
    EMFILE: 'too many open files'
  }
  return known[code] ?? (error instanceof Error ? error.message.split('\n')[0]! : String(error))
}

/** What a temporary file of ours is called. */
export const temporaryExpression = /^\.zc-(\d+)-\d+-\d+\.tmp$/

/** Whether process `pid` runs (a zombie, killed but not yet reaped, does not). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  let stat = ''
  try {
    stat = readFileSync('/proc/' + pid + '/stat', 'utf8')
  } catch {
    // Note: no /proc (macOS): the signal's answer stands.
  }
  const state = /\)\s+(\S)/.exec(stat)?.[1]
  return state !== 'Z' && state !== 'X'
}

const made = new Set<string>()
let counter = 0

/** A temporary file's path beside `target`. */
export function temporaryFor(target: string): string {
  return path.join(path.dirname(target), '.zc-' + process.pid + '-' + threadId + '-' + counter++ + '.tmp')
}

/** Write `content` to `target` atomically, making its folder once. */
export function writeAtomic(target: string, content: string | Uint8Array): void {
  const folder = path.dirname(target)
  const temporary = temporaryFor(target)
  try {
    if (!made.has(folder)) {
      mkdirSync(folder, {recursive: true})
      made.add(folder)
    }
    const descriptor = openSync(temporary, 'w')
    try {
      const bytes = typeof content === 'string' ? utf8(content) : content
      for (let at = 0; at < bytes.length;) at += writeSync(descriptor, bytes, at, bytes.length - at)
    } finally {
      closeSync(descriptor)
    }
    renameSync(temporary, target)
  } catch (error) {
    rmSync(temporary, {force: true})
    throw new WriteError(target, error)
  }
}

/**
 * Remove the temporary files (`temporaryExpression`) in `folder` (and its
 * subfolders, with `recursive`) that an earlier run left when it was killed:
 * those whose process is gone. Returns their count.
 */
export function removeStaleTemporaries(folder: string, recursive = true): number {
  let removed = 0
  let names: string[]
  try {
    names = readdirSync(folder, {recursive}).map(String)
  } catch {
    return 0
  }
  for (const name of names) {
    const match = temporaryExpression.exec(path.basename(name))
    if (!match || isRunning(Number(match[1]))) continue
    try {
      unlinkSync(path.join(folder, name))
      removed++
    } catch {
      // Note: gone already, or a folder of that name: nothing of ours.
    }
  }
  return removed
}

/**
 * `text` as UTF-8. Note: on Node 20, ICU's transcode from UTF-16 is 4× faster
 * than V8's own encoder for Chinese text; it refuses lone surrogates (which
 * JSON never holds), and those strings take the slow path.
 */
export function utf8(text: string): Buffer {
  try {
    return transcode(Buffer.from(text, 'utf16le'), 'utf16le', 'utf8')
  } catch {
    return Buffer.from(text, 'utf8')
  }
}
