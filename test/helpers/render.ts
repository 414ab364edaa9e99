/**
 * Scans made by the tests themselves: a text printed on A4 pages as a
 * 公文 is (12-point CJK serif, paragraphs indented two characters, wrapped
 * at the margin), as page images at a resolution, optionally turned a little
 * and speckled like a scan; and an image-only PDF of such pages (JPEG images,
 * no text layer).
 */
import {execFileSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {createCanvas, GlobalFonts} from '@napi-rs/canvas'

/** A CJK font on this machine (fontconfig, else the usual Noto paths), or undefined. */
export function cjkFont(): string | undefined {
  try {
    const listed = execFileSync('fc-list', [':lang=zh', 'file'], {encoding: 'utf8'})
      .split('\n')
      .map((line) => line.replace(/:\s*$/, '').trim())
      .filter(Boolean)
      .sort()
    // Note: a regular weight reads as print does; bold is the fallback.
    const font = listed.find((file) => /Regular/.test(file)) ?? listed[0]
    if (font) return font
  } catch {
    // fontconfig absent: the usual places
  }
  return [
    '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'
  ].find((file) => existsSync(file))
}

export interface ScanOptions {
  dpi: number
  /** Degrees the page is turned by (a scan fed in askew). */
  rotation?: number
  /** Share of pixels speckled grey (0–1). */
  noise?: number
  format?: 'png' | 'jpeg'
}

/** A4 in points, and the margins and type of a printed 公文. */
const page = {width: 595, height: 842, margin: 72, size: 12, leading: 1.6}

/** A printed line: its cells (one for prose) at their place from the left margin, and its type size, in points. */
interface PrintedLine {
  cells: Array<{text: string; x: number}>
  size: number
}

/** The lines of `text` laid out on pages, a page's lines at a time. */
function laidOut(text: string, font: string): PrintedLine[][] {
  GlobalFonts.registerFromPath(font, 'ScanFont')
  const measure = createCanvas(10, 10).getContext('2d')
  measure.font = page.size + 'px ScanFont'
  const width = (line: string) => measure.measureText(line).width
  const lines = printed(text, width, page.width - 2 * page.margin)
  const perPage = Math.floor((page.height - 2 * page.margin) / (page.size * page.leading))
  const pages: PrintedLine[][] = []
  for (let at = 0; at < lines.length; at += perPage) pages.push(lines.slice(at, at + perPage))
  return pages
}

/** The lines each page of `text` prints (a table row's cells apart by tabs): what a perfect reading gives. */
export function printedLines(text: string, font: string): string[][] {
  return laidOut(text, font).map((lines) => lines.map((line) => line.cells.map((cell) => cell.text).join('\t')))
}

/** A picture without text (a grey disc on white, as a logo or a stamp): an image that holds no document. */
export function blankPng(): Uint8Array {
  const canvas = createCanvas(600, 400)
  const context = canvas.getContext('2d')
  context.fillStyle = 'white'
  context.fillRect(0, 0, 600, 400)
  context.fillStyle = '#888'
  context.beginPath()
  context.arc(300, 200, 120, 0, 2 * Math.PI)
  context.fill()
  return canvas.toBuffer('image/png')
}

/** `text` printed on pages: one image (PNG or JPEG bytes) a page. */
export function printedPages(text: string, font: string, options: ScanOptions): Uint8Array[] {
  const scale = options.dpi / 72
  const width = Math.round(page.width * scale)
  const height = Math.round(page.height * scale)
  const images: Uint8Array[] = []
  for (const lines of laidOut(text, font)) {
    const canvas = createCanvas(width, height)
    const context = canvas.getContext('2d')
    context.fillStyle = 'white'
    context.fillRect(0, 0, width, height)
    context.translate(width / 2, height / 2)
    context.rotate(((options.rotation ?? 0) * Math.PI) / 180)
    context.translate(-width / 2, -height / 2)
    context.fillStyle = 'black'
    lines.forEach((line, index) => {
      context.font = line.size * scale + 'px ScanFont'
      const y = (page.margin + page.size * page.leading * (index + 1)) * scale
      for (const cell of line.cells) context.fillText(cell.text, (page.margin + cell.x) * scale, y)
    })
    if (options.noise) speckle(context, width, height, options.noise)
    images.push(options.format === 'jpeg' ? canvas.toBuffer('image/jpeg', 85) : canvas.toBuffer('image/png'))
  }
  return images
}

/**
 * The text's lines as printed: paragraphs wrapped to `limit`, each opening
 * indented by two full-width spaces; a run of tab-separated lines (a table)
 * as rows of cells in columns as wide as their widest cell, the type made
 * smaller where the table would not fit.
 */
function printed(text: string, width: (line: string) => number, limit: number): PrintedLine[] {
  const lines: PrintedLine[] = []
  // Note: a Markdown heading's hashes (## 附件8) are markup, not print.
  const source = text.split('\n').map((line) => line.replace(/^#{1,6}[ \t]+/, ''))
  // Note: a table row has two cells or more; a line with one after a tab is a box's text printed in a cell.
  const isRow = (line: string) => line.split('\t').filter((cell) => cell.trim()).length > 1
  for (let at = 0; at < source.length; at++) {
    if (isRow(source[at]!)) {
      const rows: string[][] = []
      for (; at < source.length && isRow(source[at]!); at++) rows.push(source[at]!.split('\t'))
      at--
      lines.push(...table(rows, width, limit))
      continue
    }
    const trimmed = source[at]!.replace(/\t/g, '').trim()
    if (trimmed.length === 0) continue
    let line = /^\S/.test(source[at]!) && trimmed.length < 40 ? '' : '\u3000\u3000'
    for (const character of trimmed) {
      if (width(line + character) > limit) {
        lines.push({cells: [{text: line, x: 0}], size: page.size})
        line = ''
      }
      line += character
    }
    lines.push({cells: [{text: line, x: 0}], size: page.size})
  }
  return lines
}

/** A table's rows in columns two characters apart, the type scaled down (to 7 points at least) to fit. */
function table(rows: string[][], width: (line: string) => number, limit: number): PrintedLine[] {
  const gap = 2 * page.size
  const columns: number[] = []
  for (const row of rows)
    row.forEach((cell, index) => (columns[index] = Math.max(columns[index] ?? 0, width(cell.trim()))))
  const total = columns.reduce((sum, column) => sum + column + gap, -gap)
  const shrink = Math.max(7 / page.size, Math.min(1, limit / total))
  return rows.map((row) => {
    let x = 0
    const cells = row.map((cell, index) => {
      const placed = {text: cell.trim(), x}
      x += (columns[index]! + gap) * shrink
      return placed
    })
    return {cells: cells.filter((cell) => cell.text.length > 0), size: page.size * shrink}
  })
}

/** Grey specks over a share of the page, from a fixed seed (the same scan every run). */
function speckle(
  context: ReturnType<ReturnType<typeof createCanvas>['getContext']>,
  w: number,
  h: number,
  share: number
) {
  let state = 7
  const next = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
  context.setTransform(1, 0, 0, 1, 0, 0)
  context.fillStyle = 'rgba(0,0,0,0.5)'
  const count = Math.round(w * h * share)
  for (let index = 0; index < count; index++) context.fillRect(next() * w, next() * h, 1.5, 1.5)
}

/** An image-only PDF: each JPEG a whole A4 page, no text layer. */
export function imagePdf(jpegs: Uint8Array[]): Uint8Array {
  const parts: Buffer[] = []
  const offsets: number[] = []
  let length = 0
  const add = (chunk: string | Uint8Array) => {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : Buffer.from(chunk)
    parts.push(buffer)
    length += buffer.length
  }
  const object = (number: number, body: string | Array<string | Uint8Array>) => {
    offsets[number] = length
    add(number + ' 0 obj\n')
    for (const piece of typeof body === 'string' ? [body] : body) add(piece)
    add('\nendobj\n')
  }
  add('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
  const kids = jpegs.map((_, index) => 3 + index * 3 + ' 0 R').join(' ')
  object(1, '<< /Type /Catalog /Pages 2 0 R >>')
  object(2, '<< /Type /Pages /Kids [' + kids + '] /Count ' + jpegs.length + ' >>')
  jpegs.forEach((jpeg, index) => {
    const [pageNumber, imageNumber, contentNumber] = [3 + index * 3, 4 + index * 3, 5 + index * 3]
    const {width, height} = jpegSize(jpeg)
    object(
      pageNumber,
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ' +
        page.width +
        ' ' +
        page.height +
        '] /Resources << /XObject << /Im0 ' +
        imageNumber +
        ' 0 R >> >> /Contents ' +
        contentNumber +
        ' 0 R >>'
    )
    object(imageNumber, [
      '<< /Type /XObject /Subtype /Image /Width ' +
        width +
        ' /Height ' +
        height +
        ' /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ' +
        jpeg.length +
        ' >>\nstream\n',
      jpeg,
      '\nendstream'
    ])
    const content = 'q ' + page.width + ' 0 0 ' + page.height + ' 0 0 cm /Im0 Do Q'
    object(contentNumber, '<< /Length ' + content.length + ' >>\nstream\n' + content + '\nendstream')
  })
  const count = 3 + jpegs.length * 3
  const xref = length
  add('xref\n0 ' + count + '\n0000000000 65535 f \n')
  for (let number = 1; number < count; number++) add(String(offsets[number]).padStart(10, '0') + ' 00000 n \n')
  add('trailer\n<< /Size ' + count + ' /Root 1 0 R >>\nstartxref\n' + xref + '\n%%EOF\n')
  return Buffer.concat(parts)
}

/** A JPEG's size, from its start-of-frame marker. */
function jpegSize(jpeg: Uint8Array): {width: number; height: number} {
  let at = 2
  while (at < jpeg.length) {
    const marker = jpeg[at + 1]!
    const size = (jpeg[at + 2]! << 8) | jpeg[at + 3]!
    if (marker >= 0xc0 && marker <= 0xc3)
      return {height: (jpeg[at + 5]! << 8) | jpeg[at + 6]!, width: (jpeg[at + 7]! << 8) | jpeg[at + 8]!}
    at += 2 + size
  }
  throw new Error('not a JPEG')
}

/**
 * Page images as one multi-page TIFF (as fax and archive scans are kept):
 * each page 8-bit grey, uncompressed, one strip, an image file directory
 * (IFD) a page chained to the next. sharp writes one page only.
 */
export async function multipageTiff(images: Uint8Array[], dpi: number): Promise<Uint8Array> {
  const sharp = (await import('sharp')).default
  const pages = await Promise.all(
    images.map((image) => sharp(image).greyscale().raw().toBuffer({resolveWithObject: true}))
  )
  const entries = 11
  const ifdSize = 2 + entries * 12 + 4 + 16 // count, entries, next IFD, then two rationals (x and y resolution)
  const size = 8 + pages.reduce((sum, {data}) => sum + ifdSize + data.length, 0)
  const bytes = new Uint8Array(size)
  const view = new DataView(bytes.buffer)
  bytes.set([0x49, 0x49, 42, 0]) // little-endian TIFF
  view.setUint32(4, 8, true)
  let at = 8
  for (const [index, {data, info}] of pages.entries()) {
    const ifd = at
    const rationals = ifd + 2 + entries * 12 + 4
    const pixels = rationals + 16
    view.setUint16(ifd, entries, true)
    const tags: Array<[number, number, number]> = [
      [256, 4, info.width], // image width (LONG)
      [257, 4, info.height], // image length
      [258, 3, 8], // bits per sample (SHORT)
      [259, 3, 1], // no compression
      [262, 3, 1], // black is zero
      [273, 4, pixels], // strip offsets
      [277, 3, 1], // samples per pixel
      [278, 4, info.height], // rows per strip
      [279, 4, data.length], // strip byte counts
      [282, 5, rationals], // x resolution (RATIONAL, at an offset)
      [283, 5, rationals + 8] // y resolution
    ]
    for (const [entry, [tag, type, value]] of tags.entries()) {
      const place = ifd + 2 + entry * 12
      view.setUint16(place, tag, true)
      view.setUint16(place + 2, type, true)
      view.setUint32(place + 4, 1, true)
      if (type === 3) view.setUint16(place + 8, value, true)
      else view.setUint32(place + 8, value, true)
    }
    const next = index === pages.length - 1 ? 0 : pixels + data.length
    view.setUint32(ifd + 2 + entries * 12, next, true)
    for (const offset of [rationals, rationals + 8]) {
      view.setUint32(offset, dpi, true)
      view.setUint32(offset + 4, 1, true)
    }
    bytes.set(data, pixels)
    at = pixels + data.length
  }
  return bytes
}
