/**
 * What every table layout builds: mdast `table`, row and cell nodes whose
 * positions are the exact source spans, and the shape of a layout.
 */
import type {Table, TableCell, TableRow} from 'mdast'
import type {Point} from 'unist'
import type {SourceLine} from '../lines.js'
import type {PointFactory} from '../point.js'
/** A table found in the lines, and the index past its last line. */
export interface FlatTable {
  node: Table
  next: number
}

export function tableNode(
  rows: TableRow[],
  start: Point,
  end: Point,
  layout: NonNullable<NonNullable<Table['data']>['layout']>
): Table {
  return {type: 'table', align: [], children: rows, position: {start, end}, data: {layout}}
}

/** The table of `rows` read from line `first` to line `last`, when it has three rows or more (a header and two). */
export function tableOver(
  rows: TableRow[],
  lines: SourceLine[],
  first: number,
  last: number,
  point: PointFactory,
  layout: NonNullable<NonNullable<Table['data']>['layout']>
): FlatTable | undefined {
  if (rows.length < 3) return undefined
  return {
    node: tableNode(rows, point(lines[first]!.contentStart), point(lines[last]!.contentEnd), layout),
    next: last + 1
  }
}

/** A row of cells (never none: every layout gives a row one cell or more). */
export function row(cells: TableCell[]): TableRow {
  // Note: built whole, so that every row has the same shape (a property added later gives V8 a second one).
  return {
    type: 'tableRow',
    children: cells,
    position: {start: cells[0]!.position!.start, end: cells.at(-1)!.position!.end}
  }
}

export function cell(line: SourceLine, point: PointFactory): TableCell {
  return spanCell(line, line.contentStart, line.contentEnd, point)
}

export function spanCell(line: SourceLine, start: number, end: number, point: PointFactory): TableCell {
  const value = line.raw.slice(start - line.start, end - line.start)
  const position = {start: point(start), end: point(end)}
  return {
    type: 'tableCell',
    children: value.length > 0 ? [{type: 'text', value, position}] : [],
    position
  }
}

/** An empty cell at the end of `line` (a merged cell a stacked row leaves out). */
export function emptyCell(line: SourceLine, point: PointFactory): TableCell {
  return spanCell(line, line.contentEnd, line.contentEnd, point)
}

export function joinedSpanCell(parts: Array<[SourceLine, number, number]>, point: PointFactory): TableCell {
  const texts = parts.filter(([, start, end]) => end > start)
  return {
    type: 'tableCell',
    children: texts.map(([line, start, end]) => ({
      type: 'text',
      value: line.raw.slice(start - line.start, end - line.start),
      position: {start: point(start), end: point(end)}
    })),
    position: {start: point(parts[0]![1]), end: point(parts.at(-1)![2])}
  }
}

/** One cell of pieces on several lines: a text node a piece, the position over them all. */
/** A cell of one span or of several (a cell printed over lines). */
export function spanCellOf(parts: Array<[SourceLine, number, number]>, point: PointFactory): TableCell {
  return parts.length === 1 ? spanCell(parts[0]![0], parts[0]![1], parts[0]![2], point) : joinedSpanCell(parts, point)
}

export function textsOf(line: SourceLine, spans: Array<[number, number]>): string[] {
  return spans.map(([start, end]) => line.raw.slice(start - line.start, end - line.start))
}

/** A cell of one line or of several. */
export function cellOf(lines: SourceLine[], point: PointFactory): TableCell {
  return lines.length === 1 ? cell(lines[0]!, point) : joinedCell(lines, point)
}

/** One cell of several lines: a text node a line, the position over them all. */
function joinedCell(parts: SourceLine[], point: PointFactory): TableCell {
  return joinedSpanCell(
    parts.map((line) => [line, line.contentStart, line.contentEnd]),
    point
  )
}

/**
 * One way a conversion prints a table as plain text. `applies` is a cheap
 * look at the line a table would start on; `match` reads the table there, or
 * gives undefined.
 */
export interface TableLayout {
  name: string
  /** Whether the layout may start at `line`; `plain` is `isPlain(line)`, worked out once for all layouts. */
  applies(line: SourceLine, plain: boolean): boolean
  match(lines: SourceLine[], index: number, point: PointFactory): FlatTable | undefined
}

/** Whether a line is plain text: no tab, no pipe row, no grid rule (`+---+`). */
export function isPlain(line: SourceLine): boolean {
  return (
    !line.raw.includes('\t') &&
    line.content.charCodeAt(0) !== 0x7c &&
    !(line.content.charCodeAt(0) === 0x2b && gridRuleExpression.test(line.content))
  )
}

/** A grid table's rule line: `+----+---+`, `+====+===+` under the header. */
export const gridRuleExpression = /^\+(?:[-=:]+\+)+$/
