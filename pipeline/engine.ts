/**
 * The batch engine: find inputs → for each, read and extract (in worker
 * threads when it pays) → write the record atomically → manifest and report.
 * One bad file becomes a failed manifest entry with a one-line reason; the
 * batch goes on. Records, NDJSON lines and reports come out in input order
 * whatever order the workers finish in, so output is deterministic.
 */
import {createWriteStream} from 'node:fs'
import {mkdir, readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {finished} from 'node:stream/promises'
import type {Diagnostic} from '../schemas/record.js'
import {schemaVersion} from '../schemas/version.js'
import {formatOf, supportedList, unsupportedFormats} from './formats.js'
import {findInputs, isInside} from './inputs.js'
import {ExtractionPool, defaultJobs} from './pool.js'
import {createProgress, type EngineStreams} from './report.js'
import {writeAtomic} from './write.js'


export type {EngineStreams} from './report.js'

/** Options of `zhengce extract`. */
export interface ExtractOptions {
  /** Files, folders or globs. */
  inputs: string[]
  /** Output folder. */
  out: string
  /** Re-extract files whose sha256 is unchanged. */
  force?: boolean
  /** Also write every record as one JSON line to this file (`-` for stdout). */
  ndjson?: string | undefined
  /** Stop at the first failure. */
  failFast?: boolean
  /** Refuse files larger than this many bytes (default 50 MB), before reading them. */
  maxBytes?: number
  /** Time budget per document in milliseconds (default 60 000; enforced in worker threads). */
  timeoutMs?: number
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
}

/** One input in the manifest. */
export interface ManifestEntry {
  path: string
  status: 'ok' | 'failed' | 'skipped'
  reason: string | null
  record: string | null
  sha256: string | null
  bytes: number | null
  milliseconds: number
  diagnostics: Record<Diagnostic['severity'], number>
  /** Goal statements that keep a number no target reads (diagnostics `unread-goal-number`). */
  unreadGoalNumbers: number
}

/** What a run wrote. */
export interface Manifest {
  tool: string
  schemaVersion: string
  /** Absolute folder the entries' paths are relative to (where `view` finds the sources). */
  base?: string
  entries: ManifestEntry[]
}

interface Outcome {
  entry: ManifestEntry
  line?: string
  diagnostics?: Diagnostic[]
}

interface Plan {
  file: string
  relative: string
  record: string
}

const toolVersion = 'zhengce/0.1.0'
const defaultMaxBytes = 50 * 1024 * 1024
const defaultTimeout = 60_000

/** Run an extraction; resolves to the exit code (0 ok, 1 failures or, with `frail`, warnings). */
export async function runExtract(options: ExtractOptions, streams: EngineStreams): Promise<number> {
  const started = performance.now()
  const out = path.resolve(options.out)
  // Note: one worker starts before the walk, so that its start-up overlaps it;
  // the others once the count of inputs shows they pay.
  const pool = new ExtractionPool(options.jobs ?? 1, options.timeoutMs ?? defaultTimeout)
  const {files, base, problems} = await findInputs(options.inputs, out, Boolean(options.followSymlinks))
  const unusable = await makeFolder(out).then(
    () => undefined,
    (error: NodeJS.ErrnoException) => (error.code === 'ENOTDIR' ? 'a file is in the way' : error.message)
  )
  if (unusable) {
    await pool.close()
    streams.stderr.write('zhengce: cannot make the output folder ' + options.out + ': ' + unusable + '\n')
    return 2
  }
  const previous = await readManifest(out)
  const entries: ManifestEntry[] = problems.map((problem) => failed(problem.path, problem.reason, 0))
  for (const entry of entries) report({entry}, options, streams)
  const ndjson = options.ndjson === '-' ? streams.stdout : options.ndjson ? createWriteStream(options.ndjson) : undefined
  const taken = new Set<string>()
  const plans: Plan[] = files.map((file) => {
    const relative = path.relative(base, file).split(path.sep).join('/')
    return {file, relative, record: recordPath(relative, taken)}
  })
  const inputs = new Set(files)
  const jobs = options.jobs ?? defaultJobs(plans.length)
  pool.grow(jobs)
  const progress = createProgress(plans.length, streams)
  const results: Array<Outcome | undefined> = []
  let next = 0
  let emitted = 0
  let stopped = false
  let bytes = 0
  const emit = () => {
    for (let outcome = results[emitted]; outcome; outcome = results[emitted]) {
      results[emitted++] = undefined
      entries.push(outcome.entry)
      bytes += outcome.entry.bytes ?? 0
      if (outcome.line && ndjson) ndjson.write(outcome.line)
      report(outcome, options, streams)
      progress.increment()
      if (options.failFast && outcome.entry.status === 'failed') stopped = true
    }
  }
  const lane = async () => {
    while (!stopped && next < plans.length) {
      const index = next++
      results[index] = await processOne(plans[index]!, index, out, previous, options, pool, inputs)
      emit()
    }
  }
  await Promise.all(Array.from({length: pool.capacity}, lane))
  progress.stop()
  await pool.close()
  if (ndjson && ndjson !== streams.stdout) {
    ndjson.end()
    await finished(ndjson)
  }
  entries.sort((a, b) => a.path.localeCompare(b.path))
  writeAtomic(path.join(out, 'manifest.json'), JSON.stringify({tool: toolVersion, schemaVersion, base, entries} satisfies Manifest, null, 2) + '\n')
  summary(entries, streams)
  if (options.stats) {
    const seconds = (performance.now() - started) / 1000
    streams.stderr.write(JSON.stringify({documents: emitted, bytes, seconds, jobs, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024)}) + '\n')
  }
  const warnings = entries.reduce((sum, entry) => sum + entry.diagnostics.warning, 0)
  return entries.some((entry) => entry.status === 'failed') || (options.frail && warnings > 0) ? 1 : 0
}

async function processOne(plan: Plan, id: number, out: string, previous: Map<string, ManifestEntry>, options: ExtractOptions, pool: ExtractionPool, inputs: Set<string>): Promise<Outcome> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  const extension = path.extname(plan.file).toLowerCase()
  const format = formatOf(plan.file)
  if (!format) {
    const reason = unsupportedFormats.includes(extension)
      ? 'format ' + extension + ' is not supported yet (supported: ' + supportedList + ')'
      : 'not a document format (' + (extension || 'no extension') + '; supported: ' + supportedList + ')'
    return {entry: failed(plan.relative, reason, elapsed())}
  }
  const target = path.join(out, plan.record)
  if (!isInside(target, out) || inputs.has(target)) return {entry: failed(plan.relative, 'refusing to write ' + target + ': outside --out or an input', elapsed())}
  const dump = options.dumpIntermediate ? path.resolve(options.dumpIntermediate) : undefined
  const dumpTarget = dump && isInside(path.join(dump, plan.relative + '.txt'), dump) ? path.join(dump, plan.relative + '.txt') : undefined
  const before = previous.get(plan.relative)
  const reusable = !options.force && before && before.status !== 'failed' && before.record === plan.record ? (before.sha256 ?? undefined) : undefined
  const result = await pool.run({
    id,
    file: plan.file,
    relative: plan.relative,
    format,
    target,
    dumpTarget,
    maxBytes: options.maxBytes ?? defaultMaxBytes,
    previousSha256: reusable,
    wantsLine: Boolean(options.ndjson),
    report: options.quiet ? 'none' : options.verbose ? 'info' : 'warning',
    pretty: Boolean(options.pretty)
  })
  if (result.status === 'skipped' && before) return {entry: {...before, status: 'skipped', reason: 'unchanged since the last run (use --force to redo)', milliseconds: elapsed()}}
  if (result.status !== 'ok') return {entry: {...failed(plan.relative, result.status === 'failed' ? result.reason : 'unknown', elapsed()), sha256: result.sha256, bytes: result.bytes}}
  const entry: ManifestEntry = {path: plan.relative, status: 'ok', reason: null, record: plan.record, sha256: result.sha256, bytes: result.bytes, milliseconds: elapsed(), diagnostics: result.counts, unreadGoalNumbers: result.unread}
  return result.line ? {entry, line: result.line, diagnostics: result.report} : {entry, diagnostics: result.report}
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
  return {path: relative, status: 'failed', reason, record: null, sha256: null, bytes: null, milliseconds, diagnostics: {error: 0, warning: 0, info: 0}, unreadGoalNumbers: 0}
}

/** `a/规划.txt` → `a/规划.json`; `a/x.txt.json` where `a/x.md` took `a/x.json` already. */
function recordPath(relative: string, taken: Set<string>): string {
  const plain = relative.slice(0, relative.length - path.extname(relative).length) + '.json'
  const chosen = taken.has(plain) ? relative + '.json' : plain
  taken.add(chosen)
  return chosen
}

async function readManifest(out: string): Promise<Map<string, ManifestEntry>> {
  try {
    const manifest = JSON.parse(String(await readFile(path.join(out, 'manifest.json')))) as Manifest
    if (manifest.schemaVersion !== schemaVersion || manifest.tool !== toolVersion) return new Map()
    return new Map(manifest.entries.map((entry) => [entry.path, entry]))
  } catch {
    return new Map()
  }
}

function report(outcome: Outcome, options: ExtractOptions, streams: EngineStreams): void {
  const entry = outcome.entry
  if (entry.status === 'failed') {
    streams.stderr.write(entry.path + ': error ' + entry.reason + '\n')
    return
  }
  if (options.quiet) return
  for (const diagnostic of outcome.diagnostics ?? []) {
    if (diagnostic.severity === 'info' && !options.verbose) continue
    const place = diagnostic.position ? ':' + diagnostic.position.start.line + ':' + diagnostic.position.start.column : ''
    streams.stderr.write(entry.path + place + ' ' + diagnostic.severity + ' ' + diagnostic.message + ' ' + diagnostic.rule + '\n')
  }
}

function summary(entries: ManifestEntry[], streams: EngineStreams): void {
  const count = (status: ManifestEntry['status']) => entries.filter((entry) => entry.status === status).length
  const warnings = entries.reduce((sum, entry) => sum + entry.diagnostics.warning, 0)
  const unread = entries.filter((entry) => (entry.unreadGoalNumbers ?? 0) > 0)
  const misses = unread.length > 0 ? ' (' + unread.reduce((sum, entry) => sum + entry.unreadGoalNumbers, 0) + ' goal statements with an unread number, in ' + unread.length + ' documents)' : ''
  streams.stderr.write(count('ok') + ' extracted, ' + count('skipped') + ' unchanged, ' + count('failed') + ' failed, ' + warnings + ' warnings' + misses + '\n')
}
