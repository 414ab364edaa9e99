/**
 * Worker thread: extracts documents sent by the pool (`pool.ts`) and sends
 * back the record as JSON text, or the one-line reason it failed.
 */
import {parentPort} from 'node:worker_threads'
import {processJob, type Job} from './extract-one.js'

parentPort?.on('message', async function (job: Job) {
  parentPort?.postMessage(await processJob(job))
})
