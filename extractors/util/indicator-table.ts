/**
 * Read an indicator table (主要指标表, 附表 progress tables, the 纲要 table with
 * its 年均增长〔累计〕 column): find the header
 * by its column names, give each column a role, and turn each data row into
 * a target row — or a reason why it could not be read.
 */
import type {Table, TableRow} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Period, Position, Value, YearValue} from '../../schemas/record.js'
import {toPosition} from '../../pipeline/tree/blocks.js'
import periods from '../../pipeline/lexicon/data/plan-periods.json' with {type: 'json'}
import {compact, toHalfWidth} from '../../pipeline/lexicon/text.js'
import {completeScaleUnit, parseCellValue, parseValue, splitIndicatorUnit} from '../../pipeline/lexicon/value.js'

/** What a column holds. */
type Role =
  | {kind: 'index' | 'category' | 'indicator' | 'unit' | 'attribute' | 'status' | 'growth' | 'other'}
  | {kind: 'target' | 'baseline' | 'actual' | 'interim'; year: number | null}

/** One data row read as a target. */
export interface TableTarget {
  category: string | null
  indicator: string
  unit: string | null
  value: Value | null
  year: number | null
  baseline: YearValue | null
  actuals: YearValue[]
  status: string | null
  quote: string
  position: Position
}

/** A row that could not be read, with the reason. */
export interface TableProblem {
  reason: string
  rule: 'unparsed-table-row' | 'missing-target-value'
  position: Position
}

/** The result of reading a table; `isIndicatorTable` false when its header names no indicator and target. */
export interface ReadTable {
  isIndicatorTable: boolean
  targets: TableTarget[]
  problems: TableProblem[]
  /** Years of columns that hold interim targets (a plan's 2023年, 2024年 before its 2025年): not kept, a target holds one value. */
  interimYears: number[]
}

const planPeriods: Record<string, number[]> = periods.periods

/** The years of a plan named in a column (“十三五”末 → 2020): a target in its own period, a baseline before it. */
function planColumn(label: string, period: Pick<Period, 'start' | 'end'> | null): Role {
  const end = planPeriods[label]?.[1] ?? null
  if (end !== null && period?.end != null && end < period.end) return {kind: 'baseline', year: end}
  return {kind: 'target', year: end ?? period?.end ?? null}
}

/** Header words → roles, the first match wins. */
const roles: ReadonlyArray<[RegExp, (match: RegExpExecArray, period: Pick<Period, 'start' | 'end'> | null) => Role]> = [
  [/^(?:序号|编号|No\.?)$/i, () => ({kind: 'index'})],
  [/属性|性质|类型$/, () => ({kind: 'attribute'})],
  [/^单位$|^计量单位$/, () => ({kind: 'unit'})],
  [/((?:19|20)\d{2})\s*年?.{0,4}(?:完成|实际|实绩|监测)/, (match) => ({kind: 'actual', year: Number(match[1])})],
  [/(?:序时)?进度|进展|(?:完成|实施|实现)情况|状态|评估结果|评价/, () => ({kind: 'status'})],
  // 年均增长〔累计〕: the rate or five-year total that 约束性 rows give instead of a level (累计目标 is a target).
  [/^(?!.*目标).*(?:年均|累计(?!完成|实现))/, () => ({kind: 'growth'})],
  [/^[“"]?(十[一二三四五六]?五)[”"]?期?末/, (match, period) => planColumn(match[1]!, period)],
  // A baseline column that names no year (现状值, 基期值) holds the year before the plan period.
  [
    /基期|基数|基准|现状|基础/,
    (match, period) => ({
      kind: 'baseline',
      year: yearIn(match.input) ?? (period?.start != null ? period.start - 1 : null)
    })
  ],
  [/目标|预期|规划值|指标值/, (match, period) => ({kind: 'target', year: yearIn(match.input) ?? period?.end ?? null})],
  [/^((?:19|20)\d{2})\s*年?(?:值|末)?$/, (match) => ({kind: 'target', year: Number(match[1])})],
  [/^(?:分类|类别|项目|领域|一级指标|方面|维度|类型|板块)$/, () => ({kind: 'category'})],
  [/指标|内容|名称/, () => ({kind: 'indicator'})]
]

function yearIn(text: string): number | null {
  const match = /((?:19|20)\d{2})\s*年/.exec(text)
  return match?.[1] ? Number(match[1]) : null
}

/** A number or mark before a category's or an indicator's name (`一、`, `（二）`, `1．`, `（2）`, `★` for 约束性). */
const enumerationExpression =
  /^(?:[一二三四五六七八九十]+[、．.]|[（(](?:[一二三四五六七八九十]+|\d{1,2})[）)]|\d{1,2}[.．、]|[★☆*＊▲△●◆■])\s*/
/** A footnote mark after an indicator's name (`森林覆盖率*`, `…拥有量①`). */
const footnoteMarkExpression = /[*＊★☆①②③④⑤⑥⑦⑧⑨⑩]+$/

const cellsOf = (row: TableRow) => row.children.map((cell) => toString(cell).trim())

/**
 * Read `table` in the plan `period`: its end is the year of a target column
 * that names none, its start tells the years reported inside the period —
 * actuals in a progress report (`isReport`), interim targets in a plan —
 * goals of their own from the first year still ahead when it was issued
 * (`aheadFrom`) on.
 */
export function readIndicatorTable(
  table: Table,
  period: Pick<Period, 'start' | 'end'> | null,
  isReport = false,
  aheadFrom: number | null = null
): ReadTable {
  const rows = table.children
  const texts = rows.map(cellsOf)
  const headerIndex = texts.findIndex(
    (cells) => cells.filter(Boolean).length >= 2 && cells.some((cell) => /指标|目标|内容/.test(cell))
  )
  if (headerIndex === -1) return {isIndicatorTable: false, targets: [], problems: [], interimYears: []}
  const top = texts[headerIndex]!.map(compact)
  const joined = headerGoingOn(
    top,
    texts[headerIndex + 1]?.map(compact),
    Math.max(...texts.map((cells) => cells.length))
  )
  const header = joined ?? top
  const first = headerIndex + (joined ? 2 : 1)
  const columnRoles = yearColumnRoles(
    header.map((cell) => roleOf(cell, period)),
    period,
    isReport,
    aheadFrom
  )
  const adjusted = columnRoles.some((role) => role.kind === 'indicator') ? columnRoles : guessIndicator(columnRoles)
  if (!adjusted.some((role) => role.kind === 'indicator') || !adjusted.some((role) => role.kind === 'target')) {
    return {isIndicatorTable: false, targets: [], problems: [], interimYears: []}
  }
  const interimYears = adjusted.flatMap((role) => (role.kind === 'interim' && role.year !== null ? [role.year] : []))
  const result: ReadTable = {isIndicatorTable: true, targets: [], problems: [], interimYears}
  let category: string | null = null
  const joinedHeader = header.join('|')
  for (let index = first; index < rows.length; index++) {
    const row = rows[index]!
    const cells = texts[index]!
    if (cells.map(compact).join('|') === joinedHeader) continue
    const filled = cells.filter(Boolean)
    // A row with one text cell across a wide table is a category row (一、经济发展).
    if (cells.length === 1 && filled.length === 1 && adjusted.length > 2 && !parseValue(filled[0]!)) {
      category = compact(filled[0]!).replace(enumerationExpression, '')
      continue
    }
    const aligned =
      cells.length < adjusted.length ? [...Array<string>(adjusted.length - cells.length).fill(''), ...cells] : cells
    const categoryIndex = adjusted.findIndex((role) => role.kind === 'category')
    if (categoryIndex !== -1 && aligned[categoryIndex]) category = compact(aligned[categoryIndex])
    readRow(row, aligned, adjusted, category, result)
  }
  return result
}

/**
 * The header when it goes on in the `next` row (a header broken over two
 * lines): that row holds only header words, or the names a merged cell spans
 * down to it (指标 over two rows, beside 目标值 over 2020年 and 2025年); else undefined.
 */
function headerGoingOn(header: string[], next: string[] | undefined, width: number): string[] | undefined {
  const isSpanned = (cell: string, index: number) => cell === header[index]
  if (
    !next?.every(
      (cell, index) =>
        cell === '' ||
        isSpanned(cell, index) ||
        (!/\d/.test(cell.replace(/(?:19|20)\d{2}\s*年/g, '')) &&
          /值|年|目标|单位|属性|基数|基期|完成|实际|现状|预计/.test(cell))
    )
  )
    return undefined
  // Note: a name over several columns (目标值 over 2020年 and 2025年) prints once; the columns after it under it share it.
  const top =
    spreadOver(header, next, width) ??
    Array.from({length: Math.max(header.length, next.length)}, (_, index) => header[index] ?? '')
  for (let index = 1; index < top.length; index++)
    if (top[index] === '' && next[index] && next[index - 1] && !isSpanned(next[index - 1]!, index - 1))
      top[index] = top[index - 1]!
  return top.map((cell, index) => (isSpanned(next[index] ?? '', index) ? cell : cell + (next[index] ?? '')))
}

/**
 * A header row printed with a merged name as one cell (类别 指标 单位 目标值 属性)
 * above a row that names more columns (— — — 2020年 2025年), as wide as the
 * table's rows: the name spread over the columns the second row names under
 * it, the rest shifted along; undefined where no one name has all the second
 * row's names under it.
 */
function spreadOver(header: string[], next: string[], width: number): string[] | undefined {
  const extra = width - header.length
  if (extra <= 0) return undefined
  for (let at = 0; at < header.length; at++) {
    const under = Array.from({length: extra + 1}, (_, offset) => next[at + offset])
    if (
      header[at] &&
      under.every(Boolean) &&
      next.every((cell, index) => !cell || (index >= at && index <= at + extra))
    ) {
      return [...header.slice(0, at), ...Array<string>(extra + 1).fill(header[at]!), ...header.slice(at + 1)]
    }
  }
  return undefined
}

function roleOf(cell: string, period: Pick<Period, 'start' | 'end'> | null): Role {
  for (const [expression, make] of roles) {
    const match = expression.exec(cell)
    if (match) return make(match, period)
  }
  return {kind: 'other'}
}

/**
 * Of several year columns (2020年, 2021年, 2022年, 2025年), the one of the
 * plan's last year is the target, else the latest; a later one (2035年 in a
 * 十四五 纲要) stays a target after it. Earlier years inside the plan period
 * are actuals in a progress report, interim targets in a plan (targets of
 * their own where still ahead when it was issued); of the years
 * before it, the latest is the baseline — unless a column is named so
 * (基期值), when every earlier year is an actual.
 */
function yearColumnRoles(
  columnRoles: Role[],
  period: Pick<Period, 'start' | 'end'> | null,
  isReport: boolean,
  aheadFrom: number | null
): Role[] {
  const years = columnRoles.flatMap((role) => (role.kind === 'target' && role.year !== null ? [role.year] : []))
  const target = period?.end != null && years.includes(period.end) ? period.end : Math.max(...years)
  const isActual = (year: number) => period?.start != null && year >= period.start
  const before = years.filter((year) => year < target && !isActual(year))
  const baseline = columnRoles.some((role) => role.kind === 'baseline') ? undefined : Math.max(...before)
  return columnRoles.map((role) => {
    if (role.kind !== 'target' || role.year === null || role.year >= target) return role
    if (role.year === baseline) return {kind: 'baseline', year: role.year}
    if (!isActual(role.year) || isReport) return {kind: 'actual', year: role.year}
    // A year still ahead when the plan was issued is a goal of its own (2023年, 2024年 in a 三年行动计划 of 2023).
    return {kind: aheadFrom !== null && role.year >= aheadFrom ? 'target' : 'interim', year: role.year}
  })
}

/** Without a column named 指标, the first `other` column holds the indicators. */
function guessIndicator(columnRoles: Role[]): Role[] {
  const index = columnRoles.findIndex((role) => role.kind === 'other' || role.kind === 'category')
  if (index === -1) return columnRoles
  const hasCategory = columnRoles.filter((role) => role.kind === 'category').length > 1
  return columnRoles.map((role, at) =>
    at === index && (role.kind === 'other' || !hasCategory) ? {kind: 'indicator'} : role
  )
}

/** The unit of a row given the unit a cell prints: a bare scale in the cell (2万) goes before the row's unit (件 → 万件). */
function withScale(unit: string | null, cellUnit: string | null): string | null {
  if (unit === null) return cellUnit
  return (cellUnit === '万' || cellUnit === '亿' || cellUnit === '千') && !/^[万亿千]/.test(unit)
    ? cellUnit + unit
    : unit
}

/** A unit column's cell: none when empty or a dash (— for an index without a unit), else as printed. */
const noUnitExpression = /^[—\-－–/／]*$/

function unitOf(cell: string | undefined): string | null {
  const unit = compact(cell ?? '')
  return noUnitExpression.test(unit) ? null : unit
}

function readRow(
  row: TableRow,
  cells: string[],
  columnRoles: Role[],
  category: string | null,
  result: ReadTable
): void {
  const position = toPosition(row.position)
  const quote = cells.filter(Boolean).join('\t')
  const indicatorCell = cells[columnRoles.findIndex((role) => role.kind === 'indicator')] ?? ''
  if (compact(indicatorCell).length === 0) {
    result.problems.push({reason: 'Table row has no indicator: `' + quote + '`', rule: 'unparsed-table-row', position})
    return
  }
  const {indicator, unit: bracketUnit} = splitIndicatorUnit(
    compact(indicatorCell).replace(enumerationExpression, '').replace(footnoteMarkExpression, '')
  )
  const unitCell = cells[columnRoles.findIndex((role) => role.kind === 'unit')]
  const target: TableTarget = {
    category,
    indicator,
    unit: bracketUnit ?? unitOf(unitCell),
    value: null,
    year: null,
    baseline: null,
    actuals: [],
    status: null,
    quote,
    position
  }
  let growth: ReturnType<typeof parseCellValue>
  // A later target column (2035年 after 2025年) sets a goal of its own for the row.
  let later: Array<{year: number; value: Value; unit: string | null}> | undefined
  for (const [index, role] of columnRoles.entries()) {
    const cell = toHalfWidth(cells[index] ?? '').trim()
    // A dash (——) in the status column says there is none.
    if (role.kind === 'status' && cell && !/^[—\-－–]+$/.test(cell)) target.status = cells[index]!.trim()
    if (role.kind === 'growth') growth ??= parseCellValue(cell)
    if (role.kind !== 'target' && role.kind !== 'baseline' && role.kind !== 'actual') continue
    const parsed = parseCellValue(cell)
    if (role.kind === 'target' && target.value === null) {
      target.year = role.year
      target.value = parsed?.value ?? null
      target.unit = withScale(target.unit, parsed?.unit ?? null)
    } else if (role.kind === 'target') {
      if (parsed && role.year !== null && role.year !== target.year)
        (later ??= []).push({year: role.year, value: parsed.value, unit: parsed.unit})
    } else if (parsed && role.year !== null) {
      const entry = {year: role.year, value: parsed.value}
      if (role.kind === 'baseline') target.baseline = entry
      else target.actuals.push(entry)
    }
  }
  // A row with no level in its target column (—) states its target as the rate or total: 能耗降低 〔13.5〕.
  if (target.value === null && growth) {
    target.value = growth.value
    target.unit ??= growth.unit
  }
  target.unit = completeScaleUnit(target.unit, indicator)
  if (target.value === null) {
    result.problems.push({reason: 'Target `' + indicator + '` has no value', rule: 'missing-target-value', position})
  }
  result.targets.push(target)
  for (const goal of later ?? []) {
    const unit = completeScaleUnit(withScale(bracketUnit ?? unitOf(unitCell), goal.unit), indicator)
    result.targets.push({...target, value: goal.value, year: goal.year, unit, actuals: [], status: null})
  }
}
