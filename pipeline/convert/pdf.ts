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

/** Extract the text of a PDF as lines. */
export async function pdfToText(
  bytes: Uint8Array,
  limits: PdfLimits = {maxPages: 2000, maxCharacters: 20_000_000}
): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  let document
  try {
    document = await pdfjs.getDocument({
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
  try {
    if (document.numPages > limits.maxPages)
      throw new ConversionError('PDF has ' + document.numPages + ' pages, above the limit of ' + limits.maxPages)
    const pages: string[] = []
    let characters = 0
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number)
      const content = await page.getTextContent()
      const pieces = placed(content.items.filter((item) => 'str' in item) as unknown as PdfTextItem[])
      let text = linesOf(pieces)
      // Note: a page whose lines hold cells (tabs) may draw a table grid: its rules make a row of each table row.
      if (text.split('\t').length > 2) text = linesOf(pieces, rulesOf(await page.getOperatorList(), pdfjs.OPS))
      characters += text.length
      if (characters > limits.maxCharacters)
        throw new ConversionError('PDF text is above the limit of ' + limits.maxCharacters + ' characters')
      pages.push(text)
      page.cleanup()
    }
    const text = pages.join('\n\n')
    if (text.trim().length === 0)
      throw new ConversionError('PDF has no text layer (a scanned image?): it needs OCR first')
    return text + '\n'
  } finally {
    await document.destroy()
  }
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
