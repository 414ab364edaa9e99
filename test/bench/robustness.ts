/**
 * `npm run robustness`: how the scores against the gold hold up when the
 * seeds arrive the way real collections do — re-encoded, re-indented, hard
 * wrapped by a PDF converter, cut by page breaks, with tables flattened to
 * one cell a line or to spaces. Each damage is applied alone to all five
 * seeds, which are then scored like `npm run score`.
 *
 * A measurement, not a test: it prints one TOTAL line per damage and asserts
 * nothing. Needs the gold folder (`../shared/gold`, or the first argument).
 * `--only NAME` prints that damage's per-document lines as well.
 */
import {Buffer} from 'node:buffer'
import {mkdir, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {formatScore, scoreSeeds} from '../../pipeline/score.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const {values, positionals} = parseArgs({options: {only: {type: 'string'}}, allowPositionals: true})
const gold = positionals[0] ?? path.join(root, '..', 'shared', 'gold')

/** Cut `line` into pieces of at most `width` characters, as a converter of a printed page does. */
function wrap(line: string, width: number): string[] {
  const pieces: string[] = []
  for (let at = 0; at < line.length; at += width) pieces.push(line.slice(at, at + width))
  return pieces.length === 0 ? [''] : pieces
}

const mapLines = (text: string, map: (line: string) => string | string[]) => text.split('\n').flatMap(map).join('\n')
const isTableRow = (line: string) => line.includes('\t')

/** The damages: text to text, except the encodings, which give bytes. */
const damages: Record<string, (text: string) => string | Uint8Array> = {
  'as is': (text) => text,
  'no blank lines': (text) => mapLines(text, (line) => (line.trim() === '' ? [] : line)),
  'indented (　　)': (text) => mapLines(text, (line) => (line.trim() === '' ? line : '\u3000\u3000' + line)),
  CRLF: (text) => text.replace(/\n/g, '\r\n'),
  GB18030: (text) => new Uint8Array(gb18030(text)),
  'UTF-16 with BOM': (text) => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])),
  'UTF-16 without BOM': (text) => new Uint8Array(Buffer.from(text, 'utf16le')),
  // A web page's zero-width spaces, here every 17th character (inside numbers and names too).
  'zero-width spaces': (text) => text.replace(/[^\n]{17}/g, (run) => run + '\u200b'),
  'hard wrapped at 40': (text) => mapLines(text, (line) => (isTableRow(line) ? line : wrap(line, 40))),
  'hard wrapped, no blank lines': (text) =>
    mapLines(text, (line) => (line.trim() === '' ? [] : isTableRow(line) ? line : wrap(line, 40))),
  'page breaks every 25 lines': (text) => pageBreaks(text, 25),
  'stacked tables (a cell a line)': (text) =>
    mapLines(text, (line) => (isTableRow(line) ? line.split('\t').filter((cell) => cell.trim() !== '') : line)),
  'tables laid out with spaces': (text) => mapLines(text, (line) => line.replace(/\t/g, '    ')),
  // A PDF's text without its layout: a row's cells apart by one space (a stacked cell's leading tab dropped).
  'table cells apart by one space': (text) =>
    mapLines(text, (line) => (isTableRow(line) ? line.replace(/^\t+/, '').replace(/\t+/g, ' ') : line)),
  'half-width brackets': (text) => text.replace(/（/g, '(').replace(/）/g, ')'),
  'full-width digits': (text) => text.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0)),
  'spaces around numbers (PDF)': (text) =>
    mapLines(text, (line) => (isTableRow(line) ? line : line.replace(/(\d+(?:\.\d+)?)/g, ' $1 '))),
  'as from a PDF (all of the above)': (text) => pdfLike(text),
  // Word's automatic numbering dropped by a converter: headings keep their names only (发展目标).
  'section numbers lost': (text) =>
    mapLines(text, (line) =>
      line.replace(
        /^(\s*)(?:第[一二三四五六七八九十]+[章节]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])\s*/,
        '$1'
      )
    ),
  // Not yet read: a page scraped with its line breaks lost (tables dropped, they would not survive).
  'one line (no line breaks)': (text) =>
    text
      .split('\n')
      .filter((line) => line.trim() !== '' && !isTableRow(line))
      .join('') + '\n'
}

/** Cut `line` where its printed width (narrow characters count half) passes `width`. */
function wrapPrinted(line: string, width: number): string[] {
  const pieces: string[] = []
  let piece = ''
  let halves = 0
  for (const character of line) {
    const size = character.charCodeAt(0) < 0x1100 ? 1 : 2
    if (halves + size > width * 2) {
      pieces.push(piece)
      piece = ''
      halves = 0
    }
    piece += character
    halves += size
  }
  return [...pieces, piece]
}

/**
 * What pdftotext makes of a printed plan: paragraphs indented by two
 * full-width spaces and wrapped at the page's width, no blank lines, tables
 * laid out with spaces, and every 40 lines a page number and a running head.
 */
function pdfLike(text: string): string {
  const lines = text.split('\n').flatMap((line) => {
    if (line.trim() === '') return []
    if (isTableRow(line)) return [line.replace(/\t/g, '    ')]
    return wrapPrinted('\u3000\u3000' + line.trim(), 38)
  })
  const head = lines.find((line) => /规划|纲要|意见|报告/.test(line) && line.trim().length < 30)?.trim() ?? '规划'
  const out: string[] = []
  for (const [index, line] of lines.entries()) {
    if (index > 0 && index % 40 === 0) out.push('', '— ' + index / 40 + ' —', '\f' + head)
    out.push(line)
  }
  return out.join('\n')
}

/** Page breaks as a PDF converter leaves them: a line cut in two, a page number, a form feed, a running head. */
function pageBreaks(text: string, every: number): string {
  const out: string[] = []
  let page = 1
  for (const [index, line] of text.split('\n').entries()) {
    if (index > 0 && index % every === 0 && line.length > 20 && !isTableRow(line)) {
      const cut = Math.floor(line.length / 2)
      out.push(line.slice(0, cut), '', '— ' + page++ + ' —', '\f', line.slice(cut))
    } else out.push(line)
  }
  return out.join('\n')
}

/** GB18030 bytes: TextEncoder writes only UTF-8, so the two-byte table is read off TextDecoder. */
function gb18030(text: string): number[] {
  const bytes: number[] = []
  for (const character of text) {
    const code = character.codePointAt(0)!
    if (code < 0x80) bytes.push(code)
    else bytes.push(...(gbTable.get(character) ?? [0x3f]))
  }
  return bytes
}

/** Every two-byte GB18030 sequence decoded once, reversed: enough for the characters of official documents. */
const gbTable = new Map<string, number[]>()
{
  const decoder = new TextDecoder('gb18030')
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      const character = decoder.decode(new Uint8Array([lead, trail]))
      if (character.length === 1 && character !== '\ufffd' && !gbTable.has(character))
        gbTable.set(character, [lead, trail])
    }
  }
}

const seeds = path.join(root, 'seeds')
const names = (await readdir(seeds)).filter((name) => name.endsWith('.txt') || name.endsWith('.md')).sort()
const work = path.join(tmpdir(), 'zhengce-robustness-' + process.pid)
const width = Math.max(...Object.keys(damages).map((name) => name.length))
for (const [name, damage] of Object.entries(damages)) {
  if (values.only !== undefined && !name.startsWith(values.only)) continue
  await rm(work, {recursive: true, force: true})
  await mkdir(work, {recursive: true})
  for (const file of names)
    await writeFile(path.join(work, file), damage(await readFile(path.join(seeds, file), 'utf8')))
  const {lines, total} = await scoreSeeds(work, gold)
  if (values.only !== undefined) process.stdout.write(lines.join('\n') + '\n')
  process.stdout.write(name.padEnd(width) + '  ' + formatScore(total) + '\n')
}
await rm(work, {recursive: true, force: true})
