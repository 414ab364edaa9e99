/**
 * .docx → HTML (mammoth) → the plain text the 公文 parser reads.
 *
 * The archive is checked before mammoth opens it (`zip.ts`): too many entries
 * or too many bytes once decompressed (a zip bomb) fail with a clear reason.
 */
import mammoth from 'mammoth'
import {ConversionError} from './errors.js'
import {htmlToText} from './html.js'
import {defaultZipLimits, openZip, type ZipLimits} from './zip.js'

/** Limits against hostile archives (see `zip.ts`). */
export type DocxLimits = ZipLimits

/** Convert a .docx to 公文 plain text and the HTML it went through. */
export async function docxToText(
  bytes: Uint8Array,
  limits: DocxLimits = defaultZipLimits
): Promise<{text: string; html: string}> {
  const zip = await openZip(bytes, '.docx', limits)
  if (!zip.file('word/document.xml')) throw new ConversionError('not a Word document (.docx without word/document.xml)')
  let html: string
  try {
    // Note: images are not read (the text does not need them, and each would be inflated and held as base64).
    html = (
      await mammoth.convertToHtml(
        {buffer: Buffer.from(bytes)},
        {convertImage: mammoth.images.imgElement(async () => ({src: ''}))}
      )
    ).value
  } catch (error) {
    throw new ConversionError(
      'cannot convert .docx (' + (error instanceof Error ? error.message.split('\n')[0] : String(error)) + ')'
    )
  }
  return {text: htmlToText(html), html}
}
