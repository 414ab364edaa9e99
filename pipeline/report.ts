/**
 * Terminal reporting: the progress bar (only when stderr is a terminal).
 */
import cliProgress from 'cli-progress'

/** Streams the engine writes its report to. */
export interface EngineStreams {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream & {isTTY?: boolean}
}

/** A progress display: a bar with done/total, rate and ETA on a terminal, nothing otherwise. */
export interface Progress {
  increment(): void
  /** A page read by OCR (pages take seconds: the bar counts them too). */
  page(): void
  stop(): void
}

/** Create the progress display for `total` documents. */
export function createProgress(total: number, streams: EngineStreams): Progress {
  if (!streams.stderr.isTTY || total === 0) return {increment() {}, page() {}, stop() {}}
  const bar = new cliProgress.SingleBar(
    {
      stream: streams.stderr,
      format: 'extracting [{bar}] {value}/{total} | {speed} docs/s | ETA {eta_formatted}{pages}',
      etaBuffer: 200,
      fps: 5,
      clearOnComplete: true,
      hideCursor: true
    },
    cliProgress.Presets.shades_classic
  )
  const started = Date.now()
  let pages = 0
  bar.start(total, 0, {speed: '0', pages: ''})
  return {
    increment() {
      const seconds = (Date.now() - started) / 1000
      bar.increment(1, {speed: seconds > 0 ? Math.round((bar.getProgress() * total) / seconds) : 0})
    },
    page() {
      pages++
      bar.update({pages: ' | ' + pages + (pages === 1 ? ' page' : ' pages') + ' read by OCR'})
    },
    stop() {
      bar.stop()
    }
  }
}
