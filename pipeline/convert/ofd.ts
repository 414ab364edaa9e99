/**
 * .ofd (GB/T 33190-2016, China's fixed-layout format for official documents)
 * → the plain text the 公文 parser reads.
 *
 * An OFD is a zip archive: OFD.xml names each document's Document.xml, which
 * lists its pages; a page's Content.xml holds TextObjects, each placed by its
 * Boundary (and CTM), its TextCodes at X/Y with DeltaX steps between glyphs.
 * The text is placed on the page and regrouped into lines as a PDF's is
 * (`layout.ts`), a table's grid drawn by PathObjects making a line of each
 * row. Template pages (running heads, page numbers) are not read.
 */
import path from 'node:path'
import JSZip from 'jszip'
import {SaxesParser, type SaxesTagPlain} from 'saxes'
import {ConversionError} from './errors.js'
import {linesOf, PathSegments, type PlacedText, type Rule} from './layout.js'
import {defaultZipLimits, openZip, type ZipLimits} from './zip.js'

/** Limits against hostile files: the archive's (`zip.ts`) and the pages'. */
export interface OfdLimits extends ZipLimits {
  maxPages: number
}

/** Convert an .ofd to 公文 plain text. */
export async function ofdToText(
  bytes: Uint8Array,
  limits: OfdLimits = {...defaultZipLimits, maxPages: 2000}
): Promise<string> {
  const zip = await openZip(bytes, '.ofd', limits)
  const entry = await readEntry(zip, 'OFD.xml')
  if (entry === undefined) throw new ConversionError('not an OFD document (no OFD.xml in the archive)')
  const documents = elementTexts(entry, 'DocRoot')
  if (documents.length === 0) throw new ConversionError('OFD.xml names no document (DocRoot)')
  const pages: string[] = []
  for (const root of documents) {
    const documentPath = resolve('', root)
    const document = await readEntry(zip, documentPath)
    if (document === undefined)
      throw new ConversionError('OFD document ' + documentPath + ' is missing from the archive')
    const locations = elementAttributes(document, 'Page')
      .map((attributes) => attributes.BaseLoc)
      .filter((location): location is string => Boolean(location))
    if (pages.length + locations.length > limits.maxPages)
      throw new ConversionError(
        'OFD has ' + (pages.length + locations.length) + ' pages, above the limit of ' + limits.maxPages
      )
    for (const location of locations) {
      const content = await readEntry(zip, resolve(path.posix.dirname(documentPath), location))
      if (content === undefined) continue
      const {pieces, rules} = pageContent(content)
      pages.push(linesOf(pieces, rules))
    }
  }
  const text = pages.join('\n\n')
  if (text.trim().length === 0) throw new ConversionError('OFD has no text (a scanned image?): it needs OCR first')
  return text + '\n'
}

/** A path inside the archive: `location` from the folder `base`, or from the root when it starts with a slash. */
function resolve(base: string, location: string): string {
  const joined = location.startsWith('/') ? location.slice(1) : path.posix.join(base, location)
  return path.posix.normalize(joined).replace(/^\.\//, '')
}

/** An entry's text, found case-insensitively (producers differ), or undefined. */
async function readEntry(zip: JSZip, name: string): Promise<string | undefined> {
  const file =
    zip.file(name) ?? Object.values(zip.files).find((candidate) => candidate.name.toLowerCase() === name.toLowerCase())
  return file ? file.async('string') : undefined
}

/** The local name of a tag (`ofd:TextCode` → `TextCode`). */
function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1)
}

function parser(
  xml: string,
  on: {open?: (tag: SaxesTagPlain) => void; text?: (text: string) => void; close?: (tag: SaxesTagPlain) => void}
): void {
  const sax = new SaxesParser()
  if (on.open) sax.on('opentag', on.open)
  if (on.text) sax.on('text', on.text)
  if (on.close) sax.on('closetag', on.close)
  try {
    sax.write(xml).close()
  } catch (error) {
    throw new ConversionError(
      'OFD holds broken XML (' + (error instanceof Error ? error.message.split('\n')[0] : String(error)) + ')'
    )
  }
}

/** The text of every element named `name`. */
function elementTexts(xml: string, name: string): string[] {
  const texts: string[] = []
  let current: string | undefined
  parser(xml, {
    open: (tag) => {
      if (localName(tag.name) === name) current = ''
    },
    text: (text) => {
      if (current !== undefined) current += text
    },
    close: (tag) => {
      if (localName(tag.name) === name && current !== undefined) texts.push(current.trim())
      current = undefined
    }
  })
  return texts
}

/** The attributes of every element named `name`. */
function elementAttributes(xml: string, name: string): Array<Record<string, string>> {
  const found: Array<Record<string, string>> = []
  parser(xml, {
    open: (tag) => {
      if (localName(tag.name) === name) found.push(tag.attributes)
    }
  })
  return found
}

const numbers = (value: string | undefined) => (value ?? '').trim().split(/\s+/).filter(Boolean).map(Number)

/** DeltaX/DeltaY steps, with `g N v` for N steps of v. */
function steps(value: string | undefined): number[] {
  const tokens = (value ?? '').trim().split(/\s+/).filter(Boolean)
  const result: number[] = []
  for (let index = 0; index < tokens.length; index++) {
    if (tokens[index] === 'g') {
      const count = Number(tokens[index + 1])
      const step = Number(tokens[index + 2])
      for (let repeat = 0; repeat < count && repeat < 100_000; repeat++) result.push(step)
      index += 2
    } else result.push(Number(tokens[index]))
  }
  return result
}

/**
 * Every TextCode of a page as placed text, and the straight lines its
 * PathObjects draw (a table's grid), in page coordinates (mm, y turned upwards).
 */
function pageContent(xml: string): {pieces: PlacedText[]; rules: Rule[]} {
  const pieces: PlacedText[] = []
  const rules: Rule[] = []
  let object: Record<string, string> | undefined
  let code: Record<string, string> | undefined
  let path: Record<string, string> | undefined
  let text = ''
  parser(xml, {
    open: (tag) => {
      const name = localName(tag.name)
      if (name === 'TextObject') object = tag.attributes
      else if (name === 'TextCode' && object) {
        code = tag.attributes
        text = ''
      } else if (name === 'PathObject') path = tag.attributes
      else if (name === 'AbbreviatedData' && path) text = ''
    },
    text: (value) => {
      if (code || path) text += value
    },
    close: (tag) => {
      const name = localName(tag.name)
      if (name === 'TextCode' && object && code) {
        const piece = place(object, code, text)
        if (piece) pieces.push(piece)
        code = undefined
      } else if (name === 'TextObject') object = undefined
      else if (name === 'AbbreviatedData' && path) rules.push(...segments(path, text))
      else if (name === 'PathObject') path = undefined
    }
  })
  return {pieces, rules}
}

/**
 * The straight segments of a path's AbbreviatedData (M x y, L x y, C to
 * close; curves only move the pen), placed like text: through the CTM, then
 * moved to the Boundary.
 */
function segments(path: Record<string, string>, data: string): Rule[] {
  const [left = 0, top = 0] = numbers(path.Boundary)
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = path.CTM ? numbers(path.CTM) : []
  const point = (x: number, y: number): [number, number] => [left + a * x + c * y + e, -(top + b * x + d * y + f)]
  const tokens = data.trim().split(/\s+/)
  const drawn = new PathSegments()
  for (let at = 0; at < tokens.length;) {
    const command = tokens[at]!
    const count = pathOperands[command]
    if (count === undefined) break
    const values = tokens.slice(at + 1, at + 1 + count).map(Number)
    if (values.some((value) => !Number.isFinite(value))) break
    if (command === 'M' || command === 'S') drawn.moveTo(point(values[0]!, values[1]!))
    else if (command === 'L') drawn.lineTo(point(values[0]!, values[1]!))
    else if (command === 'C') drawn.close()
    else drawn.curveTo(point(values[count - 2]!, values[count - 1]!))
    at += 1 + count
  }
  return drawn.rules
}

/** How many numbers each AbbreviatedData command takes (S start, M move, L line, Q and B curves, A arc, C close). */
const pathOperands: Record<string, number> = {S: 2, M: 2, L: 2, Q: 4, B: 6, A: 7, C: 0}

/** One TextCode placed: its origin through the object's CTM, then moved to the object's Boundary. */
function place(object: Record<string, string>, code: Record<string, string>, text: string): PlacedText | undefined {
  if (text.length === 0) return undefined
  const [left = 0, top = 0] = numbers(object.Boundary)
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = object.CTM ? numbers(object.CTM) : []
  const x = Number(code.X ?? 0)
  const y = Number(code.Y ?? 0)
  const scale = Math.sqrt(Math.abs(a * d - b * c)) || 1
  const size = Math.max(0.1, Number(object.Size ?? 3.5) * scale)
  const deltas = steps(code.DeltaX)
  const glyphs = [...text]
  // Note: without DeltaX steps a glyph advances by its own width: the size, half for a narrow one.
  const advance = glyphs
    .slice(0, -1)
    .reduce(
      (sum, glyph, at) =>
        sum + (deltas[at] !== undefined ? deltas[at]! * scale : glyph.charCodeAt(0) < 0x1100 ? size / 2 : size),
      0
    )
  return {
    text,
    x: left + a * x + c * y + e,
    // Note: OFD's y grows downwards; placed text's upwards.
    y: -(top + b * x + d * y + f),
    size,
    width: advance + size,
    isSpace: text.trim().length === 0
  }
}
