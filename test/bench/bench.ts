/**
 * `npm run bench`: throughput and memory of `zhengce extract` on synthetic
 * corpora made from the seeds, against a floor measured in the same run.
 *
 * - floor: glob + read + decode + a line scan with ~30 representative
 *   regexes, one thread, no output;
 * - end to end: the built CLI (`dist/`) as a child process writing into a
 *   new folder, its own `--stats` line for peak RSS;
 * - table: `zhengce table` over the records the end-to-end run wrote, as a
 *   share of that run's time;
 * - cold start: one small file, a fresh process;
 * - ocr: pages a second read by OCR end to end (a seed as scans).
 *
 * Corpora go to the system temp folder and are reused between runs
 * (`BENCH_SIZES=2000,20000` by default). A benchmark, not a test: it prints
 * numbers and asserts nothing.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, rmSync} from 'node:fs'
import {mkdir, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {cpus, tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import fastGlob from 'fast-glob'
import {decode} from '../../pipeline/stages/decode.js'
import {cjkFont, imagePdf, printedPages} from '../helpers/render.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const cli = path.join(root, 'dist', 'pipeline', 'cli.js')
const sizes = (process.env.BENCH_SIZES ?? '2000,20000').split(',').map(Number)
const work = path.join(tmpdir(), 'zhengce-bench')

/** Representative line-scan expressions: what any extractor of this genre must at least run. */
const floorExpressions = [
  /^[一二三四五六七八九十]+、/,
  /^[（(][一二三四五六七八九十]+[）)]/,
  /^\d+[.．、]/,
  /^第[一二三四五六七八九十]+章/,
  /专栏\s*\d/,
  /〔\d{4}〕\d+号/,
  /\d{4}年\d{1,2}月\d{1,2}日/,
  /关于.*的通知/,
  /^抄送/,
  /此件公开发布/,
  /《[^》]+》/,
  /到\s*\d{4}\s*年/,
  /截至\s*\d{4}\s*年/,
  /“十[一二三四五]五”/,
  /\d+(?:\.\d+)?\s*(?:件|家|人|个|项|亿元|万元|%)/,
  /以上|不低于|超过|突破/,
  /\t/,
  /^\s*$/,
  /[。；]$/,
  /人民政府/,
  /办公室/,
  /发展目标|总体目标|主要目标/,
  /指标/,
  /全覆盖/,
  /\d+\s*[-—~～]\s*\d+/,
  /预计/,
  /实施期内/,
  /市|区|县/,
  /\[bookmark:/,
  /^[-—]\s*\d+\s*[-—]$/
]

/** A small deterministic PRNG, so corpora are the same on every machine. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state / 0x7fffffff
  }
}

/** Make `count` documents, each a seed with its numbers and a marker varied. */
async function corpus(count: number): Promise<string> {
  const folder = path.join(work, 'corpus-' + count)
  if (existsSync(path.join(folder, '.complete'))) return folder
  await rm(folder, {recursive: true, force: true})
  const seeds = await Promise.all(
    (await readdir(path.join(root, 'seeds'))).sort().map((name) => readFile(path.join(root, 'seeds', name), 'utf8'))
  )
  const next = random(count)
  for (let index = 0; index < count; index++) {
    const text = seeds[index % seeds.length]!.replace(/\d{2,5}(?=件|家|人|项)/g, (digits) =>
      String(Math.max(1, Math.round(Number(digits) * (0.5 + next()))))
    )
    const sub = path.join(folder, String(Math.floor(index / 500)).padStart(3, '0'))
    if (index % 500 === 0) await mkdir(sub, {recursive: true})
    await writeFile(path.join(sub, 'doc-' + index + '.txt'), text + '\n（第' + index + '号样本）\n')
  }
  await writeFile(path.join(folder, '.complete'), '')
  return folder
}

async function floor(folder: string): Promise<{seconds: number; bytes: number; documents: number}> {
  const started = performance.now()
  const files = await fastGlob('**/*.txt', {cwd: folder, absolute: true})
  let bytes = 0
  let hits = 0
  for (const file of files) {
    const data = await readFile(file)
    bytes += data.length
    for (const line of decode(data).text.split('\n'))
      for (const expression of floorExpressions) if (expression.test(line)) hits++
  }
  if (hits === 0) throw new Error('the floor scan matched nothing')
  return {seconds: (performance.now() - started) / 1000, bytes, documents: files.length}
}

function endToEnd(folder: string): {
  seconds: number
  out: string
  maxRssMb: number
  documents: number
  bytes: number
  jobs: number
} {
  // A fresh ingest into a folder never used before, as a new collection is.
  // Note: not the last run's folder emptied again. ext4 without a journal (as
  // on this machine) steps over every inode freed in the last minutes when it
  // makes a new file, so deleting the last run's records just before would be
  // timed too; they are deleted after the timed runs.
  const out = path.join(work, 'out-' + path.basename(folder) + '-' + process.pid)
  outputs.push(out)
  execFileSync('sync')
  const started = performance.now()
  const result = spawnSync(process.execPath, [cli, 'extract', folder, '--out', out, '-q', '--stats'], {
    encoding: 'utf8',
    maxBuffer: 1 << 26
  })
  const seconds = (performance.now() - started) / 1000
  const stats = result.stderr
    .trim()
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('{'))
    .at(-1)
  if (result.status !== 0 || !stats) throw new Error('extract failed: ' + result.stderr.slice(-500))
  const parsed = JSON.parse(stats) as {maxRssMb: number; documents: number; bytes: number; jobs: number}
  return {seconds, out, ...parsed}
}

/** `zhengce table` over the records an end-to-end run wrote (Parquet, all six tables). */
function tables(out: string): number {
  const started = performance.now()
  const result = spawnSync(process.execPath, [cli, 'table', out, '--to', out + '-tables'], {
    encoding: 'utf8',
    maxBuffer: 1 << 26
  })
  if (result.status !== 0) throw new Error('table failed: ' + result.stderr.slice(-500))
  outputs.push(out + '-tables')
  return (performance.now() - started) / 1000
}

/**
 * OCR end to end: a seed printed to an image-only PDF (150 dpi JPEG pages)
 * and four page images beside it, read by `zhengce extract` with two
 * workers, the models' loading included.
 */
async function ocrPages(): Promise<void> {
  const font = cjkFont()
  const hasModel = await import('@gutenye/ocr-node').then(
    () => true,
    () => false
  )
  if (!font || !hasModel) {
    process.stdout.write('ocr: skipped (' + (font ? '@gutenye/ocr-node missing' : 'no CJK font') + ')\n')
    return
  }
  const scans = path.join(work, 'scans')
  rmSync(scans, {recursive: true, force: true})
  await mkdir(scans, {recursive: true})
  const seed = (await readdir(path.join(root, 'seeds'))).sort()[0]!
  const pages = printedPages(await readFile(path.join(root, 'seeds', seed), 'utf8'), font, {dpi: 150, format: 'jpeg'})
  await writeFile(path.join(scans, 'plan.pdf'), imagePdf(pages))
  for (const [index, page] of pages.slice(0, 4).entries())
    await writeFile(path.join(scans, 'page-' + index + '.jpg'), page)
  const count = pages.length + Math.min(4, pages.length)
  const started = performance.now()
  const out = path.join(work, 'out-scans')
  const run = spawnSync(process.execPath, [cli, 'extract', scans, '--out', out, '--force', '-q', '--jobs', '2'])
  if (run.status !== 0) throw new Error('ocr run failed: ' + String(run.stderr).slice(-500))
  outputs.push(out)
  const seconds = (performance.now() - started) / 1000
  process.stdout.write(
    'ocr          ' +
      (count / seconds).toFixed(2) +
      ' pages/s, ' +
      (seconds / count).toFixed(1) +
      ' s a page (' +
      count +
      ' pages: an image-only PDF and 4 page images, 2 workers, ' +
      seconds.toFixed(1) +
      ' s with the models loaded)\n'
  )
}

const rate = (documents: number, bytes: number, seconds: number) =>
  (documents / seconds).toFixed(0).padStart(6) + ' docs/s ' + (bytes / 1e6 / seconds).toFixed(1).padStart(6) + ' MB/s'

if (!existsSync(cli)) execFileSync('npm', ['run', 'build'], {cwd: root, stdio: 'inherit'})
process.stdout.write(
  'machine: ' + cpus().length + ' × ' + (cpus()[0]?.model ?? 'cpu') + ', node ' + process.version + '\n'
)
/** The record folders of this run's end-to-end runs, deleted at the end. */
const outputs: string[] = []
for (const name of await readdir(work).catch(() => []))
  if (/^out-corpus-/.test(name)) rmSync(path.join(work, name), {recursive: true, force: true})
const results: Array<{size: number; seconds: number}> = []
for (const size of sizes) {
  const folder = await corpus(size)
  const base = await floor(folder)
  const run = endToEnd(folder)
  results.push({size, seconds: run.seconds})
  process.stdout.write('\n' + size + ' documents (' + (base.bytes / 1e6).toFixed(0) + ' MB)\n')
  process.stdout.write(
    '  floor        ' +
      rate(base.documents, base.bytes, base.seconds) +
      '  (' +
      base.seconds.toFixed(2) +
      ' s, one thread)\n'
  )
  process.stdout.write(
    '  end to end   ' +
      rate(run.documents, run.bytes, run.seconds) +
      '  (' +
      run.seconds.toFixed(2) +
      ' s, ' +
      run.jobs +
      ' worker(s), peak RSS ' +
      run.maxRssMb +
      ' MB)\n'
  )
  process.stdout.write('  ratio        ' + (base.seconds / run.seconds).toFixed(2) + ' × floor\n')
  const tableSeconds = tables(run.out)
  process.stdout.write(
    '  table        ' +
      tableSeconds.toFixed(2) +
      ' s for their records as Parquet (' +
      ((100 * tableSeconds) / run.seconds).toFixed(0) +
      ' % of the extraction)\n'
  )
}
if (results.length >= 2) {
  const [small, large] = [results[0]!, results.at(-1)!]
  // Two sizes fit time = fixed + size × per document: what a run pays once, and the warm rate.
  const perDocument = (large.seconds - small.seconds) / (large.size - small.size)
  const fixed = small.seconds - small.size * perDocument
  process.stdout.write(
    '\nlinearity: ' +
      large.size / small.size +
      '× documents took ' +
      (large.seconds / small.seconds).toFixed(1) +
      '× the time\n'
  )
  process.stdout.write(
    '  fitted: ' +
      fixed.toFixed(1) +
      ' s a run, then ' +
      (perDocument * 1000).toFixed(2) +
      ' ms a document (' +
      (1 / perDocument).toFixed(0) +
      ' docs/s once warm)\n'
  )
}
const one = path.join(work, 'one')
await mkdir(one, {recursive: true})
await writeFile(
  path.join(one, 'notice.txt'),
  await readFile(path.join(root, 'seeds', (await readdir(path.join(root, 'seeds'))).sort()[3]!))
)
const cold = performance.now()
spawnSync(process.execPath, [
  cli,
  'extract',
  path.join(one, 'notice.txt'),
  '--out',
  path.join(work, 'out-one'),
  '--force',
  '-q'
])
process.stdout.write('cold start, one small file: ' + ((performance.now() - cold) / 1000).toFixed(2) + ' s wall\n')
await ocrPages()
for (const out of outputs) rmSync(out, {recursive: true, force: true})
