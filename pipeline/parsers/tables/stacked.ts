/**
 * `stacked`: each cell on a line of its own without tabs, as copying a table
 * from a web page or a PDF gives: a header of three cells or more (序号 /
 * 指标名称 / 2020年 / 2025年 / 属性), then rows of as many lines — or, under a
 * 序号 column, each row from its number to the next.
 */
import type {SourceLine} from '../lines.js'
import type {PointFactory} from '../point.js'
import {cell, cellOf, emptyCell, row, tableOver, type FlatTable, type TableLayout} from './cells.js'
import {foldAt, foldedCells, foldedHeader, tabCellExpression} from './folded.js'
import {
  categoryColumnExpression,
  indicatorHeaderExpression,
  isStackedCell,
  serialExpression,
  skipBlank,
  valueHeaderExpression
} from './words.js'
/** A header cell of a stacked table: a column name (序号, 指标名称, 计量单位, 2025年目标值, 年均增长（%）, 属性 …). */
const stackedHeaderExpression =
  /序号|编号|类别|分类|领域|项目|指标|名称|内容|单位|属性|性质|备注|(?:19|20)\d{2}\s*年|基期|基数|基准|现状|目标|规划|预期|年均|累计|完成|进度|情况|状态/
/** A value cell: a number, maybe bracketed or with a comparator (〔60〕, ≥20), or a dash for none. */
const valueLineExpression = /^(?:[<>≤≥＜＞〔［\[（(]?\s*\d|[—\-－–]+$)/

function isValueLine(line: SourceLine | undefined): boolean {
  return line !== undefined && line.kind === 'text' && valueLineExpression.test(line.content)
}

/** The name of a table's first column (序号, 类别, 指标名称 …). */
const firstColumnExpression =
  /^(?:序号|编号|类别|分类|领域|项目|方面|类型|(?:一级)?指标(?:名称)?(?:[（(]单位[）)])?|名称|内容)$/
const serialHeaderExpression = /^(?:序号|编号)$/
/** The most columns a stacked table has (a header of more lines is a list, not a table). */
const maximumStackedWidth = 16

function isStackedHeaderCell(line: SourceLine | undefined): boolean {
  return (
    line !== undefined &&
    line.kind === 'text' &&
    line.content.length <= 16 &&
    !line.content.includes('\t') &&
    stackedHeaderExpression.test(line.content)
  )
}

/** Whether `line` is the serial number `number` of a row. */
function isSerial(line: SourceLine | undefined, number: number): boolean {
  return (
    line !== undefined && line.kind === 'text' && serialExpression.test(line.content) && Number(line.content) === number
  )
}

/** The most lines a cell printed over several adds to a stacked row. */
const maximumCellBreaks = 3

/** The lines of a stacked table's first numbered row, from its 1 to the 2 of the next (a category line before the 1 passed over). */
function serialRowWidth(lines: SourceLine[], from: number): number | undefined {
  let next = isSerial(lines[from], 1) ? from : skipBlank(lines, from + 1)
  if (!isSerial(lines[next], 1)) return undefined
  let count = 0
  for (
    ;
    count <= maximumStackedWidth && isStackedCell(lines[next], false) && !(count > 0 && isSerial(lines[next], 2));
    next = skipBlank(lines, next + 1)
  )
    count++
  return isSerial(lines[next], 2) ? count : undefined
}

/** Past the header `names` printed again at `at` (a page broke the table), or undefined. */
function repeatedHeaderEnd(lines: SourceLine[], at: number, names: string[]): number | undefined {
  let next = at
  for (const name of names) {
    if (lines[next]?.content !== name) return undefined
    next = skipBlank(lines, next + 1)
  }
  return next
}

function stacked(lines: SourceLine[], index: number, point: PointFactory): FlatTable | undefined {
  // The first column's name, exactly: a caption above the table (表1　主要指标) is not one.
  if (!firstColumnExpression.test(lines[index]!.content)) return undefined
  const header: SourceLine[] = []
  const isTabbed = tabCellExpression.test(lines[index]!.raw)
  let at = index
  // Note: bounded, so that a long run of header-like lines costs linear time, not quadratic.
  for (
    ;
    header.length <= maximumStackedWidth &&
    isStackedHeaderCell(lines[at]) &&
    tabCellExpression.test(lines[at]!.raw) === isTabbed;
    at = skipBlank(lines, at + 1)
  )
    header.push(lines[at]!)
  if (header.length > maximumStackedWidth) return undefined
  const printed = header.map((line) => line.content)
  if (
    header.length < 3 ||
    !printed.some((name) => indicatorHeaderExpression.test(name)) ||
    !printed.some((name) => valueHeaderExpression.test(name))
  )
    return undefined
  // A 序号 column, first or after the category: each row runs from its number to the next.
  const serialIndex = printed.slice(0, 2).findIndex((name) => serialHeaderExpression.test(name))
  // Note: under a 序号, the first row's width tells a header name printed in two lines (2025年 / 预期目标).
  const firstRow = serialIndex === -1 ? undefined : serialRowWidth(lines, at)
  const columns =
    firstRow !== undefined && firstRow + serialIndex < header.length
      ? foldedHeader(header, firstRow + serialIndex)
      : header.map((line) => [line])
  const width = columns.length
  const names = columns.map((parts) => parts.map((line) => line.content).join(''))
  const rows = [row(columns.map((parts) => cellOf(parts, point)))]
  let last = at - 1
  for (let number = 1; ; number++) {
    let next = repeatedHeaderEnd(lines, at, printed) ?? at
    let lead: SourceLine | undefined
    if (serialIndex !== -1) {
      // Before the number, a line of its own: the category of the rows that follow (知识产权创造).
      const after = skipBlank(lines, next + 1)
      if (isStackedCell(lines[next], true) && !isSerial(lines[next], number) && isSerial(lines[after], number)) {
        lead = lines[next]
        next = after
      }
      if (!isSerial(lines[next], number)) break
    }
    // Without a 序号, a row that leaves its merged category out shows a value where the indicator would be.
    const leavesCategory =
      serialIndex === -1 && categoryColumnExpression.test(names[0]!) && isValueLine(lines[skipBlank(lines, next + 1)])
    const group: SourceLine[] = []
    const room = width - Math.max(serialIndex, 0) - (leavesCategory ? 1 : 0)
    // Under a 序号, a row runs to the next number: a cell printed in two lines (每万人口高价值发明 / 专利拥有量)
    // makes it longer. Its extra lines are its own only where they fold into place — not the category
    // of the next rows (运用), nor, after the last row, what follows the table.
    const limit = serialIndex !== -1 ? room + maximumCellBreaks : room
    const rowStart = next
    for (
      ;
      group.length < limit &&
      isStackedCell(lines[next], false) &&
      !(serialIndex !== -1 && group.length > 0 && isSerial(lines[next], number + 1)) &&
      !(group.length >= room && repeatedHeaderEnd(lines, next, printed) !== undefined);
      next = skipBlank(lines, next + 1)
    )
      group.push(lines[next] as SourceLine)
    const rowNames = names.slice(width - room)
    if (group.length > room) {
      // The most extra lines that fold into place (the row's own), the rest left to what follows.
      let keep = group.length
      while (keep > room && foldAt(group.slice(0, keep), rowNames) === undefined) keep--
      if (keep < group.length) {
        group.length = keep
        next = rowStart
        for (let count = 0; count < keep; count++) next = skipBlank(lines, next + 1)
      }
    }
    // A row holds a number past its first cell; under a 序号, merged cells may be left out.
    if (group.length < (serialIndex === -1 ? room : 3) || !group.slice(1).some((line) => /\d/.test(line.content))) break
    const cells = group.length > room ? foldedCells(group, rowNames, point) : group.map((line) => cell(line, point))
    if (leavesCategory) cells.unshift(emptyCell(group[0]!, point))
    if (serialIndex === 0 && lead) rows.push(row([cell(lead, point)]))
    if (serialIndex === 1) cells.unshift(lead ? cell(lead, point) : emptyCell(group[0]!, point))
    // Merged cells left out follow the number (the category of the row above).
    const serialAt = Math.max(serialIndex, 0)
    if (cells.length < width)
      cells.splice(serialAt + 1, 0, ...Array.from({length: width - cells.length}, () => emptyCell(group[0]!, point)))
    rows.push(row(cells))
    last = lines.indexOf(group.at(-1)!, at)
    at = next
  }
  return tableOver(rows, lines, index, last, point, 'stacked')
}

/** The layout, for the list in `flat-table.ts`. */
export const layout: TableLayout = {name: 'stacked', applies: (line) => isStackedHeaderCell(line), match: stacked}
