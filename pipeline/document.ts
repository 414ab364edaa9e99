/**
 * One document through the stages: decode → parse → extract → normalize.
 */
import {createHash} from 'node:crypto'
import type {Root} from 'mdast'
import type {Position} from 'unist'
import {VFile} from 'vfile'
import {messageAt} from './tree/message-at.js'
import type {PolicyRecord, Source} from '../schemas/record.js'
import type {RuleId} from '../schemas/rules.js'
import {isImage, sniffFormat, type ParsedFormat} from './convert/formats.js'
import {processorFor} from './processor.js'
import {ocrEngine, type OcrMode} from './convert/ocr.js'
import {carryConfidence, meanConfidence, type OcrRead} from './stages/ocr-confidence.js'

export {formatOf, formats, unsupportedFormats} from './convert/formats.js'
import {decode, utf16Order} from './stages/decode.js'
import {halfWidthDigits, restorePrintedDigits} from './stages/digits.js'
import {stripInvisible} from './stages/invisible.js'
import {normalize} from './stages/normalize.js'

/** Why a document yields no record: one line for the report. */
export class DocumentError extends Error {
  override name = 'DocumentError'
}

/**
 * A file whose content shows it holds no document (an image in which OCR
 * finds no text: a logo, a photo): passed over when found in a folder, a
 * failure when named.
 */
export class NotADocument extends DocumentError {
  override name = 'NotADocument'
}

/**
 * Extract the record of one document.
 *
 * `sourcePath` is what the record names (relative to the batch's base);
 * `sha256` is the bytes' digest when the caller has it already.
 */
export async function extractDocument(
  bytes: Uint8Array,
  sourcePath: string,
  format: ParsedFormat,
  sha256?: string,
  options: ConvertOptions = {}
): Promise<{record: PolicyRecord; file: VFile; intermediate: string | undefined}> {
  if (bytes.length === 0) throw new DocumentError('empty file')
  const actual = sniffFormat(bytes, format)
  const converted = await toText(bytes, actual, options)
  const {encoding} = converted
  // Note: zero-width characters split numbers and names; without them, positions refer to the text as the reader sees it.
  const visible = stripInvisible(converted.text)
  const intermediate = visible.removed > 0 ? visible.text : converted.intermediate
  if (visible.text.trim().length === 0) throw new DocumentError('no text (only whitespace)')
  const {text, changed} = halfWidthDigits(visible.text)
  const file = new VFile({path: sourcePath, value: text})
  noteDecoding(file, converted, visible.removed, changed)
  // Note: Markdown nested deeper than any document needs (15 000 `>`) costs the parser quadratic time and gigabytes: it is read as plain text.
  const tooDeep = actual === 'markdown' && deeplyNested(text)
  if (tooDeep)
    messageAt(
      file,
      'Markdown nested more than ' + maxNesting + ' levels deep: read as plain text',
      startOf(),
      'markdown-too-deep',
      'warning'
    )
  const processor = await processorFor(actual === 'markdown' && !tooDeep ? 'markdown' : 'text')
  const tree = processor.parse(file) as Root
  reportParserRepairs(tree, file)
  if (converted.textboxesAt !== undefined) {
    const at =
      visible.removed > 0
        ? stripInvisible(converted.text.slice(0, converted.textboxesAt)).text.length
        : converted.textboxesAt
    messageAt(
      file,
      'Text boxes (often 专栏) have no recorded place in the body: their text is read after it',
      pointAt(text, at),
      'textboxes-appended'
    )
  }
  await processor.run(tree, file)
  if (converted.ocr) carryConfidence(file, converted.ocr)
  if (!file.data.title && (file.data.outline?.length ?? 0) === 0 && !file.data.docNumber) {
    messageAt(
      file,
      'No title, outline or document number: this may not be a policy document',
      tree.position,
      'not-a-policy-document'
    )
  }
  const source: Source = {
    path: sourcePath,
    sha256: sha256 ?? createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    format: actual,
    encoding,
    ...(converted.ocr
      ? {ocr: {engine: ocrEngine, pages: converted.ocr.pages, confidence: meanConfidence(converted.ocr.spans)}}
      : {})
  }
  const record = normalize(file, source)
  // Note: the extractors read ASCII digits; what the record quotes is printed as the source prints it.
  if (changed > 0) restorePrintedDigits(record, visible.text, text)
  return {record, file, intermediate}
}

/** What decoding did to the text, said on the file: the encoding, undecodable bytes, removed and read characters. */
function noteDecoding(
  file: VFile,
  converted: {encoding: string; mismatch?: string | undefined},
  removed: number,
  changed: number
): void {
  const text = String(file.value)
  const {encoding} = converted
  if (encoding === 'gb18030' || encoding === 'gbk')
    file.info('Not UTF-8: decoded as ' + encoding.toUpperCase(), {ruleId: 'decoded-gb18030', source: 'zhengce'})
  if (encoding.startsWith('utf-16'))
    file.info('Decoded as ' + encoding.toUpperCase(), {ruleId: 'decoded-utf16', source: 'zhengce'})
  // Note: what a lenient decoder (a page read as its declared charset) could not read is U+FFFD: said, with where it first is.
  const replaced = text.indexOf('\ufffd')
  if (replaced !== -1)
    messageAt(
      file,
      'The text holds U+FFFD (bytes that could not be decoded), first on this line',
      pointAt(text, replaced),
      'replacement-character'
    )
  if (removed > 0)
    file.info(
      'Removed ' +
        removed +
        ' zero-width characters (U+200B…); positions refer to the text without them (--dump-intermediate writes it)',
      {ruleId: 'zero-width-removed', source: 'zhengce'}
    )
  if (converted.mismatch) messageAt(file, converted.mismatch, startOf(), 'charset-mismatch')
  if (changed > 0)
    file.info('Read ' + changed + ' full-width digits (０-９) as ASCII digits; offsets are unchanged', {
      ruleId: 'full-width-digits',
      source: 'zhengce'
    })
}

/** The deepest nesting of block quotes and lists Markdown is parsed with. */
const maxNesting = 32
const deepExpression = new RegExp('^(?:[ \\t]*>){' + (maxNesting + 1) + '}|^[ \\t]{' + 4 * maxNesting + ',}\\S', 'm')

/** Whether a line opens with more than `maxNesting` quote markers, or is indented as deep as that many lists. */
export function deeplyNested(text: string): boolean {
  return deepExpression.test(text)
}

/** What a binary format converts to: the text, where text boxes placed after the body begin (.doc), what OCR read. */
interface Converted {
  text: string
  textboxesAt?: number | undefined
  ocr?: OcrRead | undefined
}

/** How binary formats are read: OCR (`--ocr`), and a sign of life after each page OCR reads. */
export interface ConvertOptions {
  ocr?: OcrMode | undefined
  onPage?: (() => void) | undefined
}

/**
 * The binary formats and their converters. Note: converters load on first
 * use; plain text never pays for mammoth, pdf.js, word-extractor or saxes.
 */
const converters: Partial<Record<ParsedFormat, (bytes: Uint8Array, options: ConvertOptions) => Promise<Converted>>> = {
  pdf: async (bytes, options) => (await import('./convert/pdf.js')).pdfToText(bytes, options),
  image: async (bytes, options) => {
    if (options.ocr === 'never') throw new DocumentError('an image: OCR is off (--ocr never)')
    if (!isImage(bytes)) throw new DocumentError('not an image: the bytes are no PNG, JPEG or TIFF')
    const {text, spans, pages} = await (await import('./convert/ocr.js')).recogniseImage(bytes, options.onPage)
    if (text.trim().length === 0) throw new NotADocument('an image in which OCR found no text')
    return {text: text + '\n', ocr: {pages, spans}}
  },
  docx: async (bytes) => ({text: (await (await import('./convert/docx.js')).docxToText(bytes)).text}),
  doc: async (bytes) => (await import('./convert/doc.js')).docToText(bytes),
  ofd: async (bytes) => ({text: await (await import('./convert/ofd.js')).ofdToText(bytes)})
}

/** The text to parse, from the bytes of a format; converted formats also give it as the intermediate to dump. */
async function toText(
  bytes: Uint8Array,
  format: ParsedFormat,
  options: ConvertOptions
): Promise<Converted & {encoding: string; intermediate: string | undefined; mismatch?: string | undefined}> {
  try {
    const convert = converters[format]
    if (convert) {
      const {text, textboxesAt, ocr} = await convert(bytes, options)
      return {text, encoding: 'binary', intermediate: text, textboxesAt, ocr}
    }
    if (bytes.includes(0) && !hasUtf16Bom(bytes) && !utf16Order(bytes))
      throw new DocumentError('binary data (NUL bytes): not a text document')
    if (format === 'html') {
      const {decodeHtml, htmlToText} = await import('./convert/html.js')
      const {html, encoding, mismatch} = decodeHtml(bytes)
      const text = htmlToText(html)
      return {text, encoding, intermediate: text, mismatch}
    }
    const decoded = decode(bytes)
    return {text: decoded.text, encoding: decoded.encoding, intermediate: undefined}
  } catch (error) {
    if (error instanceof DocumentError) throw error
    throw new DocumentError(error instanceof Error ? error.message : String(error))
  }
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
}

/**
 * The parser's repairs as info diagnostics, at most `maxRepairsReported` of
 * each kind: past that, one more says how many were not listed (a
 * conversion that breaks every line would otherwise give a record of
 * hundreds of thousands of diagnostics).
 */
function reportParserRepairs(tree: Root, file: VFile): void {
  const repairs = {
    debris: ['conversion-debris', 'Removed conversion debris'],
    'page-number': ['page-number', 'Dropped page number'],
    'running-head': ['running-head', 'Dropped running head (printed beside every page number)'],
    toc: ['table-of-contents', 'Dropped table-of-contents line']
  } as const
  const counts = new Map<RuleId, {count: number; firstUnlisted?: Position | undefined}>()
  const listed = (rule: RuleId, position: Position | undefined) => {
    const seen = counts.get(rule) ?? {count: 0}
    seen.count++
    if (seen.count === maxRepairsReported + 1) seen.firstUnlisted = position
    counts.set(rule, seen)
    return seen.count <= maxRepairsReported
  }
  for (const removed of tree.data?.removedLines ?? []) {
    const [rule, what] = repairs[removed.kind]
    if (listed(rule, removed.position))
      messageAt(file, what + ' `' + removed.text + '`', removed.position, rule, 'info')
  }
  for (const joined of tree.data?.joinedLines ?? []) {
    if (listed('joined-line', joined.position))
      messageAt(file, 'Joined a sentence broken across lines', joined.position, 'joined-line', 'info')
  }
  for (const [rule, {count, firstUnlisted}] of counts) {
    if (count > maxRepairsReported)
      messageAt(
        file,
        count - maxRepairsReported + ' more of these repairs are not listed (' + count + ' in all), from here on',
        firstUnlisted,
        rule,
        'info'
      )
  }
}

/** The place of one offset in `text`. */
function pointAt(text: string, offset: number): Position {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  const point = {line, column: offset - before.lastIndexOf('\n'), offset}
  return {start: point, end: point}
}

/** The place of a message about the whole text: its start. */
function startOf(): Position {
  return pointAt('', 0)
}

/** The most repairs of one kind listed one by one. */
const maxRepairsReported = 500
