/**
 * Worker thread of `table`: reads a batch of record files (checked against
 * the schema), encodes their rows (`table-encode.ts`) and hands the bytes
 * back with the records' keys (`table-batches.ts`).
 */
import {parentPort} from 'node:worker_threads'
import {readTexts, recordKey, recordsIn} from './records.js'
import type {BatchRequest, BatchResult} from './table-batches.js'
import {encodeBatch} from './table-encode.js'

parentPort?.on('message', async function ({batch, files, format, options}: BatchRequest) {
  let result: BatchResult
  try {
    const texts = await readTexts(files)
    const records = files.flatMap((file, index) => recordsIn(file, texts[index]!))
    result = {batch, keys: records.map(recordKey), chunks: encodeBatch(records, format, options)}
  } catch (error) {
    result = {batch, error: (error instanceof Error ? error.message : String(error)).split('\n')[0]!}
  }
  const transfer = 'chunks' in result ? result.chunks.map((chunk) => chunk.bytes.buffer as ArrayBuffer) : []
  parentPort?.postMessage(result, transfer)
})
