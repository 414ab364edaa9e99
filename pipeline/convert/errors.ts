/**
 * Why a converted format (docx, html, pdf) yields no text: one line for the report.
 */
export class ConversionError extends Error {
  override name = 'ConversionError'
}
