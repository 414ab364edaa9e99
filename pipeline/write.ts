/**
 * Atomic writes: a temporary file beside the target, then a rename, so a crash
 * or Ctrl-C never leaves half a JSON.
 */
import {mkdir, rename, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {threadId} from 'node:worker_threads'

const made = new Set<string>()

/** Write `content` to `target` atomically, making its folder once. */
export async function writeAtomic(target: string, content: string): Promise<void> {
  const folder = path.dirname(target)
  if (!made.has(folder)) {
    await mkdir(folder, {recursive: true})
    made.add(folder)
  }
  const temporary = target + '.' + process.pid + '-' + threadId + '.tmp'
  await writeFile(temporary, content)
  await rename(temporary, target)
}
