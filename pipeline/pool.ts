/**
 * A small pool of worker threads for extraction, with a per-document time
 * budget: a worker that runs over it is terminated and replaced, and the
 * document fails with a clear reason. Without workers (one job, or running
 * from TypeScript sources) jobs run in-process.
 */
import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'
import type {Job, JobResult} from './extract-one.js'

interface Slot {
  worker: Worker
  job: Job | undefined
  resolve: ((result: JobResult) => void) | undefined
  timer: NodeJS.Timeout | undefined
}

const workerUrl = new URL('./worker.js', import.meta.url)
/** Workers need the compiled JavaScript; from `.ts` sources (tests, tsx) the pool runs in-process. */
const canUseWorkers = import.meta.url.endsWith('.js')

/** The number of workers worth starting for `files` documents on this machine. */
export function defaultJobs(files: number): number {
  return Math.max(1, Math.min(files < 64 ? 1 : availableParallelism(), 8))
}

export class ExtractionPool {
  readonly #slots: Slot[] = []
  readonly #waiting: Array<{job: Job; resolve: (result: JobResult) => void}> = []
  readonly #timeout: number

  /**
   * A pool of `jobs` workers; `timeout` is the budget per document in
   * milliseconds. Even one job runs in a worker, so the budget holds.
   */
  constructor(jobs: number, timeout: number) {
    this.#timeout = timeout
    if (!canUseWorkers) return
    for (let index = 0; index < jobs; index++) this.#slots.push(this.#spawn())
  }

  /** Extract one document. */
  run(job: Job): Promise<JobResult> {
    // Note: loaded only when jobs run in this thread; the workers load it themselves.
    if (this.#slots.length === 0) return import('./extract-one.js').then((module) => module.extractOne(job))
    return new Promise((resolve) => {
      this.#waiting.push({job, resolve})
      this.#dispatch()
    })
  }

  /** Stop every worker. */
  async close(): Promise<void> {
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()))
  }

  #spawn(): Slot {
    const slot: Slot = {worker: new Worker(workerUrl), job: undefined, resolve: undefined, timer: undefined}
    slot.worker.on('message', (result: JobResult) => this.#settle(slot, result))
    slot.worker.on('error', (error) => this.#replace(slot, 'worker crashed: ' + error.message))
    slot.worker.unref()
    return slot
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (slot.job || this.#waiting.length === 0) continue
      const next = this.#waiting.shift()!
      slot.job = next.job
      slot.resolve = next.resolve
      slot.timer = setTimeout(() => this.#replace(slot, 'took longer than the time budget of ' + this.#timeout + ' ms (--timeout-ms)'), this.#timeout)
      slot.worker.postMessage(next.job)
    }
  }

  #settle(slot: Slot, result: JobResult): void {
    clearTimeout(slot.timer)
    const resolve = slot.resolve
    slot.job = undefined
    slot.resolve = undefined
    resolve?.(result)
    this.#dispatch()
  }

  /** Terminate a stuck or crashed worker, fail its job, start a fresh one. */
  #replace(slot: Slot, reason: string): void {
    const job = slot.job
    const resolve = slot.resolve
    clearTimeout(slot.timer)
    void slot.worker.terminate()
    const index = this.#slots.indexOf(slot)
    if (index !== -1) this.#slots[index] = this.#spawn()
    if (job && resolve) resolve({id: job.id, ok: false, reason})
    this.#dispatch()
  }
}
