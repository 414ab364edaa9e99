/**
 * The batch engine: find inputs → for each, read and extract (in worker
 * threads when it pays) → write the record atomically → journal, manifest and
 * report. One bad file becomes a failed manifest entry with a one-line
 * reason; the batch goes on. Records, NDJSON lines and reports come out in
 * input order whatever order the workers finish in, so output is
 * deterministic.
 *
 * A run can be stopped at any moment: Ctrl-C (or SIGTERM, through `signal`)
 * lets the documents in flight finish and writes the manifest; after a kill,
 * the journal (`run-state.ts`) tells the next run what is done already.
 * Nothing is written over an input or outside its folder (`guard.ts`).
 */
import {createWriteStream, openSync, renameSync, rmSync, statSync} from 'node:fs'
import {mkdir, stat} from 'node:fs/promises'
import path from 'node:path'
import {finished} from 'node:stream/promises'
import type {Diagnostic} from '../schemas/record.js'
import {formatOf, supportedList, unsupportedFormats, type ParsedFormat} from './convert/formats.js'
import type {OcrMode} from './convert/ocr.js'
import type {JobResult} from './extract-one.js'
import {UnsafeWrite, WriteGuard} from './guard.js'
import {findInputs, relativePath, type InputFile} from './inputs.js'
import {ExtractionPool, defaultJobs} from './pool.js'
import {createProgress, type EngineStreams} from './report.js'
import {
  Journal,
  journalName,
  OutputFolderError,
  lock,
  manifestName,
  readEarlier,
  writeManifest,
  type ManifestEntry
} from './run-state.js'
import {describeWriteError, removeStaleTemporaries, temporaryFor} from './write.js'

export type {EngineStreams} from './report.js'
export type {Manifest, ManifestEntry} from './run-state.js'

/** Options of `zhengce extract`. */
export interface ExtractOptions {
  /** Files, folders or globs; `-` is one document on standard input (`stdin`). */
  inputs: string[]
  /** Output folder (optional with `ndjson`: then no record file is written). */
  out?: string | undefined
  /** Re-extract files whose sha256 is unchanged. */
  force?: boolean
  /** Also write every record as one JSON line to this file (`-` for stdout). */
  ndjson?: string | undefined
  /** Stop at the first failure. */
  failFast?: boolean
  /** Refuse files larger than this many bytes (default 50 MB); reading stops there. */
  maxBytes?: number
  /** Time budget per document in milliseconds (default 60 000; enforced in worker threads); OCR restarts it at each page. */
  timeoutMs?: number
  /** OCR of images and of PDF pages without text (`auto`, the default), of every PDF page (`always`), or none (`never`). */
  ocr?: OcrMode | undefined
  /** Heap of each worker thread in MB (default 512): a document that needs more fails. */
  maxHeapMb?: number
  /** Worker threads (default: the cores, for 64 documents or more; 1 runs in-process). */
  jobs?: number | undefined
  /** Follow symbolic links inside the input folders. */
  followSymlinks?: boolean
  /** Exit 1 on warnings too. */
  frail?: boolean
  /** Print no per-diagnostic lines, only failures and the summary. */
  quiet?: boolean
  /** Print info diagnostics too. */
  verbose?: boolean
  /** Print a JSON line of throughput and peak memory at the end. */
  stats?: boolean
  /** Write the intermediate text of converted formats (docx, html, pdf) here; positions refer to it. */
  dumpIntermediate?: string | undefined
  /** Indent records for reading (default: one compact line, which is smaller and faster). */
  pretty?: boolean
  /** Print diagnostics as JSON lines (`json`) instead of text lines. */
  reporter?: 'text' | 'json'
  /** The path a document on standard input is named by (default `stdin.txt`; its extension names the format). */
  name?: string | undefined
  /** The bytes of standard input, when an input is `-`. */
  stdin?: () => Promise<Uint8Array>
  /** Stops the run after the documents in flight (Ctrl-C): the manifest is written, exit 130. */
  signal?: AbortSignal
}

interface Outcome {
  entry: ManifestEntry
  line?: string | undefined
  diagnostics?: Diagnostic[]
  /** The output folder itself failed (disk full, read-only): the run stops. */
  writeFailed?: boolean
}

interface Plan {
  input: InputFile
  relative: string
  record: string
}

const defaultMaxBytes = 50 * 1024 * 1024
const defaultTimeout = 60_000

/** Run an extraction; resolves to the exit code (0 ok, 1 failures or, with `frail`, warnings, 2 usage, 130 interrupted). */
export async function runExtract(options: ExtractOptions, streams: EngineStreams): Promise<number> {
  const started = performance.now()
  const problem = usageProblem(options)
  if (problem) return usage(problem, streams)
  // Note: one worker starts before the walk, so that its start-up overlaps it; the others once the count of inputs shows they pay.
  const pool = new ExtractionPool(options.jobs ?? 1, options.timeoutMs ?? defaultTimeout, options.maxHeapMb)
  const closing: Array<() => void> = []
  try {
    const run = await prepare(options, closing, streams)
    const jobs = options.jobs ?? defaultJobs(run.plans.length)
    pool.grow(jobs)
    const {emitted, bytes, stopped} = await extractAll(run, options, pool, streams)
    await pool.close()
    const ndjsonFailure = await run.ndjson?.finish().then(
      () => undefined,
      (error: Error) => error.message
    )
    if (!saveManifest(run, streams)) return 1
    summary(run.entries, streams)
    if (options.stats) {
      const seconds = (performance.now() - started) / 1000
      const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024)
      streams.stderr.write(JSON.stringify({documents: emitted, bytes, seconds, jobs, maxRssMb}) + '\n')
    }
    return exitCode(run, {emitted, stopped, ndjsonFailure}, options, streams)
  } catch (error) {
    if (error instanceof UnsafeWrite || error instanceof OutputFolderError || error instanceof NdjsonError)
      return usage(error.message, streams)
    throw error
  } finally {
    await pool.close()
    for (const close of closing.reverse()) close()
  }
}

function usage(message: string, streams: EngineStreams): number {
  streams.stderr.write('zhengce: ' + message + '\n')
  return 2
}

/** What is wrong with the options before anything is read, if anything. */
function usageProblem(options: ExtractOptions): string | undefined {
  if (options.out === '-')
    return '--out - is not a folder: give a folder for the records, or use --ndjson - alone to print them'
  if (options.out === undefined && options.ndjson === undefined)
    return 'give --out <folder> for the records, or --ndjson <file> (- for stdout)'
  if (options.inputs.filter((input) => input === '-').length > 1) return 'standard input (-) can be read once'
  return undefined
}

/** A run once prepared: what to extract, where it goes, and what is already done. */
interface Run {
  out: string | undefined
  dump: string | undefined
  base: string
  plans: Plan[]
  guard: WriteGuard
  ndjson: NdjsonSink | undefined
  earlier: Map<string, ManifestEntry>
  journal: Journal | undefined
  stdinBytes: Uint8Array | undefined
  /** Every entry of this run, in the order reported. */
  entries: ManifestEntry[]
  settle: (outcome: Outcome) => void
}

/** Find the inputs, take the output folder, open the NDJSON and the journal; settle what is not read. */
async function prepare(options: ExtractOptions, closing: Array<() => void>, streams: EngineStreams): Promise<Run> {
  const out = options.out === undefined ? undefined : path.resolve(options.out)
  const dump = options.dumpIntermediate ? path.resolve(options.dumpIntermediate) : undefined
  const named = options.inputs.filter((input) => input !== '-')
  for (const input of named) {
    const info = await stat(input).catch(() => undefined)
    if (out && info?.isDirectory() && path.resolve(input) === out)
      throw new OutputFolderError('--out ' + options.out + ' is an input folder: give another folder for the records')
  }
  const exclude = [out, dump].filter((folder) => folder !== undefined)
  const {files, base, skipped, problems} = await findInputs(named, {
    exclude,
    followSymlinks: Boolean(options.followSymlinks)
  })
  const guard = new WriteGuard(files.map((file) => file.path))
  if (out) {
    await makeFolder(out).catch((error: NodeJS.ErrnoException) => {
      const why = error.code === 'ENOTDIR' ? 'a file is in the way' : error.message
      throw new OutputFolderError('cannot make the output folder ' + options.out + ': ' + why)
    })
    closing.push(lock(out))
    removeStaleTemporaries(out)
  }
  const stdinFile: InputFile | undefined = options.inputs.includes('-')
    ? {path: path.join(base, options.name ?? 'stdin.txt'), named: true, stdin: true}
    : undefined
  const stdinBytes = stdinFile ? await (options.stdin ?? readStdin)() : undefined
  const ndjson = options.ndjson === undefined ? undefined : openNdjson(options.ndjson, guard, streams)
  if (ndjson) closing.push(() => ndjson.abandon())
  const earlier = out ? readEarlier(out, base) : {entries: new Map<string, ManifestEntry>(), otherBase: undefined}
  if (earlier.otherBase)
    streams.stderr.write(
      'zhengce: the manifest in ' + options.out + ' was for inputs under ' + earlier.otherBase + '; it is replaced\n'
    )
  const journal = out ? new Journal(out, base) : undefined
  const entries: ManifestEntry[] = []
  const settle = (outcome: Outcome) => {
    entries.push(outcome.entry)
    journal?.add(outcome.entry)
    if (outcome.line) ndjson?.write(outcome.line)
    report(outcome, options, streams)
  }
  for (const problem of problems) settle({entry: failed(problem.path, problem.reason, 0)})
  for (const item of skipped) settle({entry: {...failed(item.path, item.reason, 0), status: 'skipped'}})
  const plans = planOf(stdinFile ? [...files, stdinFile] : files, base)
  return {out, dump, base, plans, guard, ndjson, earlier: earlier.entries, journal, stdinBytes, entries, settle}
}

/**
 * Extract every plan, as many at once as the pool holds, settling outcomes in
 * input order; stops early on a signal, a failed write or (`failFast`) a failure.
 */
async function extractAll(
  run: Run,
  options: ExtractOptions,
  pool: ExtractionPool,
  streams: EngineStreams
): Promise<{emitted: number; bytes: number; stopped: string | undefined}> {
  const progress = createProgress(run.plans.length, streams)
  pool.onPage = () => progress.page()
  const results: Array<Outcome | undefined> = []
  let next = 0
  let emitted = 0
  let bytes = 0
  let stopped: string | undefined
  const emit = () => {
    for (let outcome = results[emitted]; outcome; outcome = results[emitted]) {
      results[emitted++] = undefined
      bytes += outcome.entry.bytes ?? 0
      run.settle(outcome)
      progress.increment()
      if (outcome.writeFailed) stopped ??= outcome.entry.reason ?? 'a write failed'
      if (options.failFast && outcome.entry.status === 'failed') stopped ??= 'fail-fast'
    }
  }
  const context: Context = {
    out: run.out,
    dump: run.dump,
    earlier: run.earlier,
    options,
    pool,
    guard: run.guard,
    stdinBytes: run.stdinBytes
  }
  const lane = async () => {
    while (!stopped && !options.signal?.aborted && next < run.plans.length) {
      const index = next++
      results[index] = await processOne(run.plans[index]!, index, context)
      emit()
    }
  }
  await Promise.all(Array.from({length: pool.capacity}, lane))
  progress.stop()
  return {emitted, bytes, stopped}
}

/** Write the manifest (this run's entries over the earlier ones) and drop the journal; false when it cannot be written. */
function saveManifest(run: Run, streams: EngineStreams): boolean {
  if (!run.out || !run.journal) return true
  try {
    writeManifest(run.out, run.base, run.earlier, run.entries)
    run.journal.close(run.out, true)
    return true
  } catch (error) {
    run.journal.close(run.out, false)
    const journal = path.join(run.out, journalName)
    streams.stderr.write(
      'zhengce: cannot write the manifest (' +
        describeWriteError(error) +
        '); the journal ' +
        journal +
        ' keeps what is done, for the next run\n'
    )
    return false
  }
}

/** 130 interrupted, 1 stopped or failed (or warnings with `frail`), else 0; with the line that says why. */
function exitCode(
  run: Run,
  end: {emitted: number; stopped: string | undefined; ndjsonFailure: string | undefined},
  options: ExtractOptions,
  streams: EngineStreams
): number {
  if (options.signal?.aborted && end.emitted < run.plans.length) {
    const done = end.emitted + ' of ' + run.plans.length + ' documents'
    streams.stderr.write(
      'zhengce: interrupted after ' +
        done +
        '; run the same command again to go on (finished documents are not extracted again)\n'
    )
    return 130
  }
  if (end.stopped && end.stopped !== 'fail-fast') {
    streams.stderr.write('zhengce: stopped: ' + end.stopped + '\n')
    return 1
  }
  if (end.ndjsonFailure) {
    streams.stderr.write('zhengce: ' + end.ndjsonFailure + '\n')
    return 1
  }
  const warnings = run.entries.reduce((sum, entry) => sum + entry.diagnostics.warning, 0)
  return run.entries.some((entry) => entry.status === 'failed') || (options.frail && warnings > 0) ? 1 : 0
}

/** The plans of `files`: their paths relative to `base` and the records they get. */
function planOf(files: InputFile[], base: string): Plan[] {
  // Note: the manifest's name is taken: a record of `manifest.txt` is `manifest.txt.json`.
  const taken = new Set<string>([manifestName])
  return files.map((input) => {
    const relative = relativePath(base, input.path)
    return {input, relative, record: recordPath(relative, taken)}
  })
}

interface Context {
  out: string | undefined
  dump: string | undefined
  earlier: Map<string, ManifestEntry>
  options: ExtractOptions
  pool: ExtractionPool
  guard: WriteGuard
  stdinBytes: Uint8Array | undefined
}

/** Why a file is not read: not a document format, or an image with OCR off. */
function whyNotRead(file: string, format: ParsedFormat | undefined, options: ExtractOptions): string | undefined {
  const extension = path.extname(file).toLowerCase()
  if (!format)
    return unsupportedFormats.includes(extension)
      ? 'format ' + extension + ' is not supported yet (supported: ' + supportedList + ')'
      : 'not a document format (' + (extension || 'no extension') + '; supported: ' + supportedList + ')'
  if (format === 'image' && options.ocr === 'never') return 'an image: OCR is off (--ocr never)'
  return undefined
}

async function processOne(plan: Plan, id: number, context: Context): Promise<Outcome> {
  const {out, dump, earlier, options, pool, guard} = context
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  const format = formatOf(plan.input.path)
  const notRead = whyNotRead(plan.input.path, format, options)
  // Note: a file found in a folder that is no document (to read) is passed over; one named on the command line fails.
  if (notRead || !format)
    return {
      entry: {...failed(plan.relative, notRead ?? '', elapsed()), status: plan.input.named ? 'failed' : 'skipped'}
    }
  const target = out ? path.join(out, plan.record) : undefined
  const dumpTarget = dump ? path.join(dump, plan.relative + '.txt') : undefined
  const refused = (target && guard.refusal(target, out)) || (dumpTarget && guard.refusal(dumpTarget, dump))
  if (refused) return {entry: failed(plan.relative, refused, elapsed())}
  const before = earlier.get(plan.relative)
  const reusable =
    !options.force &&
    before &&
    (before.status === 'ok' || before.status === 'unchanged') &&
    before.record === plan.record
      ? (before.sha256 ?? undefined)
      : undefined
  const result = await pool.run({
    id,
    file: plan.input.path,
    raw: plan.input.raw,
    bytes: plan.input.stdin ? context.stdinBytes : undefined,
    relative: plan.relative,
    format,
    target,
    dumpTarget,
    maxBytes: options.maxBytes ?? defaultMaxBytes,
    previousSha256: reusable,
    wantsLine: Boolean(options.ndjson),
    report: options.quiet ? 'none' : options.verbose ? 'info' : 'warning',
    pretty: Boolean(options.pretty),
    ocr: options.ocr ?? 'auto'
  })
  return outcomeOf(plan, result, before, out, elapsed())
}

/** What a job's result makes of an input's entry. */
function outcomeOf(
  plan: Plan,
  result: JobResult,
  before: ManifestEntry | undefined,
  out: string | undefined,
  milliseconds: number
): Outcome {
  if (result.status === 'unchanged' && before)
    return {entry: {...before, status: 'unchanged', reason: null, milliseconds}, line: result.line}
  if (result.status !== 'ok') {
    const reason = result.status === 'failed' ? result.reason : 'unknown'
    // Note: a file found in a folder whose content holds no document (a logo among scans) is passed over too.
    const passedOver = result.status === 'failed' && result.notADocument === true && !plan.input.named
    return {
      entry: {
        ...failed(plan.relative, reason, milliseconds),
        sha256: result.sha256,
        bytes: result.bytes,
        ...(passedOver ? {status: 'skipped' as const} : {})
      },
      writeFailed: result.status === 'failed' && result.writeFailed === true
    }
  }
  const entry: ManifestEntry = {
    path: plan.relative,
    status: 'ok',
    reason: null,
    record: out ? plan.record : null,
    sha256: result.sha256,
    bytes: result.bytes,
    milliseconds,
    diagnostics: result.counts,
    unreadGoalNumbers: result.unread
  }
  return {entry, line: result.line, diagnostics: result.report}
}

/** Why `--ndjson` cannot be written: one line, exit 2. */
class NdjsonError extends Error {}

interface NdjsonSink {
  write(line: string): void
  /** Close the stream and put the file in place; throws `NdjsonError` when it could not be written. */
  finish(): Promise<void>
  /** Remove what was written (the run failed). */
  abandon(): void
}

/**
 * The NDJSON output: stdout, a device or pipe as it is, or a file written
 * beside its place and renamed over it at the end (never half a file, never
 * an input).
 */
function openNdjson(target: string, guard: WriteGuard, streams: EngineStreams): NdjsonSink {
  if (target === '-') return {write: (line) => void streams.stdout.write(line), finish: async () => {}, abandon() {}}
  guard.check(target)
  removeStaleTemporaries(path.dirname(path.resolve(target)), false)
  const info = (() => {
    try {
      return statSync(target)
    } catch {
      return undefined
    }
  })()
  const direct = info !== undefined && !info.isFile()
  if (info?.isDirectory()) throw new NdjsonError('cannot write --ndjson ' + target + ': it is a folder')
  const temporary = direct ? target : temporaryFor(path.resolve(target))
  let descriptor: number
  try {
    descriptor = openSync(temporary, direct ? 'a' : 'wx')
  } catch (error) {
    throw new NdjsonError('cannot write --ndjson ' + target + ': ' + describeWriteError(error))
  }
  let failure: unknown
  let done = false
  const stream = createWriteStream('', {fd: descriptor})
  stream.on('error', (error) => {
    failure ??= error
  })
  return {
    write(line) {
      if (!failure) stream.write(line)
    },
    async finish() {
      stream.end()
      await finished(stream).catch((error: unknown) => {
        failure ??= error
      })
      if (failure) {
        if (!direct) rmSync(temporary, {force: true})
        throw new NdjsonError('cannot write --ndjson ' + target + ': ' + describeWriteError(failure))
      }
      if (!direct) renameSync(temporary, target)
      done = true
    },
    abandon() {
      if (done || direct) return
      stream.destroy()
      rmSync(temporary, {force: true})
    }
  }
}

/**
 * `mkdir -p`, one level at a time from the nearest folder that exists. Note:
 * Node 20's recursive `mkdir` loops forever where the kernel answers ENOENT
 * under a folder that exists (`/proc/x`); this fails with that error instead.
 */
async function makeFolder(folder: string): Promise<void> {
  const missing: string[] = []
  for (let at = folder; ; at = path.dirname(at)) {
    const info = await stat(at).catch(() => undefined)
    if (info?.isDirectory()) break
    if (info) throw Object.assign(new Error('not a folder: ' + at), {code: 'ENOTDIR'})
    missing.unshift(at)
    if (path.dirname(at) === at) break
  }
  for (const each of missing) {
    await mkdir(each).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error
    })
  }
}

function failed(relative: string, reason: string, milliseconds: number): ManifestEntry {
  return {
    path: relative,
    status: 'failed',
    reason,
    record: null,
    sha256: null,
    bytes: null,
    milliseconds,
    diagnostics: {error: 0, warning: 0, info: 0},
    unreadGoalNumbers: 0
  }
}

/** `a/规划.txt` → `a/规划.json`; `a/x.txt.json` where `a/x.md` took `a/x.json` already. */
function recordPath(relative: string, taken: Set<string>): string {
  const plain = relative.slice(0, relative.length - path.extname(relative).length) + '.json'
  const chosen = taken.has(plain) ? relative + '.json' : plain
  taken.add(chosen)
  return chosen
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** A path or reason on one line: control characters (a newline in a file name) escaped. */
export function oneLine(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f\u2028\u2029]/g,
    (character) => '\\x' + character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')
  )
}

function report(outcome: Outcome, options: ExtractOptions, streams: EngineStreams): void {
  const entry = outcome.entry
  const where = oneLine(entry.path)
  if (options.reporter === 'json') {
    if (entry.status === 'failed')
      streams.stderr.write(
        JSON.stringify({path: entry.path, severity: 'fatal', message: entry.reason, rule: 'failed'}) + '\n'
      )
    if (options.quiet) return
    if (entry.status === 'skipped')
      streams.stderr.write(
        JSON.stringify({path: entry.path, severity: 'skipped', message: entry.reason, rule: 'skipped'}) + '\n'
      )
    for (const diagnostic of outcome.diagnostics ?? []) {
      if (diagnostic.severity === 'info' && !options.verbose) continue
      streams.stderr.write(JSON.stringify({path: entry.path, ...diagnostic}) + '\n')
    }
    return
  }
  if (entry.status === 'failed') {
    streams.stderr.write(where + ': error ' + oneLine(entry.reason ?? '') + '\n')
    return
  }
  if (options.quiet) return
  if (entry.status === 'skipped') streams.stderr.write(where + ': skipped ' + oneLine(entry.reason ?? '') + '\n')
  for (const diagnostic of outcome.diagnostics ?? []) {
    if (diagnostic.severity === 'info' && !options.verbose) continue
    const place = diagnostic.position
      ? ':' + diagnostic.position.start.line + ':' + diagnostic.position.start.column
      : ''
    streams.stderr.write(
      where + place + ' ' + diagnostic.severity + ' ' + oneLine(diagnostic.message) + ' ' + diagnostic.rule + '\n'
    )
  }
}

function summary(entries: ManifestEntry[], streams: EngineStreams): void {
  const count = (status: ManifestEntry['status']) => entries.filter((entry) => entry.status === status).length
  const warnings = entries.reduce((sum, entry) => sum + entry.diagnostics.warning, 0)
  const unread = entries.filter((entry) => (entry.unreadGoalNumbers ?? 0) > 0)
  const misses =
    unread.length > 0
      ? ' (' +
        unread.reduce((sum, entry) => sum + entry.unreadGoalNumbers, 0) +
        ' goal statements with an unread number, in ' +
        unread.length +
        ' documents)'
      : ''
  const passed = count('skipped') > 0 ? ', ' + count('skipped') + ' passed over' : ''
  streams.stderr.write(
    count('ok') +
      ' extracted, ' +
      count('unchanged') +
      ' unchanged, ' +
      count('failed') +
      ' failed' +
      passed +
      ', ' +
      warnings +
      ' warnings' +
      misses +
      '\n'
  )
}
