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
import {linesOf, type PlacedText} from './layout.js'

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
export async function pdfToText(bytes: Uint8Array, limits: PdfLimits = {maxPages: 2000, maxCharacters: 20_000_000}): Promise<string> {
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
    if (document.numPages > limits.maxPages) throw new ConversionError('PDF has ' + document.numPages + ' pages, above the limit of ' + limits.maxPages)
    const pages: string[] = []
    let characters = 0
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number)
      const content = await page.getTextContent()
      const text = linesOf(placed(content.items.filter((item) => 'str' in item) as unknown as PdfTextItem[]))
      characters += text.length
      if (characters > limits.maxCharacters) throw new ConversionError('PDF text is above the limit of ' + limits.maxCharacters + ' characters')
      pages.push(text)
      page.cleanup()
    }
    const text = pages.join('\n\n')
    if (text.trim().length === 0) throw new ConversionError('PDF has no text layer (a scanned image?): it needs OCR first')
    return text + '\n'
  } finally {
    await document.destroy()
  }
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
