/**
 * Chinese numerals to numbers, in front of nzh.
 *
 * nzh reads positional numerals (一万二千三百, 十二点五) but not digit-by-digit
 * years (二〇三五), 两, or 百分之 percentages; those are handled here first.
 */
import Nzh from 'nzh'

// Note: 〇 is often typed as ○ (U+25CB, a circle) in Word documents: `二○二二年`.
const digits: Record<string, number> = {
  〇: 0,
  '○': 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9
}

/**
 * Read a Chinese or Arabic numeral; undefined when it is neither.
 *
 * Strings of digit characters only (二〇二五) are read digit by digit, as years are printed.
 */
export function parseChineseNumber(text: string): number | undefined {
  const value = text.trim()
  if (/^\d+(?:\.\d+)?$/.test(value)) return Number(value)
  if (!/^[〇○零一二两三四五六七八九十百千万亿点]+$/.test(value)) return undefined
  if (/^[〇○零一二三四五六七八九]{2,}$/.test(value)) {
    return Number([...value].map((character) => digits[character]).join(''))
  }
  const decoded = Number(Nzh.cn.decodeS(value.replace(/两/g, '二')))
  return Number.isFinite(decoded) && decoded > 0 ? decoded : value === '零' || value === '〇' ? 0 : undefined
}
