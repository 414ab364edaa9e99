/**
 * Worker thread: extracts documents sent by the pool (`pool.ts`) and sends
 * back the record as JSON text, or the one-line reason it failed; and a
 * sign of life after each page OCR reads.
 */
import {parentPort} from 'node:worker_threads'
import {processJob, type Job} from './extract-one.js'

// Note: each page OCR reads is a sign of life (`{id, page: true}`): the pool restarts the document's time budget.
parentPort?.on('message', async function (job: Job) {
  parentPort?.postMessage(await processJob(job, () => parentPort?.postMessage({id: job.id, page: true})))
})
