/**
 * Worker thread of `table`: parses a batch of record files (checked against
 * the schema) and sends back each record's table rows (`table-rows.ts`).
 */
import {parentPort} from 'node:worker_threads'
import {readText, recordKey, recordsIn} from './records.js'
import {recordRows} from './table.js'
import type {RowBatch} from './table-rows.js'

parentPort?.on('message', async function ({batch, files}: {batch: number; files: string[]}) {
  let result: RowBatch
  try {
    const texts = await Promise.all(files.map(readText))
    const rows = files.flatMap((file, index) =>
      recordsIn(file, texts[index]!).map((record) => ({
        key: recordKey(record),
        ...recordRows(record)
      }))
    )
    result = {batch, rows}
  } catch (error) {
    result = {batch, error: (error instanceof Error ? error.message : String(error)).split('\n')[0]!}
  }
  parentPort?.postMessage(result)
})
