/**
 * `npm run bench:ocr`: the OCR engine against tesseract (Debian's
 * `tesseract-ocr-chi-sim`, where installed) on the same scans: pages of the
 * seeds printed at 150 and 300 dpi (`test/helpers/render.ts`), one askew with
 * noise. Prints each engine's character accuracy (1 − edit distance / length,
 * whitespace aside) and seconds a page. A benchmark: it asserts nothing.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtemp, readFile, readdir, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {recognise} from '../../pipeline/convert/ocr.js'
import {cjkFont, printedPages, printedLines, type ScanOptions} from '../helpers/render.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const font = cjkFont()
if (!font) throw new Error('no CJK font on this machine (fc-list :lang=zh)')
const hasTesseract = spawnSync('tesseract', ['--list-langs'], {encoding: 'utf8'}).stdout?.includes('chi_sim') ?? false

/** Levenshtein distance, two rows. */
function distance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = current
  }
  return previous[b.length]!
}

const bare = (text: string) => text.replace(/\s+/g, '')
const accuracy = (read: string, truth: string) => 1 - distance(bare(read), bare(truth)) / bare(truth).length

const seeds = (await readdir(path.join(root, 'seeds'))).filter((name) => name.endsWith('.txt')).sort()
const work = await mkdtemp(path.join(tmpdir(), 'zhengce-ocr-compare-'))
const cases: Array<{name: string; options: ScanOptions}> = [
  {name: '150 dpi', options: {dpi: 150}},
  {name: '300 dpi', options: {dpi: 300}},
  {name: '300 dpi, 1.5° askew, noise', options: {dpi: 300, rotation: 1.5, noise: 0.01}}
]
const engines: Array<{name: string; read: (file: string, bytes: Uint8Array) => Promise<string>}> = [
  {name: 'PaddleOCR PP-OCRv4 (@gutenye/ocr-node)', read: async (_, bytes) => (await recognise(bytes)).text}
]
if (hasTesseract)
  engines.push({
    name:
      'tesseract chi_sim (Debian ' + execFileSync('tesseract', ['--version'], {encoding: 'utf8'}).split('\n')[0] + ')',
    read: async (file) =>
      execFileSync('tesseract', [file, 'stdout', '-l', 'chi_sim'], {encoding: 'utf8', stdio: 'pipe'})
  })
else process.stdout.write('tesseract with chi_sim not installed: apt-get install tesseract-ocr-chi-sim to compare\n')
// Note: the first call loads the model; it is not a page's time.
await recognise(printedPages('预热', font, {dpi: 72})[0]!)
for (const {name, options} of cases) {
  for (const engine of engines) {
    let right = 0
    let seconds = 0
    let pages = 0
    for (const seed of seeds.slice(0, 2)) {
      const text = await readFile(path.join(root, 'seeds', seed), 'utf8')
      const images = printedPages(text, font, options).slice(0, 2)
      const truths = printedLines(text, font).slice(0, 2)
      for (const [index, image] of images.entries()) {
        const file = path.join(work, seed + '-' + index + '.png')
        await writeFile(file, image)
        const started = performance.now()
        const read = await engine.read(file, image)
        seconds += (performance.now() - started) / 1000
        right += accuracy(read, truths[index]!.join('\n'))
        pages++
      }
    }
    process.stdout.write(
      name.padEnd(28) +
        engine.name.padEnd(48) +
        ' characters ' +
        ((100 * right) / pages).toFixed(1) +
        ' %, ' +
        (seconds / pages).toFixed(1) +
        ' s a page (' +
        pages +
        ' pages)\n'
    )
  }
}
