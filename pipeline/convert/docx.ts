/**
 * .docx → HTML (mammoth) → the plain text the 公文 parser reads.
 *
 * The archive is checked before mammoth opens it: too many entries or too many
 * bytes once decompressed (a zip bomb) fail with a clear reason.
 */
import JSZip from 'jszip'
import mammoth from 'mammoth'
import {ConversionError} from './errors.js'
import {htmlToText} from './html.js'

/** Limits against hostile archives. */
export interface DocxLimits {
  /** Most entries in the archive (default 5 000). */
  maxEntries: number
  /** Most bytes once decompressed (default 200 MB). */
  maxUncompressedBytes: number
}

interface ZipEntryData {
  _data?: {uncompressedSize?: number}
}

/** Convert a .docx to 公文 plain text and the HTML it went through. */
export async function docxToText(bytes: Uint8Array, limits: DocxLimits = {maxEntries: 5000, maxUncompressedBytes: 200 * 1024 * 1024}): Promise<{text: string; html: string}> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch {
    throw new ConversionError('not a valid .docx (the zip archive cannot be read)')
  }
  const entries = Object.values(zip.files)
  if (entries.length > limits.maxEntries) throw new ConversionError('.docx has ' + entries.length + ' entries, above the limit of ' + limits.maxEntries)
  const uncompressed = entries.reduce((sum, entry) => sum + ((entry as unknown as ZipEntryData)._data?.uncompressedSize ?? 0), 0)
  if (uncompressed > limits.maxUncompressedBytes) throw new ConversionError('.docx decompresses to ' + uncompressed + ' bytes, above the limit of ' + limits.maxUncompressedBytes)
  if (!zip.file('word/document.xml')) throw new ConversionError('not a Word document (.docx without word/document.xml)')
  let html: string
  try {
    html = (await mammoth.convertToHtml({buffer: Buffer.from(bytes)})).value
  } catch (error) {
    throw new ConversionError('cannot convert .docx (' + (error instanceof Error ? error.message.split('\n')[0] : String(error)) + ')')
  }
  return {text: htmlToText(html), html}
}
