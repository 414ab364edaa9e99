/**
 * Deadlines (时限): forward-looking, time-bound commitments — 到/至/截止/
 * 力争/确保/展望…年, 2023—2025年, …年底前, …年前, “十四五”期间/末, 实施期内 — one entry per
 * time expression, with the whole sentence and the numbers it promises.
 *
 * Not deadlines: past statistics (截至2022年底…达…, “十三五”期间…),
 * forecasts (预计到2025年…), start dates (自2022年起), and the guiding
 * statements of 指导思想 / 基本原则.
 */
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {Deadline} from '../schemas/record.js'
import periods from '../pipeline/lexicon/data/plan-periods.json' with {type: 'json'}
import {blocksOf, spanOf, type Block} from '../pipeline/tree/blocks.js'
import {issuedOn, reportedYears, yearNumber, yearSource} from '../pipeline/lexicon/date.js'
import {anchored, anchoredMatchesOf, compact} from '../pipeline/lexicon/text.js'

declare module 'vfile' {
  interface DataMap {
    deadlines: Deadline[]
  }
}

/** A time expression; `marker` tells how it binds, `year`/`month`, or `plan` for a plan period. */
export const timeExpression = anchored(
  new RegExp(
    '(?<marker>力争|确保|争取|到|至|截止|截至|于|展望)?\\s*(?:(?<from>' +
      yearSource +
      ')\\s*年?\\s*(?:-|—|–|－|~|～|至|到)\\s*)?(?<year>' +
      yearSource +
      ')\\s*年\\s*(?:(?<month>\\d{1,2})\\s*月(?:\\s*\\d{1,2}\\s*日)?|第?(?<quarter>[一二三四1-4])\\s*季度|(?<half>[上下])半年)?\\s*(?:年?(?<end>底|末))?\\s*(?:(?<before>前|之前|以前)|(?<due>完成))?' +
      '|(?:[“"‘](?<plan>十[一二三四五六]?五)[”"’]|(?<![第〇零一二三四五六七八九十百])(?<barePlan>十[一二三四五六]五)(?=期间|末))\\s*(?<planPart>期间|末|内)|(?<term>实施期内|规划期内|规划期末|实施期末)|(?<![\\d〇○零一二三四五六七八九十])(?<thisYear>年内|年底前|年末前)' +
      // A month of the year the document is dated, before which the work is done (6月底前, 十月前).
      '|(?<![\\d年月〇○零一二三四五六七八九十])(?<monthOnly>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\\s*月\\s*(?:底|末|份)?\\s*(?:前|之前|以前)',
    'g'
  ),
  // Every match holds one of these within two characters of its start (a marker such as 截至 or 实施);
  // a span (2023—2025年) holds its first year.
  new RegExp(
    '(?:' +
      yearSource +
      ')\\s*(?:年|[-—–－~～])|[“"‘]十|十[一二三四五六]五(?:期间|末)|期[内末]|年(?:内|底前|末前)|月\\s*(?:底|末|份)?\\s*(?:前|之前|以前)',
    'g'
  ),
  2,
  // Before the anchor, a match opens with a marker (力争 确保 争取 到 至 截止 截至 于 展望) or 实施/规划,
  // or is a month's number before its 月 (6月底前, 十二月前).
  '力确争到至截于展实规0123456789一二三四五六七八九十'
)

/** An assessment of whether the targets will be met (到2025年难以完成预期目标, 可全面完成规划目标): an evaluation's forecast, no commitment. */
const assessmentExpression =
  /^[^，。；]{0,8}?(?:难以|无法|不能|可以|可|能够|有望)\s*(?:全面|如期|按期|顺利)?\s*(?:完成|实现|达到|达成)[^，。；]{0,6}目标/

/** A sentence that is a bracketed note (（责任单位：…；完成时限：…）). */
const noteOpeningExpression = /^\s*[（(]/

/** Whether a character code ends a sentence: 。！？!? */
function isSentenceEnd(code: number): boolean {
  return code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0x21 || code === 0x3f
}

/** Sections whose sentences guide rather than commit. */
const guidingSectionExpression = /指导思想|基本原则|工作原则|总体思路|编制依据|规划背景/
/** A year that the document reports as past (截至2022年底, 2023年一季度). */
const lexicon: Record<string, number[]> = periods.periods
const hanExpression = /\p{Script=Han}/u

/** Extract deadlines. */
const extractDeadlines: Plugin<[], Root> = function () {
  return function (tree, file) {
    const blocks = blocksOf(tree)
    const reference = referenceYear(file, blocks)
    const guiding = new Set(guidingSections(file.data.outline ?? []))
    const periodEnd = file.data.period?.end ?? null
    const deadlines: Deadline[] = []
    for (const block of blocks) {
      if (block.node.type === 'table') deadlines.push(...tableDeadlines(block, reference, periodEnd))
      if (block.node.type !== 'paragraph' || guiding.has(block.node.data?.section ?? '')) continue
      // Note: a time expression never spans the end of a sentence, so they are
      // found in the whole block at once, then taken sentence by sentence.
      const matches = anchoredMatchesOf(timeExpression, block.text)
      if (matches.length === 0) {
        const dated = titleDated(block, blocks[block.index - 1], reference, periodEnd)
        if (dated) deadlines.push(dated)
        continue
      }
      // The block's last deadline: the task a bracketed note after it may date.
      let task: Deadline | undefined
      for (let index = 0; index < matches.length;) {
        const [start, end] = sentenceAt(block.text, matches[index]!.index)
        const inside: RegExpExecArray[] = []
        while (index < matches.length && matches[index]!.index < end) inside.push(matches[index++]!)
        for (const part of partsOf(block.text, start, end, inside)) {
          const text = block.text.slice(part.start, part.end)
          for (const deadline of inSentence(block, part.start, text, part.matches, reference, periodEnd)) {
            // A bracketed note after a task (（责任单位：…；完成时限：2024年12月）) dates that task: no deadline of its own.
            if (task && task.year === deadline.year && noteOpeningExpression.test(text)) {
              task.month ??= deadline.month
              continue
            }
            deadlines.push(deadline)
            task = deadline
          }
        }
      }
    }
    for (const [index, deadline] of deadlines.entries()) deadline.id = 'd' + (index + 1)
    linkTargets(deadlines, file.data.targets ?? [])
    file.data.deadlines = deadlines
  }
}

/**
 * Each deadline lists the targets its sentence sets: those stated (or restated,
 * as a mention) inside its span. Targets are sorted by where they are stated,
 * so each deadline finds its own by binary search.
 */
function linkTargets(deadlines: Deadline[], targets: NonNullable<VFile['data']['targets']>): void {
  if (targets.length === 0 || deadlines.length === 0) return
  const places = targets
    .flatMap((target) =>
      [target.position, ...target.mentions.map((mention) => mention.position)].map((position) => ({
        id: target.id,
        start: position.start.offset,
        end: position.end.offset
      }))
    )
    .sort((a, b) => a.start - b.start)
  for (const deadline of deadlines) {
    const from = deadline.position.start.offset
    const to = deadline.position.end.offset
    let low = 0
    let high = places.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (places[middle]!.start < from) low = middle + 1
      else high = middle
    }
    const ids = new Set<string>()
    for (let at = low; at < places.length && places[at]!.start < to; at++)
      if (places[at]!.end <= to) ids.add(places[at]!.id)
    deadline.targets = [...ids].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
  }
}

/**
 * The run-in body of a heading whose title dates it (（一）第一阶段（2022年）：建成…3个): the
 * body names no time of its own, the title's is its deadline — its first sentence the text.
 */
function titleDated(
  block: Block,
  heading: Block | undefined,
  reference: number | undefined,
  periodEnd: number | null
): Deadline | undefined {
  if (heading?.node.type !== 'heading' || heading.node.position?.start.line !== block.node.position?.start.line)
    return undefined
  const match = anchoredMatchesOf(timeExpression, heading.text)[0]
  const resolved = match
    ? resolve(match.groups ?? {}, heading.text.slice(0, match.index), reference, periodEnd, true)
    : undefined
  if (!resolved) return undefined
  const [start, end] = sentenceAt(block.text, 0)
  const text = block.text.slice(start, end).trim()
  const from = start + block.text.slice(start, end).indexOf(text)
  return text.length > 0 ? deadlineOf(block, resolved, text, spanOf(block, from, from + text.length)) : undefined
}

/**
 * The year the document speaks from: its date, else the latest of the years
 * it reports as past and the first year of its plan period (a 十四五 plan
 * speaks from 2021 at the earliest, so its 十三五 is past). A progress table
 * that reports a year's results (2022年完成值) speaks from after that year.
 */
function referenceYear(file: VFile, blocks: Block[]): number | undefined {
  const issued = issuedOn(file.data)
  if (issued) return issued.year
  const years = blocks.flatMap((block) => reportedYears(block.text).map((reported) => reported.year))
  const start = file.data.period?.start
  if (typeof start === 'number') years.push(start)
  for (const target of file.data.targets ?? []) for (const actual of target.actuals) years.push(actual.year + 1)
  return years.length > 0 ? Math.max(...years) : undefined
}

function guidingSections(outline: NonNullable<VFile['data']['outline']>): string[] {
  return outline.flatMap((section) => [
    ...(guidingSectionExpression.test(section.title) ? [section.id] : []),
    ...guidingSections(section.children)
  ])
}

/** The sentence around `index`: from after the previous sentence end to its own end (included). */
function sentenceAt(text: string, index: number): [number, number] {
  let start = index
  while (start > 0 && !isSentenceEnd(text.charCodeAt(start - 1))) start--
  let end = index
  while (end < text.length && !isSentenceEnd(text.charCodeAt(end))) end++
  return [start, Math.min(text.length, end + 1)]
}

/** The column of a task table (任务分工表) that says when each task is due: 完成时限, 时间节点, 完成时间. */
const dueColumnExpression = /^(?:(?:完成|截止|办结)?(?:时限|时间|期限)|时间节点|时间安排|进度安排)$/

/** How far down a task table its header may stand (a title row, a header broken over two lines). */
const maximumHeaderRows = 3

/** The deadlines of a task table: one per time expression in the due column of a row (2023年底前). */
function tableDeadlines(block: Block, reference: number | undefined, periodEnd: number | null): Deadline[] {
  const found: Deadline[] = []
  let due = -1
  let offset = 0
  for (const [index, row] of block.text.split('\n').entries()) {
    const rowStart = offset
    offset += row.length + 1
    const cells = row.split('\t')
    if (due === -1) {
      // Note: the header is among the first rows; a table without a due column is left at once.
      if (index >= maximumHeaderRows) break
      due = cells.findIndex((cell) => dueColumnExpression.test(compact(cell)))
      continue
    }
    const cell = cells[due]
    if (!cell) continue
    const tasks = cells
      .filter((_, index) => index !== due)
      .map((text) => text.trim())
      .filter(Boolean)
    const years = new Set<number>()
    for (const match of anchoredMatchesOf(timeExpression, cell)) {
      // Note: a date in a due column is a deadline however it is worded (2024年6月 means by then).
      const resolved = resolve(match.groups ?? {}, cell.slice(0, match.index), reference, periodEnd, true)
      if (!resolved || years.has(resolved.year)) continue
      years.add(resolved.year)
      found.push(
        deadlineOf(block, resolved, [...tasks, cell.trim()].join(' '), spanOf(block, rowStart, rowStart + row.length))
      )
    }
  }
  return found
}

/** A deadline of `block`: `text` is what it says; the targets its sentence sets are linked once all are found. */
function deadlineOf(block: Block, resolved: Resolved, text: string, position: Deadline['position']): Deadline {
  return {
    id: '',
    section: block.node.data?.section ?? null,
    column: block.node.data?.column ?? null,
    year: resolved.year,
    month: resolved.month,
    kind: resolved.kind,
    text,
    targets: [],
    position
  }
}

/**
 * A sentence cut at each ； after which a part opens with a time expression of
 * its own (到2023年…；到2025年…): each deadline keeps the commitments of its year.
 */
function partsOf(
  text: string,
  start: number,
  end: number,
  matches: RegExpExecArray[]
): Array<{start: number; end: number; matches: RegExpExecArray[]}> {
  const parts = [{start, end, matches: [] as RegExpExecArray[]}]
  for (const match of matches) {
    const part = parts.at(-1)!
    const cut = text.lastIndexOf('；', match.index)
    if (part.matches.length > 0 && cut >= part.start && cut > part.matches.at(-1)!.index) {
      part.end = cut
      parts.push({start: cut + 1, end, matches: [match]})
    } else part.matches.push(match)
  }
  return parts
}

/** The deadlines of one sentence (at `offset` in the block), from the time expressions found in it. */
function inSentence(
  block: Block,
  offset: number,
  sentence: string,
  matches: RegExpExecArray[],
  reference: number | undefined,
  periodEnd: number | null
): Deadline[] {
  const found: Deadline[] = []
  const years = new Set<number>()
  for (const match of matches) {
    const groups = match.groups ?? {}
    const at = match.index - offset
    const before = sentence.slice(0, at)
    const after = sentence.slice(at + match[0].length)
    // Note: a forecast (预计…), a start (自…起), an assessment and a term of validity (有效期至…) promise nothing.
    if (
      /预计\s*$|预计[^，。；]{0,6}$|有效期(?:为|至|到)?\s*$/.test(before) ||
      /^\s*(?:起|开始|以来)/.test(after) ||
      assessmentExpression.test(after)
    )
      continue
    // A line that is only a date (a cover's `2023年9月`) promises nothing.
    if (sentence.length - match[0].length < 8 && !hanExpression.test(before) && !hanExpression.test(after)) continue
    const resolved = resolve(groups, before, reference, periodEnd)
    if (!resolved || years.has(resolved.year)) continue
    years.add(resolved.year)
    const text = sentence.trim()
    const start = offset + sentence.indexOf(text)
    found.push(deadlineOf(block, resolved, text, spanOf(block, start, start + text.length)))
  }
  return found
}

/** A month printed in Arabic or Chinese digits (6, 06, 十二). */
function monthNumber(printed: string): number {
  if (/^\d/.test(printed)) return Number(printed)
  const digit = (character: string | undefined) => '一二三四五六七八九'.indexOf(character ?? '') + 1
  return printed.startsWith('十') ? 10 + digit(printed[1]) : digit(printed)
}

interface Resolved {
  year: number
  month: number | null
  kind: Deadline['kind']
}

/** What may come before a time that opens a clause: a clause's end, and the number of an item (（七）2023年上半年，…). */
const clauseOpeningSource =
  '\\s*(?:[（(](?:[一二三四五六七八九十]{1,3}|\\d{1,2})[）)]|[一二三四五六七八九十]{1,3}、|\\d{1,2}\\s*[.．、])?\\s*$'
const clauseOpeningExpression = new RegExp('(?:^|[，,；;：:])' + clauseOpeningSource)
const clauseOpeningTailExpression = new RegExp('[，,；;：:]' + clauseOpeningSource)

function resolve(
  groups: Record<string, string | undefined>,
  before: string,
  reference: number | undefined,
  periodEnd: number | null,
  isDue = false
): Resolved | undefined {
  const plan = groups.plan ?? groups.barePlan
  if (plan) {
    const end = lexicon[plan]?.[1]
    if (end === undefined || (reference !== undefined && end < reference)) return undefined
    return {year: end, month: null, kind: groups.planPart === '末' ? 'by' : 'during'}
  }
  if (groups.term)
    return periodEnd === null
      ? undefined
      : {year: periodEnd, month: null, kind: groups.term.endsWith('末') ? 'by' : 'during'}
  // 年内 / 年底前 without a year: the year the document is dated.
  if (groups.thisYear) return reference === undefined ? undefined : {year: reference, month: 12, kind: 'by'}
  if (groups.monthOnly)
    return reference === undefined ? undefined : {year: reference, month: monthNumber(groups.monthOnly), kind: 'by'}
  const year = yearNumber(groups.year ?? '')
  const quarter = groups.quarter ? '一二三四'.indexOf(groups.quarter) + 1 || Number(groups.quarter) : undefined
  // Note: the end of a year (2023年底前, 2025年末) is its December, as 年内 is.
  const month = groups.month
    ? Number(groups.month)
    : quarter
      ? quarter * 3
      : groups.half
        ? groups.half === '上'
          ? 6
          : 12
        : groups.end
          ? 12
          : null
  // Note: a year the work is done in (2024年完成, （2023年底完成）) binds as 前 does.
  const isBound =
    isDue || Boolean(groups.marker && groups.marker !== '于') || Boolean(groups.before) || groups.due !== undefined
  // A bare year opening a clause (`2025年，为南京申请…`) is a deadline only when it lies ahead.
  // Note: only the end of what comes before matters; a long sentence is not scanned whole.
  const opensClause =
    before.length > 16 ? clauseOpeningTailExpression.test(before.slice(-16)) : clauseOpeningExpression.test(before)
  // A span of years opening a clause (2023—2025年，每年…) commits to the whole span; one in a
  // name (纲要（2021—2035年）) does not.
  if (groups.from) {
    if (!opensClause && !isBound) return undefined
    if (reference !== undefined && year < reference) return undefined
    return {year, month: null, kind: 'during'}
  }
  if (!isBound && !opensClause) return undefined
  if (reference !== undefined) {
    const isPastMarker = groups.marker === '截至' || groups.marker === '截止' || !isBound
    if (year < reference || (isPastMarker && year <= reference)) return undefined
  } else if (!isBound) return undefined
  if (month !== null && (month < 1 || month > 12)) return undefined
  return {year, month, kind: 'by'}
}

export default extractDeadlines
