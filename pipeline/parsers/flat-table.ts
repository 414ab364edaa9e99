/**
 * Recognise tables that a PDF/Word conversion flattened into plain text,
 * and build mdast `table` nodes whose cells point at the exact source spans.
 *
 * Three layouts are recognised:
 * - `cell-per-line`: each cell on its own tab-indented line, rows separated
 *   by blank lines, an empty cell as a lone tab;
 * - `tab-separated`: one row per line, cells separated by tabs, a leading tab
 *   for an empty first cell;
 * - `pipe`: Markdown pipe rows (`| a | b |`), the separator row skipped.
 */
import type {Table, TableCell, TableRow} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Point} from 'unist'
import type {SourceLine} from './lines.js'
import type {PointFactory} from './point.js'

/** A table found in the lines, and the index past its last line. */
export interface FlatTable {
  node: Table
  next: number
}

const tabCellExpression = /^\t/
const pipeRowExpression = /^\|.*\|$/
const pipeSeparatorExpression = /^\|[\s:|-]+\|$/

/** Try every layout at `index`. */
export function matchFlatTable(lines: SourceLine[], index: number, point: PointFactory): FlatTable | undefined {
  const line = lines[index]
  // Note: every layout starts on a line that holds a tab or opens with a pipe; most lines do neither.
  if (!line || (!line.raw.includes('\t') && line.content.charCodeAt(0) !== 0x7c)) return undefined
  return cellPerLine(lines, index, point) ?? tabSeparated(lines, index, point) ?? pipeTable(lines, index, point)
}

/** A cell line of the cell-per-line layout: tab-indented, possibly empty. */
function isCellLine(line: SourceLine | undefined): line is SourceLine {
  return line !== undefined && line.kind !== 'page-number' && tabCellExpression.test(line.raw) && !line.raw.slice(1).includes('\t')
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
  const rows = groups.map((group) => row(group.map((line) => cell(line, point))))
  return {node: tableNode(rows, point(lines[index]!.start), point(lines[at - 1]!.end), 'cell-per-line'), next: at}
}

function isSeparator(line: SourceLine | undefined): boolean {
  return line !== undefined && line.kind === 'blank' && !tabCellExpression.test(line.raw)
}

function tabSeparatedCells(line: SourceLine | undefined): Array<[number, number]> | undefined {
  if (!line || line.kind !== 'text' || !line.raw.includes('\t')) return undefined
  const raw = line.raw.replace(/[ \u3000]+$/, '')
  const parts = raw.split('\t')
  if (parts.filter((part) => part.trim().length > 0).length < 2) return undefined
  const spans: Array<[number, number]> = []
  let offset = line.start
  for (const part of parts) {
    const lead = /^[ \u3000]*/.exec(part)?.[0].length ?? 0
    const trail = /[ \u3000]*$/.exec(part.slice(lead))?.[0].length ?? 0
    spans.push([offset + lead, offset + part.length - trail])
    offset += part.length + 1
  }
  return spans
}

function tabSeparated(lines: SourceLine[], index: number, point: PointFactory): FlatTable | undefined {
  const rows: TableRow[] = []
  let at = index
  for (let spans = tabSeparatedCells(lines[at]); spans; spans = tabSeparatedCells(lines[at]) ?? categoryRow(lines, at)) {
    const line = lines[at]!
    rows.push(row(spans.map(([start, end]) => spanCell(line, start, end, point))))
    at++
    // Rows may be double-spaced; a header of its own after the blank line starts another table.
    if (lines[at]?.kind !== 'blank') continue
    const after = tabSeparatedCells(lines[at + 1])
    if (after && !isNewHeader(textsOf(lines[at + 1]!, after), rows[0]!)) at++
  }
  if (rows.length < 2) return undefined
  return {node: tableNode(rows, point(lines[index]!.start), point(lines[at - 1]!.end), 'tab-separated'), next: at}
}

function textsOf(line: SourceLine, spans: Array<[number, number]>): string[] {
  return spans.map(([start, end]) => line.raw.slice(start - line.start, end - line.start))
}

/** Header words a cell of a header row is (序号, 指标, 单位, 2025年目标值 …). */
const headerCellExpression = /^(?:序号|编号|指标|指标名称|主要指标|单位|计量单位|类别|分类|属性|指标属性|(?:19|20)\d{2}\s*年.{0,6})$/
const bareNumberExpression = /^[<>≤≥＜＞]?\s*\d+(?:\.\d+)?\s*[%％]?$/

/**
 * Whether the cells are a header row — two cells or more, one of them a
 * header word, none a bare number — other than the header `first` opens
 * the table with (a header repeated after a page break goes on with it).
 */
export function isNewHeader(cells: string[], first: TableRow): boolean {
  const texts = cells.map((cell) => cell.trim()).filter((cell) => cell.length > 0)
  if (texts.length < 2 || !texts.some((cell) => headerCellExpression.test(cell)) || texts.some((cell) => bareNumberExpression.test(cell))) return false
  return texts.join('\t') !== first.children.map((cell) => toString(cell).trim()).filter((cell) => cell.length > 0).join('\t')
}

/**
 * A short line without tabs between two tab-separated rows: a category row
 * spanning the columns (`一、经济发展`), kept in the table as one cell.
 */
function categoryRow(lines: SourceLine[], at: number): Array<[number, number]> | undefined {
  const line = lines[at]
  if (!line || line.kind !== 'text' || line.raw.includes('\t') || line.content.length > 30 || /[。；，]/.test(line.content)) return undefined
  return tabSeparatedCells(lines[at + 1]) ? [[line.contentStart, line.contentEnd]] : undefined
}

function pipeTable(lines: SourceLine[], index: number, point: PointFactory): FlatTable | undefined {
  const rows: TableRow[] = []
  let at = index
  for (let line = lines[at]; line && pipeRowExpression.test(line.content); line = lines[++at]) {
    if (pipeSeparatorExpression.test(line.content)) continue
    const spans: Array<[number, number]> = []
    let offset = line.contentStart + 1
    for (const part of line.content.slice(1, -1).split('|')) {
      const lead = /^\s*/.exec(part)?.[0].length ?? 0
      const trail = /\s*$/.exec(part.slice(lead))?.[0].length ?? 0
      spans.push([offset + lead, offset + part.length - trail])
      offset += part.length + 1
    }
    rows.push(row(spans.map(([start, end]) => spanCell(line, start, end, point))))
  }
  if (rows.length < 2) return undefined
  return {node: tableNode(rows, point(lines[index]!.contentStart), point(lines[at - 1]!.contentEnd), 'pipe'), next: at}
}

function tableNode(rows: TableRow[], start: Point, end: Point, layout: 'cell-per-line' | 'tab-separated' | 'pipe'): Table {
  return {type: 'table', align: [], children: rows, position: {start, end}, data: {layout}}
}

/** A row of cells (never none: every layout gives a row one cell or more). */
function row(cells: TableCell[]): TableRow {
  // Note: built whole, so that every row has the same shape (a property added later gives V8 a second one).
  return {type: 'tableRow', children: cells, position: {start: cells[0]!.position!.start, end: cells.at(-1)!.position!.end}}
}

function cell(line: SourceLine, point: PointFactory): TableCell {
  return spanCell(line, line.contentStart, line.contentEnd, point)
}

function spanCell(line: SourceLine, start: number, end: number, point: PointFactory): TableCell {
  const value = line.raw.slice(start - line.start, end - line.start)
  const position = {start: point(start), end: point(end)}
  return {
    type: 'tableCell',
    children: value.length > 0 ? [{type: 'text', value, position}] : [],
    position
  }
}
