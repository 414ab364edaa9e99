/**
 * Full-width digits (`２０２５年`, `１２．５％`) as ASCII digits, one character for
 * one, so every offset, line and column of the text stays that of the source.
 *
 * GB/T 9704-2012 prints Arabic numerals half-width, and every expression of
 * the extractors reads them so; a document typed with full-width digits would
 * otherwise yield no year, value or document number at all. The decimal point
 * between two digits (`１２．５`) becomes `.` too.
 */
import {toHalfWidth} from '../../extractors/util/text.js'

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
