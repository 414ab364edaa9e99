/**
 * .doc (Word 97–2003) and .wps (WPS Writer, the same OLE compound file) →
 * the plain text the 公文 parser reads, with word-extractor.
 *
 * Table cells come as tab-separated rows (a merged cell as an empty one),
 * as the parser reads tables flattened by conversion; curly quotes and
 * dashes are kept as printed (“十四五”, 2021—2025年).
 */
import WordExtractor from 'word-extractor'
import {isOle} from '../formats.js'
import {ConversionError} from './errors.js'

/**
 * Convert a .doc to 公文 plain text. Text boxes (where a 专栏 is often
 * printed) are kept apart in the file, with no place in the body recorded:
 * their text follows the body, after a blank line, from `textboxesAt`.
 */
export async function docToText(bytes: Uint8Array): Promise<{text: string; textboxesAt: number | undefined}> {
  if (!isOle(bytes)) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 32)).trimStart()
    if (head.startsWith('{\\rtf')) throw new ConversionError('RTF under a Word name: RTF is not supported yet (save it as .docx)')
    if (/^mime-version/i.test(head)) throw new ConversionError('a web archive (MHT) under a Word name: not supported yet (save it as .html)')
    throw new ConversionError('not a Word 97–2003 document (no OLE compound file header)')
  }
  let document
  try {
    document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  } catch (error) {
    throw new ConversionError('cannot read .doc (' + (error instanceof Error ? error.message.split('\n')[0] : String(error)) + ')')
  }
  // Note: a cell mark becomes a tab, so every row ends with one more; it is no cell.
  const clean = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\t(?=\n|$)/g, '')
  const body = clean(document.getBody({filterUnicode: false})).trimEnd()
  const textboxes = clean(document.getTextboxes({filterUnicode: false, includeHeadersAndFooters: false})).trim()
  if (!textboxes) return {text: body + '\n', textboxesAt: undefined}
  return {text: body + '\n\n' + textboxes + '\n', textboxesAt: body.length + 2}
}
