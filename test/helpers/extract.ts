/**
 * Test helpers: extract a record from inline text.
 */
import type {PolicyRecord} from '../../schemas/record.js'
import {extractDocument} from '../../pipeline/document.js'

/** Extract the record of `text` as a plain-text (or Markdown) document. */
export async function extractText(text: string, format: 'text' | 'markdown' = 'text'): Promise<PolicyRecord> {
  const {record} = await extractDocument(
    new TextEncoder().encode(text),
    format === 'text' ? 'input.txt' : 'input.md',
    format
  )
  return record
}

/** The source text a position points at. */
export function sliceAt(text: string, position: {start: {offset: number}; end: {offset: number}}): string {
  return text.slice(position.start.offset, position.end.offset)
}
