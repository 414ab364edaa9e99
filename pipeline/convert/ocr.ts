/**
 * Optical character recognition of page images (scans: image files, PDF
 * pages without a text layer), behind this one small module: the rest of the
 * pipeline sees recognised lines with boxes and confidences, and their text
 * as the PDF layout code makes it (`layout.ts`: lines rebuilt from boxes on a
 * baseline, cells of a row kept apart by a tab where the gap is wide).
 *
 * The engine is PaddleOCR's PP-OCRv4 Chinese models run by ONNX Runtime
 * (`@gutenye/ocr-node`, an optional dependency; measured against tesseract's
 * chi_sim in `docs/ocr.md`). It loads on the first page that needs it, once
 * per thread: documents with text never pay for it.
 */
import {ConversionError} from './errors.js'
import {linesOf, type PlacedText} from './layout.js'

/** When OCR runs: never, on pages without text (images, scanned PDF pages), or on every page. */
export type OcrMode = 'never' | 'auto' | 'always'

/** What the records name as the engine. */
export const ocrEngine = 'PaddleOCR PP-OCRv4 (@gutenye/ocr-node)'

/** A line the model read: its text, its confidence (0–1) and its box in pixels (y growing downwards). */
export interface RecognisedLine {
  text: string
  confidence: number
  left: number
  top: number
  right: number
  bottom: number
}

/** A stretch of recognised text and the model's confidence in it; offsets into the text it belongs to. */
export interface ConfidenceSpan {
  start: number
  end: number
  confidence: number
}

/** A recognised page: its text and the confidence of each line's part of it. */
export interface RecognisedPage {
  text: string
  spans: ConfidenceSpan[]
}

/** OCR is asked for but the engine is not installed: says what to install. */
export class OcrUnavailable extends ConversionError {
  constructor(cause: string) {
    super(
      'OCR needs the optional package @gutenye/ocr-node, which is not installed (' +
        cause +
        '): run `npm install @gutenye/ocr-node`, or pass --ocr never'
    )
  }
}

interface Engine {
  detect(image: Buffer): Promise<Array<{text: string; mean: number; box: number[][]}>>
}

let engine: Promise<Engine> | undefined

/** The model, loaded on first use, once per thread. */
function model(): Promise<Engine> {
  engine ??= import('@gutenye/ocr-node').then(
    (module) => module.default.create() as Promise<Engine>,
    (error: unknown) => {
      engine = undefined
      throw new OcrUnavailable(error instanceof Error ? error.message.split('\n')[0]! : String(error))
    }
  )
  return engine
}

/**
 * Pages of text joined as one text, a blank line between pages (as PDF
 * pages are), the confidence spans of recognised pages moved along.
 */
export class PagesText {
  readonly pages: string[] = []
  readonly spans: ConfidenceSpan[] = []
  #length = 0

  /** Add a page: its text and, when it was recognised, its spans (offsets into the page). */
  add(text: string, spans: ConfidenceSpan[] = []): void {
    const offset = this.pages.length === 0 ? 0 : this.#length + 2
    for (const span of spans) this.spans.push({...span, start: span.start + offset, end: span.end + offset})
    this.#length = offset + text.length
    this.pages.push(text)
  }

  get text(): string {
    return this.pages.join('\n\n')
  }
}

/**
 * Recognise every page of an image file: one for a PNG or JPEG, each page of
 * a multi-page TIFF (as fax and archive scans are kept) in turn. Pages above
 * `maxPages` fail the file before any is read.
 */
export async function recogniseImage(
  image: Uint8Array,
  onPage?: () => void,
  maxPages = 2000
): Promise<RecognisedPage & {pages: number}> {
  const sharp = await imageCodec()
  const pages = (await sharp(image).metadata()).pages ?? 1
  if (pages > maxPages) throw new ConversionError('image has ' + pages + ' pages, above the limit of ' + maxPages)
  const joined = new PagesText()
  for (let page = 0; page < pages; page++) {
    // Note: the model decodes a file's first page only; the others are handed to it one by one, as PNG without compression.
    const bytes = pages === 1 ? image : await sharp(image, {page}).png({compressionLevel: 0}).toBuffer()
    const read = await recognise(bytes)
    joined.add(read.text, read.spans)
    onPage?.()
  }
  return {text: joined.text, spans: joined.spans, pages}
}

/** sharp (libvips), which the engine decodes images with too. */
async function imageCodec() {
  try {
    return (await import('sharp')).default
  } catch (error) {
    throw new OcrUnavailable(error instanceof Error ? error.message.split('\n')[0]! : String(error))
  }
}

/** Recognise one page image (PNG, JPEG, TIFF, WebP: anything sharp decodes). */
export async function recognise(image: Uint8Array): Promise<RecognisedPage> {
  const found = await (await model()).detect(Buffer.from(image.buffer, image.byteOffset, image.byteLength))
  return pageOf(upright(found.map(({text, mean, box}) => ({text: text.trim(), confidence: mean, box}))))
}

/**
 * Boxes (four corners each, the model's order: top left, top right, bottom
 * right, bottom left) turned back by the page's skew — the median slope of
 * the top edges of boxes wider than high — so that the cells of a table row
 * askew are on one baseline again; then as recognised lines.
 */
export function upright(boxes: Array<{text: string; confidence: number; box: number[][]}>): RecognisedLine[] {
  const slopes = boxes
    .map(({box}) => [box[1]![0]! - box[0]![0]!, box[1]![1]! - box[0]![1]!, box[3]![1]! - box[0]![1]!] as const)
    .filter(([dx, , height]) => dx > 3 * Math.abs(height))
    .map(([dx, dy]) => Math.atan2(dy, dx))
    .sort((a, b) => a - b)
  const skew = slopes.length > 0 ? slopes[Math.floor(slopes.length / 2)]! : 0
  const [cos, sin] = [Math.cos(-skew), Math.sin(-skew)]
  return boxes.map(({text, confidence, box}) => {
    const points = box.map(([x, y]) => [x! * cos - y! * sin, x! * sin + y! * cos] as const)
    const xs = points.map((point) => point[0])
    const ys = points.map((point) => point[1])
    return {
      text,
      confidence,
      left: Math.min(...xs),
      top: Math.min(...ys),
      right: Math.max(...xs),
      bottom: Math.max(...ys)
    }
  })
}

/**
 * Recognised text with the model's known misreadings of 公文 print mended,
 * where the genre leaves no doubt: straight or single quotes around Chinese
 * text are the full-width double quotes it prints (“十四五”, read “十四五’ or
 * "十四五"), opened and closed in turn; a 一 between two digits is a dash
 * (2021一2035年: the numeral never stands there); the year of a document
 * number is in 〔〕 (溧政办发【2022】71号: GB/T 9704 prints no other).
 */
export function repaired(text: string): string {
  let open = false
  let out = ''
  for (const character of text) {
    // Note: quotes read as printed keep their side; a straight one takes the side the last left open;
    // a single closing quote while a double one is open is its misread close (十四五’).
    if (character === '“' || character === '”') open = character === '“'
    else if (character === '"' || ((character === '’' || character === "'") && open)) {
      out += open ? '”' : '“'
      open = !open
      continue
    }
    out += character
  }
  return out.replace(/(?<=\d\n?)一(?=\n?\d)/g, '—').replace(yearBracketExpression, '〔$1〕')
}

/** The year of a document number (发文字号) in brackets read as others: GB/T 9704 prints it in 〔〕 (溧政办发〔2022〕71号). */
const yearBracketExpression = /(?<=[\p{Script=Han}])[〔【\[［(（]((?:19|20)\d{2})[〕】\]］)）](?=\s*\d{1,4}\s*号)/gu

/**
 * A space between two characters of Chinese text or numbers: a gap on the
 * page, not a word break — but for one before a bracket (发明专利拥有量 (件):
 * a unit belongs to its indicator).
 */
const gapExpression = /(?<=[^\sA-Za-z])[ \u3000]+(?=[^\sA-Za-z(（\[［【〔])/g

/**
 * Where two lines running have gaps (a space between Chinese characters or
 * numbers: the model reads a gap as one space, however wide), they are the
 * rows of a table printed without rules: their gaps are tabs, as a PDF's
 * wide gaps are, for the table parser. One character for one (a gap of
 * several spaces keeps its length), so the spans stay where they are.
 */
export function cellsApart(text: string): string {
  const lines = text.split('\n')
  const gapped = lines.map((line) => line.trim().search(gapExpression) !== -1)
  return lines
    .map((line, index) =>
      gapped[index] && (gapped[index - 1] || gapped[index + 1])
        ? line.replace(gapExpression, (gap) => '\t'.repeat(gap.length))
        : line
    )
    .join('\n')
}

/**
 * The rows of a table printed without rules whose first cells are empty (a
 * category merged over rows, printed once): each such row's text opens with
 * a tab for every column left of its first box, the columns found where the
 * boxes of rows with wide gaps start.
 */
function indentSkippedCells(lines: RecognisedLine[]): void {
  const height = (line: RecognisedLine) => line.bottom - line.top
  const rows: RecognisedLine[][] = []
  for (const line of [...lines].sort((a, b) => a.bottom - b.bottom || a.left - b.left)) {
    const row = rows.at(-1)
    if (row && Math.abs(row[0]!.bottom - line.bottom) <= height(line) / 4) row.push(line)
    else rows.push([line])
  }
  // Note: a row of a table has cells apart: boxes apart by more than a glyph, or gaps the model read inside one box.
  const isTableRow = (row: RecognisedLine[]) =>
    row.length > 1
      ? row.slice(1).every((box, index) => box.left - row[index]!.right > height(box))
      : row[0]!.text.search(gapExpression) !== -1
  let run: RecognisedLine[][] = []
  for (const row of [...rows.map((each) => each.sort((a, b) => a.left - b.left)), []]) {
    if (row.length > 0 && isTableRow(row)) {
      run.push(row)
      continue
    }
    if (run.length > 1) indentRun(run)
    run = []
  }
}

/** The rows of one table: each opens with a tab for every column (where boxes start) left of its first box. */
function indentRun(rows: RecognisedLine[][]): void {
  const glyph = rows[0]![0]!.bottom - rows[0]![0]!.top
  const starts: number[] = []
  for (const left of rows.flatMap((row) => row.map((box) => box.left)).sort((a, b) => a - b))
    if (starts.length === 0 || left - starts.at(-1)! > glyph) starts.push(left)
  for (const row of rows) {
    const first = row[0]!
    const column = starts.findLastIndex((start) => start <= first.left + glyph / 2)
    if (column > 0) first.text = '\t'.repeat(column) + first.text
  }
}

/** “十四五 with its closing quote lost (the model drops a thin ”, often at a line's end): the name always closes there. */
const fivePlanExpression = /[“"]十[一二三四五六]五(?![”"’'])/g

/**
 * A page's text from its recognised lines, through the layout code PDF text
 * uses (a box's bottom is its baseline, its height the glyphs' size), and
 * where each line's text landed in it with the line's confidence.
 */
export function pageOf(lines: RecognisedLine[]): RecognisedPage {
  const kept = lines
    .filter((line) => line.text.length > 0)
    .map((line) => ({...line, text: line.text.replace(fivePlanExpression, '$&”')}))
  // Note: a box is about as high as its glyphs: half its height as the size makes a gap wider than a glyph a tab
  // (the cells of a table printed without rules), and rows within a quarter glyph one baseline.
  indentSkippedCells(kept)
  const pieces: PlacedText[] = kept.map((line) => ({
    text: line.text,
    x: line.left,
    y: -line.bottom,
    size: Math.max(1, (line.bottom - line.top) / 2),
    width: line.right - line.left
  }))
  const text = linesOf(pieces)
  // Note: the layout reads top to bottom, then left to right within a baseline: found in that order from a cursor.
  const order = kept
    .map((line, index) => ({line, piece: pieces[index]!}))
    .sort((a, b) => b.piece.y - a.piece.y || a.piece.x - b.piece.x)
  const spans: ConfidenceSpan[] = []
  let cursor = 0
  for (const {line} of order) {
    // Note: two boxes of nearly one baseline may come in the other order: then looked for from the start.
    let start = text.indexOf(line.text, cursor)
    if (start === -1) start = text.indexOf(line.text)
    if (start === -1) continue
    spans.push({start, end: start + line.text.length, confidence: line.confidence})
    cursor = start + line.text.length
  }
  // Note: mended after the layout, across its lines (a quote opened on one closes on the next), one character for one.
  return {text: repaired(cellsApart(text)), spans: spans.sort((a, b) => a.start - b.start)}
}
