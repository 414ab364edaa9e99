/**
 * The batch engine: find inputs → for each, read and extract → write the
 * record atomically → manifest and report. One bad file becomes a failed
 * manifest entry with a one-line reason; the batch goes on.
 */
import {createHash} from 'node:crypto'
import {createWriteStream} from 'node:fs'
import {mkdir, readFile, rename, stat, writeFile} from 'node:fs/promises'
import {finished} from 'node:stream/promises'
import path from 'node:path'
import {schemaVersion, type Diagnostic, type PolicyRecord} from '../schemas/record.js'
import {DocumentError, extractDocument, formatOf, unsupportedFormats} from './document.js'
import {findInputs} from './inputs.js'

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
  /** Refuse files larger than this many bytes (default 50 MB). */
  maxBytes?: number
  /** Exit 1 on warnings too. */
  frail?: boolean
  /** Print no per-diagnostic lines, only failures and the summary. */
  quiet?: boolean
  /** Print info diagnostics too. */
  verbose?: boolean
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
}

/** What a run wrote. */
export interface Manifest {
  tool: string
  schemaVersion: string
  entries: ManifestEntry[]
}

/** Streams the engine writes its report to. */
export interface EngineStreams {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream & {isTTY?: boolean}
}

const toolVersion = 'zhengce/0.1.0'
const defaultMaxBytes = 50 * 1024 * 1024

/** Run an extraction; resolves to the exit code (0 ok, 1 failures or, with `frail`, warnings). */
export async function runExtract(options: ExtractOptions, streams: EngineStreams): Promise<number> {
  const out = path.resolve(options.out)
  const {files, base, problems} = await findInputs(options.inputs, out)
  await mkdir(out, {recursive: true})
  const previous = await readManifest(out)
  const entries: ManifestEntry[] = problems.map((problem) => failed(problem.path, problem.reason, 0))
  const ndjson = options.ndjson === '-' ? streams.stdout : options.ndjson ? createWriteStream(options.ndjson) : undefined
  const taken = new Set<string>()
  let warnings = 0
  const started = Date.now()
  for (const [index, file] of files.entries()) {
    const relative = path.relative(base, file).split(path.sep).join('/')
    const entry = await processOne(file, relative, recordPath(relative, taken), out, previous, options)
    entries.push(entry.entry)
    warnings += entry.entry.diagnostics.warning
    if (entry.record && ndjson) ndjson.write(JSON.stringify(entry.record) + '\n')
    report(entry.entry, entry.record?.diagnostics ?? [], options, streams)
    progress(index + 1, files.length, started, streams)
    if (options.failFast && entry.entry.status === 'failed') break
  }
  if (ndjson && ndjson !== streams.stdout) {
    ndjson.end()
    await finished(ndjson)
  }
  entries.sort((a, b) => a.path.localeCompare(b.path))
  await writeAtomic(path.join(out, 'manifest.json'), JSON.stringify({tool: toolVersion, schemaVersion, entries} satisfies Manifest, null, 2) + '\n')
  const failures = entries.filter((entry) => entry.status === 'failed').length
  summary(entries, streams)
  return failures > 0 || (options.frail && warnings > 0) ? 1 : 0
}

async function processOne(file: string, relative: string, record: string, out: string, previous: Map<string, ManifestEntry>, options: ExtractOptions): Promise<{entry: ManifestEntry; record?: PolicyRecord}> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  const extension = path.extname(file).toLowerCase()
  const format = formatOf(file)
  if (!format) {
    const reason = unsupportedFormats.includes(extension)
      ? 'format ' + extension + ' is not supported yet (supported: .txt, .md)'
      : 'not a document format (' + (extension || 'no extension') + '; supported: .txt, .md)'
    return {entry: failed(relative, reason, elapsed())}
  }
  try {
    const size = (await stat(file)).size
    if (size > (options.maxBytes ?? defaultMaxBytes)) return {entry: failed(relative, 'file is ' + size + ' bytes, above --max-bytes ' + (options.maxBytes ?? defaultMaxBytes), elapsed())}
    const bytes = await readFile(file)
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const before = previous.get(relative)
    if (!options.force && before?.status !== 'failed' && before?.sha256 === sha256 && before.record === record && (await exists(path.join(out, record)))) {
      return {entry: {...before, status: 'skipped', reason: 'unchanged since the last run (use --force to redo)', milliseconds: elapsed()}}
    }
    const {record: result} = await extractDocument(bytes, relative, format)
    await writeAtomic(path.join(out, record), JSON.stringify(result, null, 2) + '\n')
    const counts = {error: 0, warning: 0, info: 0}
    for (const diagnostic of result.diagnostics) counts[diagnostic.severity]++
    return {entry: {path: relative, status: 'ok', reason: null, record, sha256, bytes: bytes.length, milliseconds: elapsed(), diagnostics: counts}, record: result}
  } catch (error) {
    const reason = error instanceof DocumentError ? error.message : describe(error)
    return {entry: failed(relative, reason, elapsed())}
  }
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    const codes: Record<string, string> = {EACCES: 'permission denied', EISDIR: 'is a folder', ENOENT: 'no such file', ELOOP: 'symbolic link loop'}
    return codes[error.code] ?? (error instanceof Error ? error.message : String(error))
  }
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error'
}

function failed(relative: string, reason: string, milliseconds: number): ManifestEntry {
  return {path: relative, status: 'failed', reason, record: null, sha256: null, bytes: null, milliseconds, diagnostics: {error: 0, warning: 0, info: 0}}
}

/** `a/规划.txt` → `a/规划.json`; `a/x.txt.json` where `a/x.md` took `a/x.json` already. */
function recordPath(relative: string, taken: Set<string>): string {
  const plain = relative.slice(0, relative.length - path.extname(relative).length) + '.json'
  const chosen = taken.has(plain) ? relative + '.json' : plain
  taken.add(chosen)
  return chosen
}

/** Write through a temporary file and rename, so a crash never leaves half a JSON. */
export async function writeAtomic(target: string, content: string): Promise<void> {
  await mkdir(path.dirname(target), {recursive: true})
  const temporary = target + '.' + process.pid + '.tmp'
  await writeFile(temporary, content)
  await rename(temporary, target)
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file)
    return true
  } catch {
    return false
  }
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

function report(entry: ManifestEntry, diagnostics: Diagnostic[], options: ExtractOptions, streams: EngineStreams): void {
  if (entry.status === 'failed') {
    streams.stderr.write(entry.path + ': error ' + entry.reason + '\n')
    return
  }
  if (options.quiet) return
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'info' && !options.verbose) continue
    const place = diagnostic.position ? ':' + diagnostic.position.start.line + ':' + diagnostic.position.start.column : ''
    streams.stderr.write(entry.path + place + ' ' + diagnostic.severity + ' ' + diagnostic.message + ' ' + diagnostic.rule + '\n')
  }
}

function progress(done: number, total: number, started: number, streams: EngineStreams): void {
  if (!streams.stderr.isTTY) return
  const seconds = (Date.now() - started) / 1000
  const rate = seconds > 0 ? done / seconds : 0
  const eta = rate > 0 ? Math.round((total - done) / rate) : 0
  streams.stderr.write('\r' + done + '/' + total + ' ' + rate.toFixed(0) + ' docs/s ETA ' + eta + 's' + (done === total ? '\n' : ''))
}

function summary(entries: ManifestEntry[], streams: EngineStreams): void {
  const count = (status: ManifestEntry['status']) => entries.filter((entry) => entry.status === status).length
  const warnings = entries.reduce((sum, entry) => sum + entry.diagnostics.warning, 0)
  streams.stderr.write(count('ok') + ' extracted, ' + count('skipped') + ' unchanged, ' + count('failed') + ' failed, ' + warnings + ' warnings\n')
}
