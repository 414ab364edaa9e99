/**
 * The records `table` reads, encoded a batch at a time, in order
 * (`table-encode.ts`). Record files of an output folder are read, parsed and
 * encoded in worker threads, a batch each, and only bytes come back to be
 * put together; other inputs (NDJSON, documents extracted on the fly), and
 * runs from the TypeScript sources, are encoded in this thread.
 */
import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'
import type {PolicyRecord} from '../schemas/record.js'
import {readTexts, recordFilesOf, recordsIn, recordStream} from './records.js'
import {batchRecords, encodeBatch, type Chunk, type EncodeOptions, type TableFormat} from './table-encode.js'

/** What a worker is asked: to encode a batch of record files. */
export interface BatchRequest {
  batch: number
  files: string[]
  format: TableFormat
  options: EncodeOptions
}

/** What a worker sends back: the records' keys (to pass over one read twice) and a chunk per table. */
export type BatchResult = {batch: number; keys: string[]; chunks: Chunk[]} | {batch: number; error: string}

const workerUrl = new URL('./table-worker.js', import.meta.url)
const canUseWorkers = import.meta.url.endsWith('.js')

/**
 * The chunks of the records `inputs` name, a batch at a time, in order;
 * `groups` are the files of each input (`recordFileGroups`), walked once.
 * A folder's records are read once each (by id and source), as
 * `recordStream` reads them.
 */
export async function* batchStream(
  inputs: string[],
  groups: string[][],
  format: TableFormat,
  options: EncodeOptions
): AsyncGenerator<Chunk[]> {
  const onlyRecordFiles = groups.every((group) => group.every((file) => /\.json$/i.test(file)))
  if (!onlyRecordFiles || !canUseWorkers) {
    let records: PolicyRecord[] = []
    for await (const record of recordStream(inputs)) {
      records.push(record)
      if (records.length < batchRecords) continue
      yield encodeBatch(records, format, options)
      records = []
    }
    if (records.length > 0) yield encodeBatch(records, format, options)
    return
  }
  const files = groups.flatMap((group, index) => group.map((file) => ({file, group: index})))
  const seen = groups.map(() => new Set<string>())
  const requests: BatchRequest[] = []
  for (let at = 0; at < files.length; at += batchRecords)
    requests.push({
      batch: requests.length,
      files: files.slice(at, at + batchRecords).map((each) => each.file),
      format,
      options
    })
  let at = 0
  for await (const result of parallelBatches(requests)) {
    if ('error' in result) throw new Error(result.error)
    const kept = result.keys.map((key) => {
      const group = seen[files[at++]!.group]!
      if (group.has(key)) return false
      group.add(key)
      return true
    })
    if (kept.every(Boolean)) yield result.chunks
    else yield await encodeKept(requests[result.batch]!, kept)
  }
}

/** A batch again, in this thread, without the records read before (a copy of a record file, say). */
async function encodeKept(request: BatchRequest, kept: boolean[]): Promise<Chunk[]> {
  const texts = await readTexts(request.files)
  const records = request.files.flatMap((file, index) => recordsIn(file, texts[index]!))
  return encodeBatch(
    records.filter((_, index) => kept[index]),
    request.format,
    request.options
  )
}

/** The files each input names: a folder's record files, else the input itself. */
export async function recordFileGroups(inputs: string[]): Promise<string[][]> {
  return Promise.all(inputs.map((input) => recordFilesOf([input])))
}

/** Batches a worker holds at once: one it encodes, one waiting. */
const perWorker = 2

/** The results of `requests`, encoded by a few workers, yielded in the requests' order. */
async function* parallelBatches(requests: BatchRequest[]): AsyncGenerator<BatchResult> {
  const count = Math.max(1, Math.min(availableParallelism(), 4, requests.length))
  const workers = Array.from({length: count}, () => new Worker(workerUrl))
  const done = new Map<number, BatchResult>()
  let wake: (() => void) | undefined
  let next = 0
  const send = (worker: Worker) => {
    if (next < requests.length) worker.postMessage(requests[next++])
  }
  for (const worker of workers) {
    worker.on('message', (result: BatchResult) => {
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
    for (let batch = 0; batch < requests.length; batch++) {
      while (!done.has(batch) && !done.has(-1)) await new Promise<void>((resolve) => (wake = resolve))
      const result = done.get(batch) ?? done.get(-1)!
      done.delete(batch)
      yield result
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}
