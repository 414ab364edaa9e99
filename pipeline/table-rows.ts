/**
 * The rows of the records `table` reads, in order. Record files of an
 * output folder are parsed in worker threads, a batch of files at a time,
 * and their rows come back to be written (parsing the JSON was a third of
 * the work); other inputs (NDJSON, documents extracted on the fly), and runs
 * from the TypeScript sources, are read in this thread.
 */
import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'
import {recordFilesOf, recordStream} from './records.js'
import {recordRows, type RecordRows} from './table.js'

/** What a worker sends back for a batch of record files. */
export type RowBatch = {batch: number; rows: Array<RecordRows & {key: string}>} | {batch: number; error: string}

const workerUrl = new URL('./table-worker.js', import.meta.url)
const canUseWorkers = import.meta.url.endsWith('.js')
/** Files a worker parses at a time, and batches it holds at once. */
const batchSize = 32
const perWorker = 2

/**
 * The rows of the records `inputs` name, in order (see the module's comment);
 * `groups` are the files of each input (`recordFileGroups`), walked once.
 */
export async function* rowStream(inputs: string[], groups: string[][]): AsyncGenerator<RecordRows> {
  const onlyRecordFiles = groups.every((group) => group.every((file) => /\.json$/i.test(file)))
  if (!onlyRecordFiles || !canUseWorkers) {
    for await (const record of recordStream(inputs)) yield recordRows(record)
    return
  }
  // Note: a folder's records once each (by id and source), as `recordStream` reads them.
  const files = groups.flatMap((group, index) => group.map((file) => ({file, group: index})))
  const seen = groups.map(() => new Set<string>())
  const batches: string[][] = []
  for (let at = 0; at < files.length; at += batchSize)
    batches.push(files.slice(at, at + batchSize).map((each) => each.file))
  let at = 0
  for await (const result of parallelBatches(batches)) {
    if ('error' in result) throw new Error(result.error)
    for (const rows of result.rows) {
      const group = seen[files[at++]!.group]!
      if (group.has(rows.key)) continue
      group.add(rows.key)
      yield rows
    }
  }
}

/** The files each input names: a folder's record files, else the input itself. */
export async function recordFileGroups(inputs: string[]): Promise<string[][]> {
  return Promise.all(inputs.map((input) => recordFilesOf([input])))
}

/** The results of `batches`, parsed by a few workers, yielded in the batches' order. */
async function* parallelBatches(batches: string[][]): AsyncGenerator<RowBatch> {
  const count = Math.max(1, Math.min(availableParallelism(), 4, Math.ceil(batches.length / perWorker)))
  const workers = Array.from({length: count}, () => new Worker(workerUrl))
  const done = new Map<number, RowBatch>()
  let wake: (() => void) | undefined
  let next = 0
  const send = (worker: Worker) => {
    if (next < batches.length) worker.postMessage({batch: next, files: batches[next++]})
  }
  for (const worker of workers) {
    worker.on('message', (result: RowBatch) => {
      done.set(result.batch, result)
      send(worker)
      wake?.()
    })
    worker.on('error', (error) => {
      done.set(-1, {batch: -1, error: 'worker failed: ' + error.message})
      wake?.()
    })
    for (let held = 0; held < perWorker; held++) send(worker)
  }
  try {
    for (let batch = 0; batch < batches.length; batch++) {
      while (!done.has(batch) && !done.has(-1)) await new Promise<void>((resolve) => (wake = resolve))
      const result = done.get(batch) ?? done.get(-1)!
      done.delete(batch)
      yield result
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}
