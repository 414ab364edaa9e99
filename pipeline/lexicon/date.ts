/**
 * Dates as printed in 公文: `2022年12月30日`, `2022 年1月30日`,
 * `二〇二二年十二月三十日` (GB/T 9704-2012 §7.3.5.1 prints Arabic numerals,
 * older documents Chinese ones).
 */
import type {DateValue} from '../../schemas/record.js'
import {parseChineseNumber} from './zh-number.js'

const part = '(\\d{1,4}|[〇○零一二三四五六七八九十]{1,4})'
/** A whole date; groups: year, month, day. */
export const dateExpression = new RegExp(part + '\\s*年\\s*' + part + '\\s*月\\s*' + part + '\\s*日')

/** A year of this century or the last in Arabic digits, of this century in Chinese ones (`2025`, `二〇二五`, `二○三五`). */
export const yearSource = '(?:19|20)\\d{2}|二[〇○零][〇○零一二三四五六七八九]{2}'

/** The year a goal is to be reached by, opening a statement: `到2025年`, `力争至2025年底`, `截至二〇二五年`. */
export const reachBySource =
  '(?:力争|确保|争取|预计)?\\s*(?:到|至|截止|截至)\\s*(?:' + yearSource + ')\\s*年(?:年?(?:底|末))?'

/** The number of a year matched by `yearSource`. */
export function yearNumber(text: string): number {
  // Note: Arabic years, by far the most, skip the numeral reader.
  const code = text.charCodeAt(0)
  return code >= 0x30 && code <= 0x39 ? Number(text) : (parseChineseNumber(text) ?? 0)
}

/** ISO date (YYYY-MM-DD) of a printed date, or undefined when not a real date. */
export function toIsoDate(year: string, month: string, day: string): string | undefined {
  const y = parseChineseNumber(year)
  const m = parseChineseNumber(month)
  const d = parseChineseNumber(day)
  if (y === undefined || m === undefined || d === undefined || y < 1949 || y > 2100) return undefined
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined
  return String(y).padStart(4, '0') + '-' + String(m).padStart(2, '0') + '-' + String(d).padStart(2, '0')
}

/** The year and month a document is dated (成文日期, else 印发日期), if it is. */
export function issuedOn(dates: {
  date?: DateValue | null
  printDate?: DateValue | null
}): {year: number; month: number} | undefined {
  const dated = dates.date?.value ?? dates.printDate?.value
  return dated ? {year: Number(dated.slice(0, 4)), month: Number(dated.slice(5, 7))} : undefined
}

/** A year the text reports on as past or running: 截至2022年底 (or 年末, 6月), 2023年一季度/上半年/前三季度, 2022年以来. */
const reportedYearExpression =
  /(?:截至|截止)\s*(?<until>(?:19|20)\d{2})\s*年\s*(?:年?(?<yearEnd>底|末)|\d{1,2}\s*月)|(?<part>(?:19|20)\d{2})\s*年\s*(?:[一二三四]季度|上半年|前三季度)|(?<since>(?:19|20)\d{2})\s*年以来/g

/** The years `text` reports statistics for, each with whether the whole year is over (截至2022年底). */
export function reportedYears(text: string): Array<{year: number; isOver: boolean}> {
  if (!text.includes('年')) return []
  return [...text.matchAll(reportedYearExpression)].map((match) => ({
    year: Number(match.groups?.until ?? match.groups?.part ?? match.groups?.since),
    isOver: match.groups?.yearEnd !== undefined
  }))
}

/** A span of years to do something in: 三年内, 3年内, 1-2年内 (a time, not a value). */
export const withinYearsSource = '(?:[一二两三四五]|\\d{1,2}(?:\\s*[-—～~]\\s*\\d{1,2})?)\\s*年内'
