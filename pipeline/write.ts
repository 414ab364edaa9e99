/**
 * Atomic writes: a temporary file beside the target, then a rename, so a crash
 * or Ctrl-C never leaves half a JSON. Synchronous: it runs in worker threads,
 * where a blocking write costs less than a hop through libuv's thread pool.
 */
import {Buffer, transcode} from 'node:buffer'
import {mkdirSync, renameSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {threadId} from 'node:worker_threads'

const made = new Set<string>()

/** Write `content` to `target` atomically, making its folder once. */
export function writeAtomic(target: string, content: string | Uint8Array): void {
  const folder = path.dirname(target)
  if (!made.has(folder)) {
    mkdirSync(folder, {recursive: true})
    made.add(folder)
  }
  const temporary = target + '.' + process.pid + '-' + threadId + '.tmp'
  writeFileSync(temporary, typeof content === 'string' ? utf8(content) : content)
  renameSync(temporary, target)
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
