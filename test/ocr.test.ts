/**
 * OCR (issue #24). First the parts that need no model: the layout of
 * recognised lines, the mending of the model's known misreadings, the
 * confidence carried to targets. Then scans the tests make themselves
 * (`helpers/render.ts`): each seed printed to an image-only PDF, and its
 * first page to PNG at 150 and 300 dpi and askew with noise, read by the
 * model; their records are held to their text twin's. These skip, saying
 * why, where the machine has no CJK font or the optional OCR package.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, readdirSync} from 'node:fs'
import {mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, test} from 'vitest'
import {isImage, sniffFormat} from '../pipeline/convert/formats.js'
import {cellsApart, pageOf, recogniseImage, repaired} from '../pipeline/convert/ocr.js'
import {extractDocument} from '../pipeline/document.js'
import {carryConfidence} from '../pipeline/stages/ocr-confidence.js'
import {fold, goldOf} from '../pipeline/score.js'
import type {PolicyRecord} from '../schemas/record.js'
import {
  blankPng,
  cjkFont,
  imagePdf,
  multipageTiff,
  printedLines,
  printedPages,
  type ScanOptions
} from './helpers/render.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** A recognised line at a row and a column of a page, 20 pixels high. */
function line(text: string, top: number, left = 100, confidence = 0.99) {
  return {text, confidence, left, top, right: left + text.length * 20, bottom: top + 20}
}

describe('recognised lines into text', () => {
  test('should read top to bottom, a wide gap between two boxes as a tab, and place each line’s confidence', () => {
    const page = pageOf([
      line('二、主要指标', 100),
      line('专利拥有量', 140, 100, 0.8),
      line('25件', 142, 600),
      line('到2025年，建成中心3个。', 180)
    ])
    expect(page.text).toBe('二、主要指标\n专利拥有量\t25件\n到2025年，建成中心3个。')
    const spanOf = (text: string) => page.spans.find((span) => page.text.slice(span.start, span.end) === text)
    expect(spanOf('专利拥有量')?.confidence).toBe(0.8)
    expect(spanOf('25件')?.confidence).toBe(0.99)
  })

  test('should read rows with gaps as a table: a gap between Chinese text or numbers on two lines running is a tab', () => {
    expect(cellsApart('项目 指标（单位） 发展目标\n发明专利拥有量（件） 3100\n到2025年，建成中心3个。')).toBe(
      '项目\t指标（单位）\t发展目标\n发明专利拥有量（件）\t3100\n到2025年，建成中心3个。'
    )
    // One line with a gap is no table; a space beside a Latin word is a word break.
    expect(cellsApart('南京市人民政府 办公室\n2022年1月30日')).toBe('南京市人民政府 办公室\n2022年1月30日')
    expect(cellsApart('加强顶层设计、总体布局 and 战略实施\n统筹 PCT 专利')).toBe(
      '加强顶层设计、总体布局 and 战略实施\n统筹 PCT 专利'
    )
    // A unit in brackets stays with its indicator.
    expect(cellsApart('项目 指标 （单位） 发展目标\n专利拥有量 (件) 3100')).toBe(
      '项目\t指标 （单位）\t发展目标\n专利拥有量 (件)\t3100'
    )
    // A row that starts right of the table's edge lacks its first cell (a category printed once, merged over rows).
    expect(
      pageOf([line('项目 指标 发展目标', 100), line('产出 专利拥有量 3100', 140), line('商标注册量 15000', 180, 220)])
        .text
    ).toBe('项目\t指标\t发展目标\n产出\t专利拥有量\t3100\n\t商标注册量\t15000')
    // Boxes apart on one baseline are apart in the text.
    expect(
      pageOf([line('项目', 100), line('发展目标', 100, 500), line('专利', 140), line('3100', 140, 500)]).text
    ).toBe('项目\t发展目标\n专利\t3100')
  })

  test('should mend the quotes and dashes the model misreads, one character for one', () => {
    expect(repaired('浦口区“十四五’知识产权')).toBe('浦口区“十四五”知识产权')
    expect(repaired('"十四五"时期')).toBe('“十四五”时期')
    // A quote opened on one line closes on the next.
    expect(repaired('《浦口区“十四\n五"规划》')).toBe('《浦口区“十四\n五”规划》')
    expect(repaired('纲要（2021一2035年）')).toBe('纲要（2021—2035年）')
    expect(repaired('纲要（2021\n一2035年）')).toBe('纲要（2021\n—2035年）')
    expect(repaired('溧政办发【2022】71号')).toBe('溧政办发〔2022〕71号')
    expect(repaired('苏政发(2021) 3号')).toBe('苏政发〔2021〕 3号')
    expect(repaired('溧政办发〔2022】71号')).toBe('溧政办发〔2022〕71号')
    expect(repaired('规划（2021）提出')).toBe('规划（2021）提出')
    // What was read right stays: a numeral 一 beside one digit only, and an apostrophe outside quotes.
    expect(repaired('第一2条')).toBe('第一2条')
    expect(repaired("Xi'an")).toBe("Xi'an")
    // The closing quote of “十四五 the model dropped.
    expect(pageOf([line('印发浦口区“十四五知识产权', 100)]).text).toBe('印发浦口区“十四五”知识产权')
    expect(pageOf([line('关于印发浦口区“十四五', 100), line('知识产权规划', 140)]).text).toBe(
      '关于印发浦口区“十四五”\n知识产权规划'
    )
    expect(pageOf([line('“十四五”时期', 100)]).text).toBe('“十四五”时期')
  })

  test('should give targets read from recognised text the lowest confidence of their lines, and warn when it is low', async () => {
    const text = '关于印发某县规划的通知\n\n到2025年，建成创新中心3个，培育高新技术企业80家。\n'
    const {file} = await extractDocument(Buffer.from(text), 'scan.txt', 'text')
    const second = text.indexOf('培育')
    carryConfidence(file, {
      pages: 1,
      spans: [
        {start: 0, end: second, confidence: 0.97},
        {start: second, end: text.length, confidence: 0.62}
      ]
    })
    const [centres, firms] = file.data.targets!
    expect(centres?.confidence).toBe(0.97)
    expect(firms?.confidence).toBe(0.62)
    const low = file.messages.filter((message) => message.ruleId === 'low-ocr-confidence')
    expect(low.map((message) => message.reason)).toEqual([expect.stringContaining('0.62')])
  })

  test('should know images by their bytes, and refuse a file named as one that is not', async () => {
    await expect(extractDocument(Buffer.from('PNG'), 'photo.png', 'image')).rejects.toThrow(
      'not an image: the bytes are no PNG, JPEG or TIFF'
    )
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])
    expect(isImage(png)).toBe(true)
    expect(isImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe(true)
    expect(isImage(new Uint8Array([0x49, 0x49, 0x2a, 0x00]))).toBe(true)
    expect(sniffFormat(png, 'text')).toBe('image')
    expect(isImage(new TextEncoder().encode('关于印发'))).toBe(false)
  })
})

const font = cjkFont()
const hasModel = await import('@gutenye/ocr-node').then(
  () => true,
  () => false
)
const why = !font
  ? 'no CJK font on this machine (fc-list :lang=zh)'
  : 'the optional package @gutenye/ocr-node is missing'
if (!font || !hasModel) console.warn('OCR scans skipped: ' + why)

/** Share of `a`'s character pairs found in `b`: how much of a line OCR kept. */
function kept(a: string, b: string): number {
  const pairs = (text: string) => Array.from({length: Math.max(0, text.length - 1)}, (_, at) => text.slice(at, at + 2))
  const theirs = new Set(pairs(b.replace(/\s+/g, '')))
  const ours = pairs(a.replace(/\s+/g, ''))
  return ours.length === 0 ? 1 : ours.filter((pair) => theirs.has(pair)).length / ours.length
}

/**
 * How the record of a scan compares with its text twin's: header fields that
 * differ; targets matched one to one (the same value, an indicator read with
 * at most a character or two wrong); deadlines of the twin found (the same
 * year, most of the sentence).
 */
function compare(scan: PolicyRecord, twin: PolicyRecord) {
  const gold = goldOf(twin)
  // Note: as `npm run score` compares them: whitespace aside, brackets of any width alike.
  const header = {
    kind: [scan.kind, twin.kind],
    title: [fold(scan.title?.text ?? ''), fold(gold.title ?? '')],
    issuers: [scan.issuers.map((issuer) => fold(issuer.name)).join('|'), gold.issuers.map(fold).join('|')],
    docNumber: [fold(scan.docNumber?.text ?? ''), fold(gold.docNumber ?? '')],
    date: [scan.date?.value ?? null, gold.date]
  }
  const wrong = Object.entries(header)
    .filter(([, [ours, theirs]]) => ours !== theirs)
    .map(([field, [ours, theirs]]) => field + ': ' + ours + ' ≠ ' + theirs)
  const used = new Set<number>()
  let matched = 0
  for (const target of scan.targets) {
    const at = twin.targets.findIndex(
      (expected, index) =>
        !used.has(index) &&
        JSON.stringify(expected.value) === JSON.stringify(target.value) &&
        kept(expected.indicator, target.indicator) >= 0.7
    )
    if (at === -1) continue
    used.add(at)
    matched++
  }
  const found = gold.deadlines.filter((expected) =>
    scan.deadlines.some((deadline) => deadline.year === expected.year && kept(expected.quote, deadline.text) >= 0.8)
  ).length
  return {
    wrong,
    targetsF1: (2 * matched) / Math.max(1, scan.targets.length + twin.targets.length),
    deadlinesRecall: gold.deadlines.length === 0 ? 1 : found / gold.deadlines.length
  }
}

/** The seeds' names, and each one's text and the record of its text (its twin). */
const seedNames = readdirSync(path.join(root, 'seeds'))
  .filter((name) => name.endsWith('.txt'))
  .sort()

async function seed(name: string): Promise<{text: string; twin: PolicyRecord}> {
  const text = await readFile(path.join(root, 'seeds', name), 'utf8')
  return {text, twin: (await extractDocument(Buffer.from(text), name, 'text')).record}
}

/** A scan's record, with the seconds it took a page. */
async function read(bytes: Uint8Array, name: string, pages: number) {
  const started = performance.now()
  const {record} = await extractDocument(bytes, name, name.endsWith('.pdf') ? 'pdf' : 'image')
  return {record, secondsPerPage: (performance.now() - started) / 1000 / pages}
}

/** A page takes the model ~10 s on one of this machine's cores: the scans' tests get minutes. */
const scanTimeout = 40 * 60_000

describe.skipIf(!font || !hasModel)('scans of the seeds, read by OCR', () => {
  test.each(seedNames)(
    'should give %s as an image-only PDF the record of its text: header equal, targets F1 and deadlines R ≥ 0.9',
    async (name) => {
      const {text, twin} = await seed(name)
      const pages = printedPages(text, font!, {dpi: 150, format: 'jpeg'})
      const {record, secondsPerPage} = await read(imagePdf(pages), name.replace(/\.txt$/, '.pdf'), pages.length)
      const result = compare(record, twin)
      console.info(name, pages.length + ' pages', secondsPerPage.toFixed(1) + ' s/page', JSON.stringify(result))
      expect(result.wrong).toEqual([])
      expect(result.targetsF1).toBeGreaterThanOrEqual(0.9)
      expect(result.deadlinesRecall).toBeGreaterThanOrEqual(0.9)
      expect(record.source.format).toBe('pdf')
      expect(record.source.ocr?.pages).toBe(pages.length)
      for (const target of record.targets) expect(target.confidence).toBeGreaterThan(0)
    },
    scanTimeout
  )

  test.each(
    seedNames.flatMap((name) => [
      {name, options: {dpi: 150} as ScanOptions},
      {name, options: {dpi: 300} as ScanOptions},
      ...(name === seedNames[0] ? [{name, options: {dpi: 300, rotation: 1.5, noise: 0.01} as ScanOptions}] : [])
    ])
  )(
    'should read the first page of $name as PNG ($options) to the header of its text',
    async ({name, options}) => {
      const {text, twin} = await seed(name)
      const [first] = printedPages(text, font!, options)
      const {record, secondsPerPage} = await read(first!, name.replace(/\.txt$/, '.png'), 1)
      const result = compare(record, twin)
      console.info(name, JSON.stringify(options), secondsPerPage.toFixed(1) + ' s/page', result.wrong)
      // Note: a first page alone may lack what tells the kind (规划 of the body): the header's fields must agree.
      expect(result.wrong.filter((wrong) => !wrong.startsWith('kind'))).toEqual([])
      expect(record.source).toMatchObject({format: 'image', ocr: {pages: 1}})
    },
    scanTimeout
  )

  test(
    'should read every page of a multi-page TIFF, in order, as one text',
    async () => {
      const {text} = await seed(seedNames.at(-1)!)
      const pages = printedPages(text, font!, {dpi: 150}).slice(0, 2)
      let seen = 0
      const both = await recogniseImage(await multipageTiff(pages, 150), () => seen++)
      const first = await recogniseImage(pages[0]!)
      expect([both.pages, seen, first.pages]).toEqual([2, 2, 1])
      // Note: the second page follows the first after a blank line, as PDF pages do, its confidences moved along.
      expect(both.text.startsWith(first.text + '\n\n')).toBe(true)
      const second = printedLines(text, font!)[1]!.join('\n')
      expect(kept(second, both.text.slice(first.text.length + 2))).toBeGreaterThanOrEqual(0.95)
      const later = both.spans.slice(first.spans.length)
      expect(later.length).toBeGreaterThan(10)
      expect(later.every((span) => span.start >= first.text.length + 2 && span.end <= both.text.length)).toBe(true)
    },
    scanTimeout
  )

  test(
    'should read the images of a folder, passing over one without text (a logo) and all of them with --ocr never; an image named without text fails',
    async () => {
      const folder = await mkdtemp(path.join(tmpdir(), 'zhengce-ocr-'))
      const [page] = printedPages((await seed(seedNames.at(-1)!)).text, font!, {dpi: 150})
      await writeFile(path.join(folder, 'scan.png'), page!)
      await writeFile(path.join(folder, 'logo.png'), blankPng())
      const cli = path.join(root, 'dist', 'pipeline', 'cli.js')
      if (!existsSync(cli)) execFileSync('npm', ['run', 'build'], {cwd: root, stdio: 'ignore'})
      const extract = (...args: string[]) =>
        spawnSync(process.execPath, [cli, 'extract', ...args, '--out', folder + '-out'], {encoding: 'utf8'})
      const never = extract(folder, '--ocr', 'never')
      expect(never.status, never.stderr).toBe(0)
      expect(never.stderr).toMatch(/scan\.png: skipped an image: OCR is off \(--ocr never\)/)
      const run = extract(folder)
      expect(run.status, run.stderr).toBe(0)
      expect(run.stderr).toMatch(/^logo\.png: skipped an image in which OCR found no text$/m)
      const record = JSON.parse(await readFile(path.join(folder + '-out', 'scan.json'), 'utf8')) as PolicyRecord
      expect(record.source.ocr?.engine).toMatch(/PaddleOCR/)
      expect(record.diagnostics.some((diagnostic) => diagnostic.rule === 'ocr-text')).toBe(true)
      const named = extract(path.join(folder, 'logo.png'))
      expect(named.status).toBe(1)
      expect(named.stderr).toMatch(/logo\.png: error an image in which OCR found no text/)
    },
    scanTimeout
  )
})
