/**
 * .doc (Word 97–2003) and .wps (WPS Writer, the same OLE compound file) →
 * the plain text the 公文 parser reads, with word-extractor.
 *
 * Table cells come as tab-separated rows (a merged cell as an empty one),
 * as the parser reads tables flattened by conversion; curly quotes and
 * dashes are kept as printed (“十四五”, 2021—2025年).
 */
import WordExtractor from 'word-extractor'
import {isOle} from './formats.js'
import {ConversionError} from './errors.js'

/**
 * Convert a .doc to 公文 plain text. Text boxes (where a 专栏 is often
 * printed) are kept apart in the file, with no place in the body recorded:
 * their text follows the body, after a blank line, from `textboxesAt`.
 */
export async function docToText(bytes: Uint8Array): Promise<{text: string; textboxesAt: number | undefined}> {
  if (!isOle(bytes)) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 32)).trimStart()
    if (head.startsWith('{\\rtf'))
      throw new ConversionError('RTF under a Word name: RTF is not supported yet (save it as .docx)')
    if (/^mime-version/i.test(head))
      throw new ConversionError('a web archive (MHT) under a Word name: not supported yet (save it as .html)')
    throw new ConversionError('not a Word 97–2003 document (no OLE compound file header)')
  }
  let document
  try {
    document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  } catch (error) {
    throw new ConversionError(
      'cannot read .doc (' + (error instanceof Error ? error.message.split('\n')[0] : String(error)) + ')'
    )
  }
  // Note: a cell mark becomes a tab, so every row ends with one more; it is no cell.
  const clean = (text: string) => joinCellParagraphs(text.replace(/\r\n?/g, '\n')).replace(/\t(?=\n|$)/g, '')
  const body = clean(document.getBody({filterUnicode: false})).trimEnd()
  const textboxes = clean(document.getTextboxes({filterUnicode: false, includeHeadersAndFooters: false})).trim()
  if (!textboxes) return {text: body + '\n', textboxesAt: undefined}
  return {text: body + '\n\n' + textboxes + '\n', textboxesAt: body.length + 2}
}

/** The most paragraphs a cell's break may join into its row. */
const maximumCellBreaks = 4

/**
 * A row whose cell holds several paragraphs (指标 / （单位）) as one line: a
 * line that holds a cell mark (tab) but does not end the row (a row ends with
 * one) goes on into the next ones up to a row end, where the row then has as
 * many cells as another row of the document (a row printed whole, or another
 * so joined) — a line with a tab that ends no row (a contents line) is left.
 */
function joinCellParagraphs(text: string): string {
  const lines = text.split('\n')
  const cellsOf = (line: string) => line.split('\t').length
  const candidates: Array<{start: number; end: number; cells: number}> = []
  const whole = new Set<number>()
  for (let at = 0; at < lines.length; at++) {
    const line = lines[at]!
    if (line.endsWith('\t') && (at === 0 || lines[at - 1]!.endsWith('\t'))) whole.add(cellsOf(line))
    if (!line.includes('\t') || line.endsWith('\t')) continue
    let end = at + 1
    while (end < lines.length && end - at <= maximumCellBreaks && !lines[end]!.endsWith('\t')) end++
    if (end >= lines.length || end - at > maximumCellBreaks) continue
    candidates.push({start: at, end, cells: cellsOf(lines.slice(at, end + 1).join(''))})
    at = end
  }
  const joined = candidates.filter(
    (candidate) =>
      whole.has(candidate.cells) || candidates.some((other) => other !== candidate && other.cells === candidate.cells)
  )
  for (const {start, end} of joined.reverse())
    lines.splice(start, end - start + 1, lines.slice(start, end + 1).join(''))
  return lines.join('\n')
}
