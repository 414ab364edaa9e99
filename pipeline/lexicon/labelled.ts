/**
 * Labelled metadata lines of database exports (北大法宝, government sites):
 * `发文字号：国办发〔2021〕20号` or `【发布部门】 国务院办公厅 【发文字号】 …`,
 * several 【…】 fields possibly on one line.
 */
import {matchesOf} from './text.js'

/** One labelled field, with the offset of its value in the line. */
export interface LabelledField {
  label: string
  value: string
  start: number
}

const bracketFieldExpression = /【\s*([\p{Script=Han}]{2,8})\s*】\s*([^【\t\n]*)/gu
/**
 * `标 题：…`, `发文字号：…`: a label (spaces between its characters allowed, as
 * gov.cn prints 索 引 号 and 文　　号 to align them) then a value on the same
 * line (or in the next cell), up to a tab, a line break or a wide gap; an
 * empty value stays empty.
 */
const colonFieldExpression =
  /(?:^|[\t\n]|[ \u3000]{2,})((?:\p{Script=Han}[ \u3000]{0,4}){2,8}?)[ \u3000]*[:：][ \u3000\t]*([^\t\n]*?)(?=[ \u3000]{2,}|[\t\n]|$)/gu

/** Labels whose value is metadata of the document itself. */
export const metadataLabels =
  /^(?:发文机关|发布部门|制定机关|发布机关|发布机构|发文字号|文号|成文日期|发布日期|公布日期|施行日期|实施日期|时效性|效力位阶|效力级别|法规类别|主题分类|索引号|来源|标题|主题词)$/

/** The labelled fields of a line or a table block ([] when it holds none we know). */
export function labelledFields(text: string): LabelledField[] {
  const fields: LabelledField[] = []
  for (const match of matchesOf(bracketFieldExpression, text)) {
    const value = (match[2] ?? '').trim()
    if (!match[1] || !metadataLabels.test(match[1])) continue
    fields.push({label: match[1], value, start: match.index + match[0].indexOf(value, match[0].indexOf('】'))})
  }
  if (fields.length > 0) return fields
  for (const match of matchesOf(colonFieldExpression, text)) {
    const label = (match[1] ?? '').replace(/[ \u3000]/g, '')
    const value = (match[2] ?? '').trim()
    if (!metadataLabels.test(label) || value.length === 0) continue
    fields.push({label, value, start: match.index + match[0].lastIndexOf(value)})
  }
  return fields
}

/** `2021.10.09`, `2021-10-9`, `2021/10/09` → ISO, else undefined. */
export function numericDate(text: string): {iso: string; text: string; index: number} | undefined {
  const match = /((?:19|20)\d{2})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})/.exec(text)
  if (!match?.[1] || !match[2] || !match[3]) return undefined
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  return {
    iso: match[1] + '-' + String(month).padStart(2, '0') + '-' + String(day).padStart(2, '0'),
    text: match[0],
    index: match.index
  }
}
