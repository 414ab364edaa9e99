/**
 * PDF with a text layer → the plain text the 公文 parser reads: text items
 * regrouped into lines by their y coordinate, cells of a table row kept apart
 * by a tab where the gap between items is wide.
 *
 * Chinese government PDFs often use non-embedded CID fonts (STSong-Light,
 * Adobe-GB1): without pdf.js's CMaps they yield no text at all, so the CMaps
 * are always given. pdf.js runs without eval, font faces or scripts.
 */
import {createRequire} from 'node:module'
import path from 'node:path'
import {ConversionError} from './errors.js'
import {linesOf, PathSegments, type PlacedText, type Rule} from './layout.js'
import {PagesText, type ConfidenceSpan, type OcrMode, type RecognisedPage} from './ocr.js'

/** Limits against hostile files. */
export interface PdfLimits {
  /** Most pages read (default 2 000). */
  maxPages: number
  /** Most characters of text kept (default 20 million). */
  maxCharacters: number
}

interface PdfTextItem {
  str: string
  transform: number[]
  width: number
  height: number
  hasEOL?: boolean
}

const require = createRequire(import.meta.url)
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'))
// Note: in Node, pdf.js reads these with `fs` and wants plain paths; a file:
// URL fails silently, and the CID fonts then yield no text at all.
const assets = {
  cMapUrl: path.join(pdfjsRoot, 'cmaps') + path.sep,
  standardFontDataUrl: path.join(pdfjsRoot, 'standard_fonts') + path.sep
}

/** How a PDF's pages without text are read. */
export interface PdfOptions {
  /** OCR of pages without a text layer (`auto`, the default), of every page (`always`) or of none (`never`). */
  ocr?: OcrMode | undefined
  /** Called after each page read by OCR (a worker's sign of life: a page takes seconds). */
  onPage?: (() => void) | undefined
}

/** A PDF's text, and what of it OCR read: its pages and the confidence of each recognised line. */
export interface PdfText {
  text: string
  ocr?: {pages: number; spans: ConfidenceSpan[]} | undefined
}

/**
 * Resolution a page is drawn at for OCR, in dots per inch: that of the scan
 * it holds (its widest image across the page), so that its pixels are not
 * resampled — a 150-dpi scan drawn at 200 dpi read 溧 as 漂 — within these
 * bounds; 200 where the page holds no image.
 */
const ocrDpi = {least: 150, most: 300, otherwise: 200}

/** Extract the text of a PDF as lines; pages without text recognised by OCR where asked. */
export async function pdfToText(
  bytes: Uint8Array,
  options: PdfOptions = {},
  limits: PdfLimits = {maxPages: 2000, maxCharacters: 20_000_000}
): Promise<PdfText> {
  const mode = options.ocr ?? 'auto'
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const document = await opened(pdfjs, bytes)
  try {
    if (document.numPages > limits.maxPages)
      throw new ConversionError('PDF has ' + document.numPages + ' pages, above the limit of ' + limits.maxPages)
    const pages = new PagesText()
    let recognised = 0
    let characters = 0
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number)
      let read: RecognisedPage = {text: await layerText(page, pdfjs.OPS), spans: []}
      if (mode === 'always' || (mode === 'auto' && read.text.trim().length === 0)) {
        const {recognise} = await import('./ocr.js')
        read = await recognise(await rendered(page, scanDpi(await page.getOperatorList(), pdfjs.OPS, page)))
        recognised++
        options.onPage?.()
      }
      characters += read.text.length
      if (characters > limits.maxCharacters)
        throw new ConversionError('PDF text is above the limit of ' + limits.maxCharacters + ' characters')
      pages.add(read.text, read.spans)
      page.cleanup()
    }
    const text = pages.text
    if (text.trim().length === 0)
      throw new ConversionError(
        mode === 'never'
          ? 'PDF has no text layer (a scanned image?): read it with --ocr auto'
          : 'PDF has no text, and OCR found none on its pages'
      )
    return {text: text + '\n', ocr: recognised > 0 ? {pages: recognised, spans: pages.spans} : undefined}
  } finally {
    await document.destroy()
  }
}

/** The PDF of `bytes`, opened by pdf.js with the CMaps and without eval, font faces or scripts. */
async function opened(pdfjs: typeof import('pdfjs-dist/legacy/build/pdf.mjs'), bytes: Uint8Array) {
  try {
    return await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      cMapUrl: assets.cMapUrl,
      cMapPacked: true,
      standardFontDataUrl: assets.standardFontDataUrl,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      enableXfa: false,
      verbosity: 0
    }).promise
  } catch (error) {
    const name = error instanceof Error ? error.name : ''
    if (name === 'PasswordException') throw new ConversionError('PDF is encrypted (password protected): cannot read it')
    throw new ConversionError('not a readable PDF (' + (error instanceof Error ? error.message : String(error)) + ')')
  }
}

/** The text of a page's text layer, as lines. */
async function layerText(
  page: {getTextContent(): Promise<{items: object[]}>; getOperatorList(): Promise<OperatorList>},
  ops: Record<string, number>
): Promise<string> {
  const content = await page.getTextContent()
  const pieces = placed(content.items.filter((item) => 'str' in item) as unknown as PdfTextItem[])
  const text = linesOf(pieces)
  // Note: a page whose lines hold cells (tabs) may draw a table grid: its rules make a row of each table row.
  return text.split('\t').length > 2 ? linesOf(pieces, rulesOf(await page.getOperatorList(), ops)) : text
}

/** The resolution of the scan a page holds: its widest image's pixels across the page's width (`ocrDpi`). */
function scanDpi(list: OperatorList, ops: Record<string, number>, page: {view: number[]}): number {
  let widest = 0
  for (const [index, fn] of list.fnArray.entries())
    if (fn === ops.paintImageXObject) widest = Math.max(widest, Number((list.argsArray[index] as unknown[])[1]) || 0)
  const inches = ((page.view[2] ?? 0) - (page.view[0] ?? 0)) / 72
  if (widest === 0 || inches <= 0) return ocrDpi.otherwise
  return Math.min(ocrDpi.most, Math.max(ocrDpi.least, Math.round(widest / inches)))
}

/** A page drawn as a PNG image at `dpi`, on a white ground. */
async function rendered(
  page: {
    getViewport(options: {scale: number}): {width: number; height: number}
    render(parameters: object): {promise: Promise<void>}
  },
  dpi: number
): Promise<Uint8Array> {
  let canvasModule: typeof import('@napi-rs/canvas')
  try {
    canvasModule = await import('@napi-rs/canvas')
  } catch {
    throw new ConversionError('drawing a PDF page for OCR needs @napi-rs/canvas: run `npm install @napi-rs/canvas`')
  }
  const viewport = page.getViewport({scale: dpi / 72})
  const canvas = canvasModule.createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height))
  const context = canvas.getContext('2d')
  context.fillStyle = 'white'
  context.fillRect(0, 0, canvas.width, canvas.height)
  await page.render({canvas, canvasContext: context, viewport}).promise
  return canvas.toBuffer('image/png')
}

/** The parts of pdf.js's operator list that draw lines. */
interface OperatorList {
  fnArray: number[]
  argsArray: unknown[]
}

/** The path operators of a `constructPath` (pdf.js's DrawOPS), and how many numbers each takes. */
const pathOps = {moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4}
const pathOperands = [2, 2, 6, 4, 0]

/**
 * The straight lines a page strokes or fills, in page space: table borders
 * (a thin filled box gives its two long edges, which the layout takes as one).
 */
function rulesOf(list: OperatorList, ops: Record<string, number>): Rule[] {
  const rules: Rule[] = []
  const stack: number[][] = []
  let matrix = [1, 0, 0, 1, 0, 0]
  const apply = (x: number, y: number): [number, number] => [
    matrix[0]! * x + matrix[2]! * y + matrix[4]!,
    matrix[1]! * x + matrix[3]! * y + matrix[5]!
  ]
  for (const [index, fn] of list.fnArray.entries()) {
    const args = list.argsArray[index] as unknown[] | null
    if (fn === ops.save) stack.push(matrix)
    else if (fn === ops.restore) matrix = stack.pop() ?? matrix
    else if (fn === ops.transform && args) {
      const [a, b, c, d, e, f] = args as number[]
      const m = matrix
      matrix = [
        m[0]! * a! + m[2]! * b!,
        m[1]! * a! + m[3]! * b!,
        m[0]! * c! + m[2]! * d!,
        m[1]! * c! + m[3]! * d!,
        m[0]! * e! + m[2]! * f! + m[4]!,
        m[1]! * e! + m[3]! * f! + m[5]!
      ]
    } else if (fn === ops.constructPath && args && args[0] !== ops.endPath) {
      for (const data of (args[1] as ArrayLike<number>[] | undefined) ?? []) rules.push(...segmentsOf(data, apply))
    }
  }
  return rules
}

/** The straight segments of one path's data. */
function segmentsOf(data: ArrayLike<number>, apply: (x: number, y: number) => [number, number]): Rule[] {
  const path = new PathSegments()
  for (let at = 0; at < data.length;) {
    const op = data[at]!
    if (op === pathOps.moveTo) path.moveTo(apply(data[at + 1]!, data[at + 2]!))
    else if (op === pathOps.lineTo) path.lineTo(apply(data[at + 1]!, data[at + 2]!))
    else if (op === pathOps.curveTo) path.curveTo(apply(data[at + 5]!, data[at + 6]!))
    else if (op === pathOps.quadraticCurveTo) path.curveTo(apply(data[at + 3]!, data[at + 4]!))
    else if (op === pathOps.closePath) path.close()
    else break
    at += pathOperands[op]! + 1
  }
  return path.rules
}

/** pdf.js's text items as placed text: the size from the text matrix, else the item's height. */
function placed(items: PdfTextItem[]): PlacedText[] {
  return items.map((item) => ({
    text: item.str,
    x: item.transform[4]!,
    y: item.transform[5]!,
    size: Math.max(1, Math.abs(item.transform[3] ?? item.height) || item.height || 10),
    width: item.width
  }))
}
