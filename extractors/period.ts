/**
 * Plan period: `十四五` or `第十四个五年规划` → 2021–2025, `(2021—2035年)` → 2021–2035.
 *
 * Read from the titles first (the enclosed plan's, then the document's own),
 * then from the opening of the body; an annual plan's title names its year
 * (某市2023年知识产权工作要点 → 2023–2023). Five-year plan names come from a
 * lexicon, never from arithmetic on the numeral.
 */
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import periods from '../pipeline/lexicon/data/plan-periods.json' with {type: 'json'}
import type {Period} from '../schemas/record.js'
import {blocksOf} from '../pipeline/tree/blocks.js'
import {matchesOf} from '../pipeline/lexicon/text.js'

declare module 'vfile' {
  interface DataMap {
    period: Period | null
  }
}

const rangeExpression = /((?:19|20)\d{2})\s*(?:年\s*)?[-—–－~～至到]+\s*((?:19|20)\d{2})\s*年?/
/** A range the body gives as the document's own period: 规划期为2021—2025年, 本方案实施期限（2023—2025年）. */
const framedRangeExpression = new RegExp(
  '(?:规划期|实施期|期限|时限|规划范围|本规划|本方案|本计划|本纲要)[^。；，,]{0,12}?' + rangeExpression.source
)
/** A range in the title of a document the body cites (《知识产权强国建设纲要（2021—2035年）》). */
const citedRangeExpression = new RegExp('《[^《》]*?' + rangeExpression.source + '[^《》]*》')
/** A plan name in quotes, or unquoted where it cannot be a heading number (`十四五时期`). */
const planNameExpression = /[“"‘]\s*(十[一二三四五六]?五)\s*[”"’]|(十[一二三四五六]五)(?=时期|期间|规划|末|以来)/
/** The formal name: `第十四个五年规划` is the 十四五 plan (as in every 规划纲要's title). */
const formalPlanNameExpression = /第\s*(十[一二三四五六]?)\s*个\s*五\s*年\s*(?:规划|计划)/
const lexicon: Record<string, number[]> = periods.periods
/** A year a title names as its own (2023年, 2023年度), not a revision's (2021年修订), an edition's or a goal's (到2025年). */
const titleYearExpression = /(?<![到至止]\s*)((?:19|20)\d{2})\s*年度?(?!修订|修正|版|第)/g

/** Extract the plan period. */
const extractPeriod: Plugin<[], Root> = function () {
  return function (tree, file) {
    const opening = blocksOf(tree)
      .slice(0, 6)
      .filter((block) => block.node.type !== 'table')
      .map((block) => block.text)
    const titles = [file.data.enclosed?.title, file.data.title?.text]
    file.data.period = null
    for (const [index, source] of [...titles, ...opening].entries()) {
      if (!source) continue
      const period = periodIn(source, index >= titles.length)
      if (period) {
        file.data.period = period
        return
      }
    }
    // An annual plan (某市2023年知识产权工作要点) is its year's.
    for (const title of titles) {
      const years = title ? matchesOf(titleYearExpression, title) : []
      if (years.length === 1) {
        const year = Number(years[0]![1])
        file.data.period = {start: year, end: year, label: null}
        return
      }
    }
  }
}

/** The period a text names, if any. */
export function periodIn(text: string, isBody = false): Period | undefined {
  const name = planNameExpression.exec(text)
  const formal = name ? null : formalPlanNameExpression.exec(text)
  const label = name ? (name[1] ?? name[2] ?? null) : formal?.[1] ? formal[1] + '五' : null
  // Note: in the body, a range is the document's period where it says so (规划期为2021—2025年) or, failing
  // that, the cited plan's it implements (为贯彻《…纲要（2021—2035年）》) — not a stage's (第二阶段（2023—2024年）).
  const range = isBody
    ? (framedRangeExpression.exec(text) ?? citedRangeExpression.exec(text))
    : rangeExpression.exec(text)
  if (range?.[1] && range[2] && Number(range[2]) > Number(range[1])) {
    return {start: Number(range[1]), end: Number(range[2]), label}
  }
  const years = label ? lexicon[label] : undefined
  return years?.[0] && years[1] && label ? {start: years[0], end: years[1], label} : undefined
}

export default extractPeriod
