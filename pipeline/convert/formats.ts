/**
 * Input formats by file extension (kept light: the engine's main thread
 * needs this without loading the extractors).
 */
import path from 'node:path'

/** Formats that are read; docx, doc, html, pdf and ofd are converted to plain text first, images recognised (OCR). */
export type ParsedFormat = 'text' | 'markdown' | 'docx' | 'doc' | 'html' | 'pdf' | 'ofd' | 'image'

/** Extensions that are read, by format. */
export const formats: Record<string, ParsedFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.docx': 'docx',
  '.doc': 'doc',
  '.wps': 'doc',
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
  '.pdf': 'pdf',
  '.ofd': 'ofd',
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
  '.tif': 'image',
  '.tiff': 'image'
}

/** Formats we know of but do not read yet. */
export const unsupportedFormats = ['.rtf', '.xls', '.xlsx', '.wpt', '.ceb']

/** The supported extensions, for messages. */
export const supportedList = '.txt, .md, .docx, .doc, .wps, .html, .pdf, .ofd, .png, .jpg, .tif'

/** One decoder for every sniff: opening one costs more than the decoding. */
const latin1 = new TextDecoder('latin1')

/**
 * The format the bytes really are, where they say so clearly (`%PDF-`, a zip
 * archive named .docx, an HTML document), else the one the extension names.
 */
export function sniffFormat(bytes: Uint8Array, byExtension: ParsedFormat): ParsedFormat {
  const head = latin1
    .decode(bytes.subarray(0, 512))
    .replace(/^\ufeff|^\u00ef\u00bb\u00bf/, '')
    .trimStart()
    .toLowerCase()
  if (head.startsWith('%pdf-')) return 'pdf'
  if (isImage(bytes)) return 'image'
  // Word files are often named for the other Word format: the bytes tell (an OLE compound file, a zip archive).
  if (byExtension === 'docx' || byExtension === 'doc') {
    if (isOle(bytes)) return 'doc'
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'docx'
  }
  if (byExtension === 'docx') return 'docx'
  // Note: Word saves web pages as .doc too (`<html xmlns:w="urn:schemas-microsoft-com:office:word">`).
  if (
    head.startsWith('<!doctype html') ||
    head.startsWith('<html') ||
    (byExtension !== 'markdown' && /^<\?xml[^>]*>\s*<html/.test(head))
  )
    return 'html'
  // A .doc that is neither OLE, zip, HTML nor RTF (nor MHT) is text a site served under a Word name.
  if (
    byExtension === 'doc' &&
    !head.startsWith('{\\rtf') &&
    !head.startsWith('mime-version') &&
    !bytes.subarray(0, 512).includes(0)
  )
    return 'text'
  return byExtension
}

/** Whether the bytes open with the signature of a PNG, JPEG or TIFF image. */
export function isImage(bytes: Uint8Array): boolean {
  const [a, b, c, d] = bytes
  return (
    (a === 0x89 && b === 0x50 && c === 0x4e && d === 0x47) ||
    (a === 0xff && b === 0xd8 && c === 0xff) ||
    (a === 0x49 && b === 0x49 && c === 0x2a && d === 0x00) ||
    (a === 0x4d && b === 0x4d && c === 0x00 && d === 0x2a)
  )
}

/** Whether the bytes open with the OLE compound file signature (Word 97–2003, WPS). */
export function isOle(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0xd0 &&
    bytes[1] === 0xcf &&
    bytes[2] === 0x11 &&
    bytes[3] === 0xe0 &&
    bytes[4] === 0xa1 &&
    bytes[5] === 0xb1 &&
    bytes[6] === 0x1a &&
    bytes[7] === 0xe1
  )
}

/** The format of a path, or undefined when no parser reads it. */
export function formatOf(filePath: string): ParsedFormat | undefined {
  return formats[path.extname(filePath).toLowerCase()]
}
