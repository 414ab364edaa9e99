/**
 * Full-width digits (`２０２５年`, `１２．５％`) as ASCII digits, one character for
 * one, so every offset, line and column of the text stays that of the source.
 *
 * GB/T 9704-2012 prints Arabic numerals half-width, and every expression of
 * the extractors reads them so; a document typed with full-width digits would
 * otherwise yield no year, value or document number at all. The decimal point
 * between two digits (`１２．５`) becomes `.` too.
 */
import {toHalfWidth} from '../lexicon/text.js'

const fullWidthDigitExpression = /[０-９]/
const fullWidthNumberExpression = /[０-９]+(?:．[０-９]+)*/g

/** `text` with full-width digits made ASCII, and how many characters changed. */
export function halfWidthDigits(text: string): {text: string; changed: number} {
  if (!fullWidthDigitExpression.test(text)) return {text, changed: 0}
  let changed = 0
  const result = text.replace(fullWidthNumberExpression, function (number) {
    changed += number.length
    return toHalfWidth(number)
  })
  return {text: result, changed}
}

/** The fields of a record that quote the source: they print its digits as the source does. */
const quotingFields = ['text', 'name', 'title', 'quote', 'indicator'] as const
/** How far past the last aligned character the next one is looked for (a heading's marker, a joined line's break). */
const alignmentReach = 40

/**
 * Put back the full-width digits of `original` (the text before
 * `halfWidthDigits`) into every quoting field of `record`: a title, a 文号,
 * a quote or a deadline's text reads as printed (`到２０２５年`), while
 * values stay numbers. Each field is aligned with the source at its
 * position, character by character; only digits and decimal points change.
 */
export function restorePrintedDigits(record: unknown, original: string, normalized: string): void {
  if (Array.isArray(record)) {
    for (const item of record) restorePrintedDigits(item, original, normalized)
    return
  }
  if (typeof record !== 'object' || record === null) return
  const object = record as Record<string, unknown>
  const position = object.position as {start?: {offset?: number}; end?: {offset?: number}} | null | undefined
  const start = position?.start?.offset
  const end = position?.end?.offset
  if (start !== undefined && end !== undefined && fullWidthDigitExpression.test(original.slice(start, end))) {
    for (const key of quotingFields) {
      const value = object[key]
      if (typeof value === 'string' && /[0-9]/.test(value))
        object[key] = printed(value, original.slice(start, end), normalized.slice(start, end))
    }
  }
  for (const [key, value] of Object.entries(object))
    if (key !== 'position' && key !== 'source' && typeof value === 'object')
      restorePrintedDigits(value, original, normalized)
}

/** `field` (drawn from `normalized`, characters left out or added) with the digits `original` prints at the same places. */
function printed(field: string, original: string, normalized: string): string {
  let result = ''
  let at = 0
  for (const character of field) {
    const found = normalized.indexOf(character, at)
    if (found === -1 || found - at > alignmentReach) {
      result += character
      continue
    }
    result += /[0-9.]/.test(character) ? original[found] : character
    at = found + 1
  }
  return result
}
