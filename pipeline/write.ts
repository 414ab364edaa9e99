/**
 * Atomic writes: a temporary file beside the target, then a rename, so a crash
 * or Ctrl-C never leaves half a JSON. Synchronous: it runs in worker threads,
 * where a blocking write costs less than a hop through libuv's thread pool.
 */
import {mkdirSync, renameSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {threadId} from 'node:worker_threads'

const made = new Set<string>()

/** Write `content` to `target` atomically, making its folder once. */
export function writeAtomic(target: string, content: string): void {
  const folder = path.dirname(target)
  if (!made.has(folder)) {
    mkdirSync(folder, {recursive: true})
    made.add(folder)
  }
  const temporary = target + '.' + process.pid + '-' + threadId + '.tmp'
  writeFileSync(temporary, content)
  renameSync(temporary, target)
}
