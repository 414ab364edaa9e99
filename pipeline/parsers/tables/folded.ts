/**
 * Cells printed over two paragraphs (指标 / （单位）, 2025年 / 目标值), as Word
 * tables converted to text give them: a header folded into its names, and a
 * row's extra lines joined into the cell they belong to. Shared by the
 * cell-per-line and stacked layouts.
 */
import type {TableCell} from 'mdast'
import type {SourceLine} from '../lines.js'
import type {PointFactory} from '../point.js'
import {cellOf} from './cells.js'
export const tabCellExpression = /^\t/

/** The second line of a header cell of two paragraphs: a bracket (（单位）, （%）) or what names a year's column (目标值, 预期目标, 完成值, 基数, 完成). */
export const headerTailExpression =
  /^[（(〔［\[]|^(?:目标|预期|规划|完成|实际|基期|现状)?值$|^(?:预期|规划)?目标$|^(?:基数|基期|完成|实际|现状|预计)$/

/**
 * The header's cells as lines: where the rows are `width` cells, narrower
 * than the header, a name printed in two paragraphs (2025年 / 目标值, 指标 /
 * （单位）) is one cell.
 */
export function foldedHeader(header: SourceLine[], width: number): SourceLine[][] {
  const cells = header.map((line) => [line])
  for (let at = cells.length - 1; at > 0 && cells.length > width; at--) {
    if (headerTailExpression.test(cells[at]![0]!.content)) cells.splice(at - 1, 2, [...cells[at - 1]!, ...cells[at]!])
  }
  return cells.length === width ? cells : header.map((line) => [line])
}

/** Header names of the columns that hold values: a year, a target, a baseline. */
const valueColumnExpression = /(?:19|20)\d{2}|目标|预期|基期|基数|现状|完成/
/** What a value cell holds: a number (≥20, 〔5〕, 【50】, 3-5, 50 件, 8.6%), a dash, or nothing. */
const valueCellExpression =
  /^[<>≤≥＜＞〔［\[【（(]?\s*\d+(?:\.\d+)?(?:\s*[-~～—－]\s*\d+(?:\.\d+)?)?\s*(?:[%％‰]|\p{Script=Han}{1,2})?\s*[〕］\]】）)]?$|^[—\-－–]*$/u
/** Header names of an indicator's attribute (属性: 预期性 or 约束性), and what its cells hold. */
const attributeColumnExpression = /^(?:指标)?(?:属性|性质)$/
const attributeCellExpression = /^(?:(?:预期性?|约束性?|引导性|指导性)(?:[（(][^（）()]{1,8}[）)])?|[—\-－–]*)$/

/**
 * The cells of a row with more lines than the header has names: a cell of
 * several paragraphs (每万人口高价值发明专利 / 拥有量). Its lines are joined in
 * the first column — the indicator's first — where every value column then
 * holds a value.
 */
export function foldedCells(group: SourceLine[], names: string[], point: PointFactory): TableCell[] {
  return cellLines(group, names, foldAt(group, names) ?? indicatorColumn(names)).map((lines) => cellOf(lines, point))
}

/** The column that names the indicators (指标, 名称), else the first. */
function indicatorColumn(names: string[]): number {
  return Math.max(
    names.findIndex((name) => /指标|名称/.test(name)),
    0
  )
}

/** The lines of each cell when the row's extra lines are joined in the cell of column `at`. */
function cellLines(group: SourceLine[], names: string[], at: number): SourceLine[][] {
  const extra = group.length - names.length
  return [
    ...group.slice(0, at).map((line) => [line]),
    group.slice(at, at + extra + 1),
    ...group.slice(at + extra + 1).map((line) => [line])
  ]
}

/** The column whose cell the row's extra lines join, the indicator's first, so that every value column then holds a value; undefined where none does. */
export function foldAt(group: SourceLine[], names: string[]): number | undefined {
  // Note: only a column of words holds a cell of several paragraphs; a value is printed on one line.
  const order = [...new Set([indicatorColumn(names), ...names.keys()])].filter(
    (at) => !valueColumnExpression.test(names[at]!)
  )
  return order.find((at) =>
    cellLines(group, names, at).every(
      (lines, column) => closedCellExpression(names[column]!)?.test(lines.map((line) => line.content).join('')) ?? true
    )
  )
}

/** What a cell of a column of values or of attributes holds (an attribute with its note, 预期性（引导）); undefined for a column of words. */
function closedCellExpression(name: string): RegExp | undefined {
  if (valueColumnExpression.test(name)) return valueCellExpression
  return attributeColumnExpression.test(name) ? attributeCellExpression : undefined
}
