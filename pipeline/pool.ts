/**
 * A small pool of worker threads for extraction, with a per-document time
 * budget: a worker that runs over it is terminated and replaced, the document
 * fails with a clear reason, and the other documents it held are run again.
 * Each worker holds two documents at a time so that one's file I/O overlaps
 * the other's extraction. Each worker's heap is capped (`heapMb`): a runaway
 * document ends its worker, not the machine; when the worker held two, each
 * is run again alone, so only the culprit fails. Without workers (running from TypeScript sources,
 * as the tests do) jobs run in-process.
 */
import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'
import type {Job, JobResult} from './extract-one.js'

interface Pending {
  job: Job
  resolve: (result: JobResult) => void
  timer?: NodeJS.Timeout
  /** Run again after its worker crashed while holding others too: now it runs alone. */
  alone?: boolean
}

interface Slot {
  worker: Worker
  running: Map<number, Pending>
}

const workerUrl = new URL('./worker.js', import.meta.url)
/** Workers need the compiled JavaScript; from `.ts` sources (tests, tsx) the pool runs in-process. */
const canUseWorkers = import.meta.url.endsWith('.js')
/** Documents a worker holds at once. */
const perWorker = 2

/** The number of workers worth starting for `files` documents on this machine. */
export function defaultJobs(files: number): number {
  return Math.max(1, Math.min(files < 64 ? 1 : availableParallelism(), 8))
}

export class ExtractionPool {
  readonly #slots: Slot[] = []
  readonly #waiting: Pending[] = []
  readonly #timeout: number
  readonly #heapMb: number

  /**
   * A pool of `jobs` workers; `timeout` is the budget per document in
   * milliseconds, `heapMb` each worker's heap. Even one job runs in a worker,
   * so the limits hold.
   */
  constructor(jobs: number, timeout: number, heapMb = 512) {
    this.#timeout = timeout
    this.#heapMb = heapMb
    this.grow(jobs)
  }

  /** Called after each page OCR reads, in any worker (the engine counts them on its progress bar). */
  onPage: () => void = () => {}

  /** Start workers until there are `jobs` (a pool never shrinks). */
  grow(jobs: number): void {
    if (!canUseWorkers) return
    while (this.#slots.length < jobs) this.#slots.push(this.#spawn())
  }

  /** How many documents the pool can hold at once (what the engine keeps in flight). */
  get capacity(): number {
    return Math.max(1, this.#slots.length) * perWorker
  }

  /** Process one document. */
  run(job: Job): Promise<JobResult> {
    // Note: loaded only when jobs run in this thread; the workers load it themselves.
    if (this.#slots.length === 0)
      return import('./extract-one.js').then((module) => module.processJob(job, () => this.onPage()))
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
    const worker = new Worker(workerUrl, {
      resourceLimits: {maxOldGenerationSizeMb: this.#heapMb, maxYoungGenerationSizeMb: Math.min(64, this.#heapMb / 4)}
    })
    const slot: Slot = {worker, running: new Map()}
    worker.on('message', (message: JobResult | {id: number; page: true}) => {
      if ('page' in message) {
        this.#restartBudget(slot, message.id)
        this.onPage()
      } else this.#settle(slot, message)
    })
    worker.on('error', (error: Error & {code?: string}) => {
      const reason =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? 'ran out of memory (worker heap ' + this.#heapMb + ' MB)'
          : 'worker crashed: ' + error.message.split('\n')[0]
      this.#replace(slot, undefined, reason)
    })
    slot.worker.unref()
    return slot
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      while (slot.running.size < perWorker && this.#waiting.length > 0) {
        // Note: a document run again alone waits for an idle worker, and keeps it to itself.
        if ([...slot.running.values()].some((running) => running.alone)) break
        const at = slot.running.size === 0 ? 0 : this.#waiting.findIndex((waiting) => !waiting.alone)
        if (at === -1) break
        const pending = this.#waiting.splice(at, 1)[0]!
        slot.running.set(pending.job.id, pending)
        this.#restartBudget(slot, pending.job.id)
        slot.worker.postMessage(pending.job)
      }
    }
  }

  /** Give a running document its time budget afresh: at its start, and after each page OCR reads (a page takes seconds). */
  #restartBudget(slot: Slot, id: number): void {
    const pending = slot.running.get(id)
    if (!pending) return
    clearTimeout(pending.timer)
    pending.timer = setTimeout(
      () => this.#replace(slot, id, 'took longer than the time budget of ' + this.#timeout + ' ms (--timeout-ms)'),
      this.#timeout
    )
  }

  #settle(slot: Slot, result: JobResult): void {
    const pending = slot.running.get(result.id)
    if (!pending) return
    clearTimeout(pending.timer)
    slot.running.delete(result.id)
    pending.resolve(result)
    this.#dispatch()
  }

  /**
   * Terminate a stuck or crashed worker: fail the culprit and run the others
   * again. On a crash the culprit is not known: a document that ran alone is
   * it; documents that ran together are each run again alone.
   */
  #replace(slot: Slot, culprit: number | undefined, reason: string): void {
    void slot.worker.terminate()
    const index = this.#slots.indexOf(slot)
    if (index === -1) return
    this.#slots[index] = this.#spawn()
    const together = slot.running.size > 1
    for (const [id, pending] of slot.running) {
      clearTimeout(pending.timer)
      const guilty = culprit === undefined ? !together || pending.alone : id === culprit
      if (guilty) pending.resolve({id, status: 'failed', reason, sha256: null, bytes: null})
      else this.#waiting.unshift({job: pending.job, resolve: pending.resolve, alone: culprit === undefined})
    }
    slot.running.clear()
    this.#dispatch()
  }
}
