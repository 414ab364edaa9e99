/**
 * `cell-per-line`: each cell on its own tab-indented line, rows separated by
 * blank lines, an empty cell as a lone tab:
 *
 *     \t序号
 *     \t指标
 *     \t2025年
 *
 *     \t1
 *     \t有效发明专利拥有量（件）
 *     \t1600
 */
import type {SourceLine} from '../lines.js'
import type {PointFactory} from '../point.js'
import {cell, cellOf, row, tableNode, type FlatTable, type TableLayout} from './cells.js'
import {foldedCells, foldedHeader, tabCellExpression} from './folded.js'
/** A cell line of the cell-per-line layout: tab-indented, possibly empty. */
function isCellLine(line: SourceLine | undefined): line is SourceLine {
  return (
    line !== undefined &&
    line.kind !== 'page-number' &&
    tabCellExpression.test(line.raw) &&
    !line.raw.slice(1).includes('\t')
  )
}

/** The rows' most common width (a category row has one cell, a row with a cell of two paragraphs one more). */
function commonWidth(rows: SourceLine[][]): number | undefined {
  const counts = new Map<number, number>()
  for (const group of rows) if (group.length >= 2) counts.set(group.length, (counts.get(group.length) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0]
}

function isSeparator(line: SourceLine | undefined): boolean {
  return line !== undefined && line.kind === 'blank' && !tabCellExpression.test(line.raw)
}

function cellPerLine(lines: SourceLine[], index: number, point: PointFactory): FlatTable | undefined {
  const groups: SourceLine[][] = []
  let at = index
  while (isCellLine(lines[at])) {
    const group: SourceLine[] = []
    while (isCellLine(lines[at])) group.push(lines[at++] as SourceLine)
    groups.push(group)
    // Rows are separated by a blank line (two where a page broke).
    let skip = at
    while (skip - at < 2 && isSeparator(lines[skip])) skip++
    if (skip === at || !isCellLine(lines[skip])) break
    at = skip
  }
  const width = groups[0]?.length ?? 0
  const full = groups.filter((group) => group.length >= 2)
  // Note: a one-cell group inside the table is a category row spanning the columns.
  if (width < 2 || full.length < 2 || full.length < groups.length * 0.6) return undefined
  const cells = full.flat().filter((line) => line.content.length > 0)
  const long = cells.filter((line) => line.content.length > 40).length
  if (long * 3 > cells.length) return undefined
  const header = foldedHeader(groups[0]!, commonWidth(groups.slice(1)) ?? width)
  const names = header.map((lines) => lines.map((line) => line.content).join(''))
  const rows = groups.map((group, at) => {
    if (at === 0) return row(header.map((lines) => cellOf(lines, point)))
    return row(group.length > names.length ? foldedCells(group, names, point) : group.map((line) => cell(line, point)))
  })
  return {node: tableNode(rows, point(lines[index]!.start), point(lines[at - 1]!.end), 'cell-per-line'), next: at}
}

/** The layout, for the list in `flat-table.ts`. */
export const layout: TableLayout = {name: 'cell-per-line', applies: (_line, plain) => !plain, match: cellPerLine}
