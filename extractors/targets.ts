/**
 * Targets (主要指标): rows of indicator tables, quantified goals in the goals
 * part of the document (发展目标 / 总体目标 / 主要目标), and quantified goals
 * inside 专栏. The same goal stated again is one target with `mentions`.
 *
 * Numbers in the task sections are deadlines, not targets; past statistics
 * are neither.
 */
import {noteOrDefinitionExpression} from '../pipeline/lexicon/notes.js'
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {targetFields} from '../schemas/fields.js'
import type {Period, Target, TargetOrigin, Value} from '../schemas/record.js'
import {blocksOf, spanOf, type Block} from '../pipeline/tree/blocks.js'
import {goalsIn, type Goal} from './util/goal-clause.js'
import {readIndicatorTable} from './util/indicator-table.js'
import {
  hasConflictingPopulation,
  indicatorKey,
  indicatorSimilarity,
  isContained
} from '../pipeline/lexicon/indicator-key.js'
import {messageAt} from '../pipeline/tree/message-at.js'
import {issuedOn, reachBySource, reportedYears, yearNumber, yearSource} from '../pipeline/lexicon/date.js'
import {isDigit, matchesOf} from '../pipeline/lexicon/text.js'
import {titleKind} from '../pipeline/lexicon/kinds.js'
import {
  clauseSpan,
  fullSentenceSpan,
  hasReach,
  latestYear,
  notGoalRule,
  notGoalRules,
  reachYear,
  passageEndExpression,
  reportPassageExpression,
  sentenceSpan,
  unlabelledPassageExpression
} from './util/goal-context.js'

declare module 'vfile' {
  interface DataMap {
    targets: Target[]
  }
}

/** A section whose title names the goals of the document (发展目标, 主要目标和指标, 目标指标, 发展目标与指标体系). */
const goalSectionExpression =
  /(?:目标(?:任务|要求|体系)?|愿景|主要指标|指标体系|目标指标)(?:[与和及、](?:主要|重点|核心|关键)?(?:指标|任务)(?:体系)?)?$/
/** A section of general requirements (总体要求), where a paragraph opening with a year to reach states the goals. */
const requirementSectionExpression = /^(?:总体要求|总体思路|发展思路|总体部署)$/
/** A paragraph that opens with the year its goals are to be reached (到2025年，…). */
const goalOpeningExpression = new RegExp('^(?:[—\\-–]{1,2}\\s*)?' + reachBySource)
/** The year a sentence is due: 到2025年, 截止2025年, 2025年，; not the base year of a comparison (比2020年, 较2020年). */
const yearExpression = new RegExp(
  '(?<![比较与]\\s*)(?:到|至|截止|截至|力争|确保|争取|展望)?\\s*(' + yearSource + ')\\s*年',
  'g'
)

/** A target before merging; `amount` caches its value as an amount in the base unit (see `amountKey`). */
type Candidate = Omit<Target, 'id' | 'key'> & {amount: string | null | undefined}

/** Extract targets. */
const extractTargets: Plugin<[], Root> = function () {
  return function (tree, file) {
    const blocks = blocksOf(tree)
    const periodEnd = file.data.period?.end ?? null
    const goalSections = goalSectionIds(file.data.outline ?? [], false)
    const requirementSections = requirementSectionIds(file.data.outline ?? [])
    const sectionYears = sectionYearsOf(file.data.outline ?? [], undefined)
    const candidates: Candidate[] = []
    let introYear: {section: string | undefined; year: number} | undefined
    // Note: an opening's year (到2025年，…具体目标是：) holds for its section's own subsections ((一)…, (二)…) too,
    // but for one whose title names a year of its own (（一）近期目标（2021—2023年）).
    const yearAt = (section: string | undefined): number | undefined => {
      const named = section !== undefined ? sectionYears.get(section) : undefined
      if (!introYear || !isWithin(section, introYear.section)) return named
      const above = introYear.section !== undefined ? sectionYears.get(introYear.section) : undefined
      return section !== introYear.section && named !== above ? named : introYear.year
    }
    const report = file.data.kind === 'report'
    const planYear = report ? reportYear(file, blocks) : null
    const outline = file.data.outline ?? []
    const pastSections = sectionIdsTitled(outline, pastSectionExpression)
    const guidingSections = sectionIdsTitled(outline, guidingSectionExpression)
    const forwardSections = sectionIdsTitled(outline, forwardSectionExpression)
    // A plan, outline or opinion sets goals throughout; other documents only where a sentence dates them.
    const isForward = isForwardDocument(file)
    const annualYear = titleYear(file)
    const tasks: Array<{block: Block; goals: Goal[]; year: number | undefined; fallback: number | null}> = []
    // A work report's 主要预期目标 passage: from its opening to the sentence after the targets (确定上述目标…).
    const passage = report ? reportPassage(blocks, pastSections) : undefined
    for (const block of blocks) {
      const section = block.node.data?.section
      if (block.node.type === 'table') {
        candidates.push(...tableTargets(block, file.data.period ?? null, file, yearAt(section) ?? null))
        continue
      }
      // Note: a numbered line of a task list may be a heading whose title states the goal (59．新增5G基站1000座).
      if (
        (block.node.type !== 'paragraph' && block.node.type !== 'heading') ||
        noteOrDefinitionExpression.test(block.text.trim())
      )
        continue
      const column = block.node.data?.column
      const inGoals =
        section !== undefined &&
        (goalSections.has(section) ||
          (requirementSections.has(section) && goalOpeningExpression.test(block.text.trim())))
      const span = passage?.get(block.index)
      const inPassage = span !== undefined
      const origin: TargetOrigin = column ? 'column' : inGoals || inPassage ? 'text' : 'task'
      if (origin === 'task' && section !== undefined && (pastSections.has(section) || guidingSections.has(section)))
        continue
      const all = goalsIn(block.text)
      if (origin === 'task') {
        // Note: judged once all tables are read: a progress table's last year tells what is past.
        if (all.length > 0)
          tasks.push({
            block,
            goals: all,
            year: reachYear(block.text),
            fallback: yearAt(section) ?? periodEnd ?? planYear ?? annualYear ?? null
          })
        continue
      }
      const year = inPassage ? planYear : yearOf(block.text)
      const dueBy = year ?? yearAt(section) ?? periodEnd ?? planYear
      const goals = span
        ? all.filter((goal) => goal.start >= span.start && goal.start < span.end)
        : all.filter((goal) => !isStructure(block.text, goal))
      if (year && goals.length === 0) introYear = {section, year}
      const unread = unreadNumbers(block.text, span ? all : goals).filter(
        ([start]) => !span || (start >= span.start && start < span.end)
      )
      if (unread.length > 0) {
        const [start, end] = unread[0]!
        messageAt(
          file,
          'Number in a goal statement not read as a target: `' +
            unread.map(([from, to]) => block.text.slice(from, to)).join('`, `') +
            '`',
          spanOf(block, start, end),
          'unread-goal-number',
          'warning'
        )
      }
      candidates.push(...proseTargets(block, goals, origin, dueBy, inPassage))
    }
    const reported = Math.max(...candidates.flatMap((candidate) => candidate.actuals.map((actual) => actual.year + 1)))
    const aheadFrom =
      planYear ??
      firstYearAhead(file) ??
      (Number.isFinite(reported) ? reported : undefined) ??
      file.data.period?.start ??
      statisticsYear(blocks) ??
      null
    for (const task of tasks) {
      // A section of measures or next steps, or a paragraph that opens with its time, dates the goals it states.
      const opening = task.block.text.slice(0, fullSentenceSpan(task.block.text, 0)[1])
      // Note: the opening's year must still be ahead (从2012到2022年… in a report of 2023 dates nothing).
      const openingYear = reachYear(opening)
      const isOpeningDated =
        hasReach(opening) && (openingYear === undefined || aheadFrom === null || openingYear >= aheadFrom)
      const isDated =
        isForward || (!report && (forwardSections.has(task.block.node.data?.section ?? '') || isOpeningDated))
      const goals = task.goals.filter((goal) => isTaskGoal(task.block.text, goal, isDated, aheadFrom, report))
      // A number no clause rule read, in a sentence that sets a goal: said, so that a miss is seen.
      if (goals.length > 0) {
        const sentences = goals.map((goal) => sentenceSpan(task.block.text, goal.start))
        // Note: a number a rule refuses (a threshold list, a reward) is no miss.
        const text = task.block.text
        const isRefused = (start: number) => {
          const [from, to] = sentenceSpan(text, start)
          const [clauseFrom, clauseTo] = clauseSpan(text, start)
          return notGoalRule(text.slice(from, to), text.slice(clauseFrom, clauseTo), '', aheadFrom) !== undefined
        }
        const unread = unreadNumbers(text, task.goals).filter(
          ([start]) => sentences.some(([from, to]) => start >= from && start < to) && !isRefused(start)
        )
        if (unread.length > 0) {
          const [start, end] = unread[0]!
          messageAt(
            file,
            'Number in a goal statement not read as a target: `' +
              unread.map(([from, to]) => task.block.text.slice(from, to)).join('`, `') +
              '`',
            spanOf(task.block, start, end),
            'unread-goal-number',
            'warning'
          )
        }
      }
      // A year the paragraph names holds for its goals when it is still ahead (not 截至2022年底 in a plan to 2025).
      const year = task.year !== undefined && (aheadFrom === null || task.year >= aheadFrom) ? task.year : task.fallback
      candidates.push(...proseTargets(task.block, goals, 'task', year))
    }
    file.data.targets = merge(candidates).map((candidate, index) =>
      targetOf(candidate, 't' + (index + 1), indicatorKey(candidate.indicator))
    )
  }
}

/**
 * The target `candidate` makes, its fields those of the schema in its order;
 * an optional field only when set, so that records without it stay as they were.
 * Note: made once from the schema's field list as a function of plain stores
 * (a store by a field's name in a loop cost ~8× as much a target).
 */
const targetOf = new Function(
  'candidate',
  'id',
  'key',
  'const target = {}\n' +
    targetFields
      .map(({name, required}) => {
        const value = name === 'id' ? 'id' : name === 'key' ? 'key' : 'candidate.' + name
        return (required ? '' : 'if (' + value + ') ') + 'target.' + name + ' = ' + value
      })
      .join('\n') +
    '\nreturn target'
) as (candidate: Candidate, id: string, key: string) => Target

/**
 * What around a number in prose says it is no value: a year or span of
 * years (2025年, 2021—2025), an item's, a box's or a table's number (1．, （2）,
 * 第3, 专栏3-1, 表1, 附件2), a name (3D打印).
 */
const notValueAfterExpression = /^\s*(?:年|[—–\-~～至到]\s*(?:19|20)\d{2}|[．.、）)](?!\d)|[A-Za-z])/
const notValueBeforeExpression = /(?:第|[（(]|专\s*栏\s*[（(【〔]?|附件|附表|表|图|\d[-－—])\s*$/

/** The spans of the numbers of a goal statement that no goal read (专利实施率为45.5), but for those that are no value. */
function unreadNumbers(text: string, goals: Goal[]): Array<[number, number]> {
  const unread: Array<[number, number]> = []
  // Note: numbers and goals both in text order, walked once together (a line of 50 000 goals stays linear).
  const spans = goals.map((goal) => [goal.start, goal.end] as const).sort((a, b) => a[0] - b[0])
  let next = 0
  let reach = -1
  // Note: a scan by character codes, no match objects: this runs on every goal paragraph and box line.
  for (let start = 0; start < text.length; start++) {
    if (
      !isDigit(text.charCodeAt(start)) ||
      (start > 0 && (isDigit(text.charCodeAt(start - 1)) || text.charCodeAt(start - 1) === 0x2e))
    )
      continue
    let end = start + 1
    while (end < text.length && isDigit(text.charCodeAt(end))) end++
    if (text.charCodeAt(end) === 0x2e && isDigit(text.charCodeAt(end + 1)))
      for (end += 2; end < text.length && isDigit(text.charCodeAt(end)); end++);
    // The farthest end of the goals that open at or before this number.
    while (next < spans.length && spans[next]![0] <= start) reach = Math.max(reach, spans[next++]![1])
    if (
      end > reach &&
      !notValueAfterExpression.test(text.slice(end, end + 8)) &&
      !notValueBeforeExpression.test(text.slice(Math.max(0, start - 4), start))
    )
      unread.push([start, end])
    start = end
  }
  return unread
}

/** Whether `section` is `outer` or lies inside it (ids are paths: `s1.2` is inside `s1`). */
function isWithin(section: string | undefined, outer: string | undefined): boolean {
  return section === outer || (section !== undefined && outer !== undefined && section.startsWith(outer + '.'))
}

/** Whether a section title names goals (发展目标, 近期目标（2021—2025年）). */
function isGoalTitle(title: string): boolean {
  return goalSectionExpression.test(title.replace(/\s*[（(][^（）()]*[）)]$/, ''))
}

/** Ids of the goal sections and of every section inside one. */
function goalSectionIds(
  outline: NonNullable<VFile['data']['outline']>,
  isInside: boolean,
  ids = new Set<string>()
): Set<string> {
  for (const section of outline) {
    // A section that names goals among other things (指导思想、基本原则和发展目标) and has a
    // subsection of its own for them: only that subsection holds the goals.
    const namesGoals = isGoalTitle(section.title)
    const isNarrowed =
      namesGoals && /[、和与及]/.test(section.title) && section.children.some((child) => isGoalTitle(child.title))
    const isGoals = isInside || (namesGoals && !isNarrowed)
    if (isGoals) ids.add(section.id)
    goalSectionIds(section.children, isGoals, ids)
  }
  return ids
}

/** Ids of the 总体要求 sections (and their subsections) that have no goals section of their own. */
function requirementSectionIds(outline: NonNullable<VFile['data']['outline']>, ids = new Set<string>()): Set<string> {
  const hasGoalTitle = (sections: typeof outline): boolean =>
    sections.some((section) => isGoalTitle(section.title) || hasGoalTitle(section.children))
  const addAll = (sections: typeof outline): void => {
    for (const section of sections) {
      ids.add(section.id)
      addAll(section.children)
    }
  }
  for (const section of outline) {
    if (requirementSectionExpression.test(section.title) && !hasGoalTitle(section.children)) addAll([section])
    else requirementSectionIds(section.children, ids)
  }
  return ids
}

/** The year each section's title names (近期目标（2021—2025年）, 到2023年的目标), inherited by its subsections. */
function sectionYearsOf(
  outline: NonNullable<VFile['data']['outline']>,
  inherited: number | undefined,
  years = new Map<string, number>()
): Map<string, number> {
  for (const section of outline) {
    const year = yearOf(section.title) ?? inherited
    if (year !== undefined) years.set(section.id, year)
    sectionYearsOf(section.children, year, years)
  }
  return years
}

function yearOf(text: string): number | undefined {
  if (!text.includes('年')) return undefined
  const years = matchesOf(yearExpression, text).map((match) => yearNumber(match[1] ?? ''))
  return years.length > 0 ? Math.max(...years) : undefined
}

/** Whether the document reports how a plan went: an evaluation, or a notice that issues one. */
function isReport(file: VFile): boolean {
  const enclosed = file.data.enclosed
  return file.data.kind === 'evaluation' || (enclosed ? titleKind(enclosed.title) === 'evaluation' : false)
}

/** The first year still ahead when the document was issued: its year if dated in the first half, else the next; null when undated. */
function firstYearAhead(file: VFile): number | null {
  const issued = issuedOn(file.data)
  if (!issued) return null
  return issued.month <= 6 ? issued.year : issued.year + 1
}

/** The targets of an indicator table; `fallbackYear` (the year its section opens with) dates a target column that names none when the plan has no period. */
function tableTargets(block: Block, period: Period | null, file: VFile, fallbackYear: number | null): Candidate[] {
  if (block.node.type !== 'table') return []
  const read = readIndicatorTable(block.node, period, isReport(file), firstYearAhead(file))
  if (!read.isIndicatorTable) {
    messageAt(
      file,
      'Table has no indicator and target columns: not read as targets',
      block.node.position,
      'unread-table',
      'info'
    )
    return []
  }
  if (read.interimYears.length > 0) {
    messageAt(
      file,
      'Interim targets of ' +
        read.interimYears.map((year) => year + '年').join(', ') +
        ' not kept: a target holds the value of its last year',
      block.node.position,
      'interim-targets',
      'info'
    )
  }
  for (const problem of read.problems) messageAt(file, problem.reason, problem.position, problem.rule)
  return read.targets.map((row) => ({
    section: block.node.data?.section ?? null,
    column: block.node.data?.column ?? null,
    indicator: row.indicator,
    category: row.category,
    unit: row.unit,
    value: row.value,
    year: row.year ?? fallbackYear,
    baseline: row.baseline,
    actuals: row.actuals,
    status: row.status,
    measure: 'level',
    origin: 'table',
    quote: row.quote,
    position: row.position,
    mentions: [],
    amount: undefined
  }))
}

/** Sections of the past (发展基础, 工作回顾, 面临形势) and of guidance (指导思想, 基本原则): no goals of the document's own outside its goals part. */
const pastSectionExpression =
  /回顾|成就|(?:取得|主要|工作|发展)成效|(?:发展|工作|现实|良好|坚实|产业|已有)基础|基础(?:与|和|及|、)|现状|形势|背景|进展|过去|总结|评估|完成情况|实施情况/
const guidingSectionExpression = /指导思想|基本原则|工作原则|编制依据|重要意义/
/** Sections of what is to be done (下一步工作, 主要措施, 重点任务, 展望): their goals are ahead, whatever the document. */
const forwardSectionExpression = /下一步|今后|展望|打算|工作安排|措施|举措|重点任务|主要任务|工作重点|重点工作/

/** Ids of the sections whose title matches `expression`, with their subsections. */
function sectionIdsTitled(
  outline: NonNullable<VFile['data']['outline']>,
  expression: RegExp,
  isInside = false,
  ids = new Set<string>()
): Set<string> {
  for (const section of outline) {
    const isIn = isInside || (expression.test(section.title) && !goalSectionExpression.test(section.title))
    if (isIn) ids.add(section.id)
    sectionIdsTitled(section.children, expression, isIn, ids)
  }
  return ids
}

/** For an undated text without a period: the first year its statistics leave ahead (截至2022年底 → 2023; 2023年一季度 → 2023), or undefined. */
function statisticsYear(blocks: Block[]): number | undefined {
  let latest: number | undefined
  for (const block of blocks) {
    for (const {year, isOver} of reportedYears(block.text)) {
      const ahead = isOver ? year + 1 : year
      if (latest === undefined || ahead > latest) latest = ahead
    }
  }
  return latest
}

/** The rules that hold in the goals part too: counts of a framework's parts, and what a text says another set out. */
const partRules = notGoalRules.filter((rule) => rule.name === 'structure' || rule.name === 'description')

/** Whether a goal counts the parts of a framework (划分为三个层级, 14个二级分类): no goal, in the goals part too. */
function isStructure(text: string, goal: Goal): boolean {
  const [start, end] = sentenceSpan(text, goal.start)
  const [clauseStart, clauseEnd] = clauseSpan(text, Math.max(goal.start, goal.end - 1))
  return partRules.some((rule) =>
    rule.test(text.slice(start, end), text.slice(clauseStart, clauseEnd), text.slice(goal.end, goal.end + 6), null)
  )
}

/** Whether the document sets goals throughout: a plan, outline or opinion, a notice issuing one, or a text with a plan period. */
function isForwardDocument(file: VFile): boolean {
  const kind = file.data.kind === 'notice' && file.data.enclosed ? titleKind(file.data.enclosed.title) : file.data.kind
  if (kind === 'plan' || kind === 'outline' || kind === 'opinion') return true
  if (kind === 'other' && titleYear(file) !== undefined) return true
  return kind === 'other' && file.data.period !== null && file.data.period !== undefined
}

/**
 * The one year a document's own title (or the title of what a notice issues) names: the year
 * its rules and tasks are for (包头市2022年数字政府建设考评办法), not a span (2021—2023年).
 */
function titleYear(file: VFile): number | undefined {
  const title = file.data.enclosed?.title ?? file.data.title?.text
  if (!title) return undefined
  const years = [...title.matchAll(/(?<![\d—\-–～~至到])((?:19|20)\d{2})\s*年(?!\s*[—\-–～~至到])/g)]
  return years.length === 1 && !/(?:19|20)\d{2}\s*[—\-–～~至到]/.test(title) ? Number(years[0]![1]) : undefined
}

/**
 * Whether a quantity found outside the goals part is a goal: no rule of
 * `notGoalRules` refuses it, its sentence names no year already past, and
 * the document sets goals throughout or the sentence says when it is due.
 */
function isTaskGoal(text: string, goal: Goal, isForward: boolean, aheadFrom: number | null, report: boolean): boolean {
  const [sentenceStart, sentenceEnd] = sentenceSpan(text, goal.start)
  const sentence = text.slice(sentenceStart, sentenceEnd)
  const [clauseStart, clauseEnd] = clauseSpan(text, Math.max(goal.start, goal.end - 1))
  if (notGoalRule(sentence, text.slice(clauseStart, clauseEnd), text.slice(goal.end, goal.end + 6), aheadFrom))
    return false
  const year = latestYear(sentence)
  if (year !== undefined && aheadFrom !== null && year < aheadFrom) return false
  // Note: the time may open the whole sentence, its parts apart by ； (到2020年，…；…成形效率大于450cm3/h).
  const [wholeStart, wholeEnd] = fullSentenceSpan(text, goal.start)
  const whole = text.slice(wholeStart, wholeEnd)
  if (report)
    return (
      /今年|年内|年底前/.test(whole) ||
      (year !== undefined && aheadFrom !== null && year >= aheadFrom && hasReach(whole))
    )
  return isForward || hasReach(whole)
}

/** Where a report's passage lies: per block, the span of its text that belongs to it. */
type Passage = Map<number, {start: number; end: number}>

/** How many paragraphs a passage printed a target a line may run over. */
const passageLines = 16

/**
 * A report's 主要预期目标 passage: the first paragraph outside its review that the label opens,
 * else the first that states the year's GDP target unlabelled. A label that ends its paragraph
 * (主要预期目标是：), or a paragraph of targets that ends in ；, opens a passage printed a target a
 * paragraph: the paragraphs after it that hold a number, to the sentence after the targets (确定上述目标…).
 */
function reportPassage(blocks: Block[], pastSections: Set<string>): Passage | undefined {
  const candidates = blocks.filter(
    (block) =>
      block.node.type === 'paragraph' && !block.node.data?.column && !pastSections.has(block.node.data?.section ?? '')
  )
  for (const expression of [reportPassageExpression, unlabelledPassageExpression]) {
    for (const block of candidates) {
      const opening = expression.exec(block.text)
      if (!opening) continue
      const passage: Passage = new Map()
      const first = passageIn(block, opening)
      if (first) passage.set(block.index, first)
      // Note: the passage goes on in the paragraphs after where its own paragraph does not close it.
      if (!first?.closed && /[:：；;]\s*$/.test(block.text)) {
        for (const next of blocks.slice(block.index + 1, block.index + 1 + passageLines)) {
          if (next.node.type !== 'paragraph' || !/\d/.test(next.text)) break
          const close = passageEndExpression.exec(next.text)
          const end = close ? sentenceSpan(next.text, close.index)[0] : next.text.length
          if (end > 0) passage.set(next.index, {start: 0, end})
          if (close) break
        }
      }
      if (passage.size > 0) return passage
    }
  }
  return undefined
}

/** The passage an opening starts in its paragraph: from its sentence to the end of the targets, and whether they end there. */
function passageIn(block: Block, opening: RegExpExecArray): {start: number; end: number; closed: boolean} | undefined {
  // Note: a passage of targets states one; a label followed by no number opens the paragraphs after it.
  if (!/\d/.test(block.text.slice(opening.index, opening.index + 200))) return undefined
  const [start] = sentenceSpan(block.text, opening.index)
  const close = passageEndExpression.exec(block.text.slice(opening.index))
  const end = close ? sentenceSpan(block.text, opening.index + close.index)[0] : block.text.length
  return {start, end: Math.max(end, opening.index + opening[0].length), closed: close !== null}
}

/**
 * The year a work report plans for: the year after the one it reviews
 * (一、2023年工作回顾), or the year its tasks are headed with (二、2024年工作安排),
 * else the year it is dated.
 */
function reportYear(file: VFile, blocks: Block[]): number | null {
  const titles = [
    ...flatten(file.data.outline ?? []).map((section) => section.title),
    ...blocks
      .slice(0, 400)
      .filter((block) => block.node.type === 'paragraph' && block.text.length < 40)
      .map((block) => block.text)
  ]
  for (const title of titles) {
    const reviewed = /((?:19|20)\d{2})\s*年\s*(?:(?:政府)?工作回顾|工作总结|主要工作)/.exec(title)
    if (reviewed) return Number(reviewed[1]) + 1
    const planned = /((?:19|20)\d{2})\s*年\s*(?:(?:政府)?工作(?:安排|任务|部署)|(?:主要|重点)(?:工作|任务))/.exec(title)
    if (planned) return Number(planned[1])
  }
  return issuedOn(file.data)?.year ?? null
}

function flatten(outline: NonNullable<VFile['data']['outline']>): NonNullable<VFile['data']['outline']> {
  return outline.flatMap((section) => [section, ...flatten(section.children)])
}

function proseTargets(
  block: Block,
  goals: Goal[],
  origin: TargetOrigin,
  year: number | null,
  inPassage = false
): Candidate[] {
  return goals.map((goal) => ({
    section: block.node.data?.section ?? null,
    column: block.node.data?.column ?? null,
    indicator: goal.indicator,
    category: null,
    unit: goal.unit,
    value: goal.value,
    year: (inPassage ? null : yearOf(sentenceAround(block.text, goal.start))) ?? year,
    baseline: goal.baseline,
    actuals: [],
    status: null,
    measure: goal.measure,
    // Note: optional flags are set only when true, so that records without them stay as they were.
    ...(goal.approx ? {approx: true as const} : {}),
    // A level striven for is a stretch target when a base level precedes it, or, in a work report's
    // passage of the year's targets, alone (固定资产投资…力争达到3%).
    ...(goal.stretch || (inPassage && goal.striving) ? {stretch: true as const} : {}),
    ...(goal.relativeTo ? {relativeTo: goal.relativeTo} : {}),
    origin,
    quote: block.text.slice(goal.start, goal.end),
    position: spanOf(block, goal.start, goal.end),
    mentions: [],
    amount: undefined
  }))
}

/** Longest look-back for the start of a sentence: bounds the work on a runaway line. */
const sentenceLookBack = 300

/** The text from the start of the sentence holding `offset` to `offset`. */
function sentenceAround(text: string, offset: number): string {
  const window = text.slice(Math.max(0, offset - sentenceLookBack), offset)
  return window.slice(Math.max(window.lastIndexOf('。'), window.lastIndexOf('；')) + 1)
}

/**
 * One goal, one target: a prose or 专栏 statement of a goal already found
 * (same value, compatible unit, similar indicator) becomes a mention of it.
 * Close wordings merge first; a looser wording merges only with the one
 * remaining target of that value, and never across different populations.
 */
function merge(candidates: Candidate[]): Candidate[] {
  const order: TargetOrigin[] = ['table', 'text', 'column', 'task']
  const sorted = [...candidates].sort((a, b) => order.indexOf(a.origin) - order.indexOf(b.origin))
  // Note: only targets of the same value can be the same goal, so they are
  // compared within buckets of equal values (a table of 20 000 rows stays linear).
  // A value is filed under its number as printed and under its amount in the base unit (6 万件 and
  // 60000 件), so that a goal restated in another scale is found too.
  const buckets = new Map<string, Candidate[]>()
  const kept: Candidate[] = []
  const pending: Candidate[] = []
  const keep = (candidate: Candidate) => {
    kept.push(candidate)
    file(valueKey(candidate.value), candidate)
    const amount = amountKey(candidate)
    if (amount !== undefined) file(amount, candidate)
  }
  const file = (key: string, candidate: Candidate) => {
    const bucket = buckets.get(key)
    if (bucket) bucket.push(candidate)
    else buckets.set(key, [candidate])
  }
  const bucketOf = (candidate: Candidate): Candidate[] => {
    const printed = buckets.get(valueKey(candidate.value))
    const amount = amountKey(candidate)
    const scaled = amount === undefined ? undefined : buckets.get(amount)
    if (!scaled) return printed ?? []
    return printed ? [...new Set([...printed, ...scaled])] : scaled
  }
  for (const candidate of sorted) {
    const same = bucketOf(candidate).find((target) => isSameGoal(target, candidate, 0.5))
    if (same) absorb(same, candidate)
    else if (candidate.origin === 'table') keep(candidate)
    else pending.push(candidate)
  }
  for (const candidate of pending) {
    const bucket = bucketOf(candidate)
    const same = bucket.find((target) => isSameGoal(target, candidate, 0.5))
    const open = bucket.filter(
      (target) =>
        target.mentions.length === 0 && (compatibleUnits(target.unit, candidate.unit) || sameAmount(target, candidate))
    )
    const loose = open.filter((target) => target.origin !== candidate.origin && isSameGoal(target, candidate, 0.25))
    if (same) absorb(same, candidate)
    else if (loose.length === 1 && open.length === 1) absorb(loose[0]!, candidate)
    else keep(candidate)
  }
  return kept.sort((a, b) => a.position.start.offset - b.position.start.offset)
}

/** The key a value is filed under as printed. */
function valueKey(value: Value | null): string {
  if (!value) return 'none'
  return value.kind === 'number'
    ? 'n' + value.number
    : value.kind === 'range'
      ? 'r' + value.min + '-' + value.max
      : 't' + value.text
}

/** Scale words a unit may open with (万件, 亿元, 千人). */
const scales: Record<string, number> = {万: 1e4, 亿: 1e8, 千: 1e3}

/**
 * The key of a number and its unit as an amount in the base unit (6 万件 →
 * `a60000件`), so that a goal restated in another scale is found; undefined
 * without a unit or for a bare scale (万, the unit of a cell that prints 2万),
 * which says nothing of what is counted.
 */
function amountKey(candidate: Candidate): string | undefined {
  // Note: asked for again and again while targets merge; a number's text is slow to make.
  if (candidate.amount === undefined) candidate.amount = computeAmountKey(candidate) ?? null
  return candidate.amount ?? undefined
}

function computeAmountKey(candidate: Candidate): string | undefined {
  const {value, unit} = candidate
  if (value?.kind !== 'number' || !unit) return undefined
  const scale = scales[unit.charAt(0)]
  if (scale === undefined) return 'a' + value.number + unit
  return unit.length > 1 ? 'a' + Number((value.number * scale).toPrecision(12)) + unit.slice(1) : undefined
}

/** Whether two values state the same amount in units of one base (6 万件 and 60000 件, 5000 万元 and 0.5 亿元). */
function sameAmount(target: Candidate, candidate: Candidate): boolean {
  const a = amountKey(target)
  return a !== undefined && a === amountKey(candidate)
}

function isSameGoal(target: Candidate, candidate: Candidate, threshold: number): boolean {
  if (
    !(sameValue(target.value, candidate.value) && compatibleUnits(target.unit, candidate.unit)) &&
    !sameAmount(target, candidate)
  )
    return false
  if (hasConflictingPopulation(target.indicator, candidate.indicator)) return false
  return (
    isContained(target.indicator, candidate.indicator) ||
    indicatorSimilarity(target.indicator, candidate.indicator) >= threshold
  )
}

function absorb(target: Candidate, candidate: Candidate): void {
  target.mentions.push({origin: candidate.origin, quote: candidate.quote, position: candidate.position})
  // Note: a table cell often prints no comparator that the prose states (超过 → >).
  if (
    target.value?.kind === 'number' &&
    !target.value.comparator &&
    candidate.value?.kind === 'number' &&
    candidate.value.comparator
  ) {
    target.value = {...target.value, comparator: candidate.value.comparator}
  }
  target.unit ??= candidate.unit
}

function sameValue(a: Value | null, b: Value | null): boolean {
  if (!a || !b || a.kind !== b.kind) return false
  if (a.kind === 'number' && b.kind === 'number') return a.number === b.number
  if (a.kind === 'range' && b.kind === 'range') return a.min === b.min && a.max === b.max
  return a.kind === 'text' && b.kind === 'text' && a.text === b.text
}

/** Units that count the same things: 家 and 户 for enterprises; a missing unit fits any. */
const unitClasses = [
  ['家', '户', '个'],
  ['人', '名', '位']
]

function compatibleUnits(a: string | null, b: string | null): boolean {
  if (!a || !b || a === b) return true
  return unitClasses.some((units) => units.includes(a) && units.includes(b))
}

export default extractTargets
