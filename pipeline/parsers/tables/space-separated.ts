/**
 * `space-separated`: one row per line, cells apart by two spaces or more
 * (pdftotext `-layout`, fixed-width exports), from a header row on:
 * `指标名称      2020年    2025年`.
 */
import {printedWidth, type SourceLine} from '../lines.js'
import {noteExpression} from '../outline.js'
import type {PointFactory} from '../point.js'
import {
  cell,
  emptyCell,
  row,
  spanCell,
  spanCellOf,
  tableOver,
  textsOf,
  type FlatTable,
  type TableLayout
} from './cells.js'
import {headerTailExpression} from './folded.js'
import {
  indicatorHeaderExpression,
  isStackedCell,
  numberCellExpression,
  sentenceExpression,
  skipBlank,
  spaceRunExpression,
  valueHeaderExpression
} from './words.js'
const spaceSeparatorExpression = /[ \u3000]{2,}/g

/** The spans of a line's cells apart by two spaces or more; undefined for fewer than two. */
function spaceSeparatedCells(line: SourceLine | undefined): Array<[number, number]> | undefined {
  if (!line || line.kind !== 'text' || !spaceRunExpression.test(line.content)) return undefined
  const spans: Array<[number, number]> = []
  let from = 0
  for (const separator of line.content.matchAll(spaceSeparatorExpression)) {
    spans.push([line.contentStart + from, line.contentStart + separator.index])
    from = separator.index + separator[0].length
  }
  spans.push([line.contentStart + from, line.contentEnd])
  return spans.length >= 2 ? spans : undefined
}

/** A rule of dashes, a run a column (`------ ------`). */
const dashRuleExpression = /^-{2,}(?:[ \u3000]+-{2,})+$/

/** A note under a header name (（基期）, （目标）). */
const headerNoteExpression = /^[（(][^（）()\d]{1,6}[）)]$/

/** Where `offset` is printed in `line`, in glyph widths (a wide CJK character is one, a narrow one half). */
function displayColumn(line: SourceLine, offset: number): number {
  return printedWidth(line.raw.slice(0, offset - line.start))
}

/** Where the header's names are printed: each span's first and last display column. */
function printedSpans(header: SourceLine, spans: Array<[number, number]>): Array<[number, number]> {
  return spans.map(([from, to]) => [displayColumn(header, from), displayColumn(header, to)])
}

/** The header column a cell of `row` lies under: the one whose printed span (`printedSpans`) is nearest the cell's middle. */
function nearestColumn(columns: Array<[number, number]>, row: SourceLine, [start, end]: [number, number]): number {
  const middle = (displayColumn(row, start) + displayColumn(row, end)) / 2
  let best = 0
  let distance = Infinity
  for (const [column, [left, right]] of columns.entries()) {
    const away = middle < left ? left - middle : middle > right ? middle - right : 0
    if (away < distance) {
      best = column
      distance = away
    }
  }
  return best
}

/**
 * The cells of a row under the header's columns: in order when it has as many,
 * else each under the name it lies under in the layout (a merged category
 * left blank), undefined for a column it leaves out.
 */
function alignedCells(
  headerColumns: Array<[number, number]>,
  row: SourceLine,
  cells: Array<[number, number]>
): Array<[number, number] | undefined> {
  if (cells.length >= headerColumns.length) return cells
  const columns = cells.map((span) => nearestColumn(headerColumns, row, span))
  if (columns.some((column, at) => at > 0 && column <= columns[at - 1]!)) return cells
  const aligned: Array<[number, number] | undefined> = headerColumns.map(() => undefined)
  for (const [at, column] of columns.entries()) aligned[column] = cells[at]
  return aligned
}

function spaceSeparated(lines: SourceLine[], index: number, point: PointFactory): FlatTable | undefined {
  const line = lines[index]!
  const spans = spaceSeparatedCells(line)
  if (!spans || spans.length < 3) return undefined
  const names = textsOf(line, spans)
  // A header: short column names, of the indicators and of the values, none a number.
  if (
    names.some((name) => name.length > 16 || numberCellExpression.test(name)) ||
    !names.some((name) => indicatorHeaderExpression.test(name)) ||
    !names.some((name) => valueHeaderExpression.test(name))
  )
    return undefined
  // Note: a header name may go on in a line below it (2020年 / （基期）), at its place in the layout.
  const header: Array<Array<[SourceLine, number, number]>> = spans.map(([start, end]) => [[line, start, end]])
  const headerColumns = printedSpans(line, spans)
  let last = index
  for (let at = skipBlank(lines, index + 1); at - last <= 2; at = skipBlank(lines, at + 1)) {
    const next = lines[at]
    const parts =
      next?.kind === 'text'
        ? (spaceSeparatedCells(next) ?? [[next.contentStart, next.contentEnd] as [number, number]])
        : undefined
    if (
      !next ||
      !parts ||
      !textsOf(next, parts).every(
        (text) => !/\d/.test(text) && (headerTailExpression.test(text) || headerNoteExpression.test(text))
      )
    )
      break
    const columns = parts.map((span) => nearestColumn(headerColumns, next, span))
    if (new Set(columns).size < columns.length) break
    for (const [part, column] of columns.entries()) header[column]!.push([next, ...parts[part]!])
    last = at
  }
  const rows = [row(header.map((parts) => spanCellOf(parts, point)))]
  for (let at = skipBlank(lines, last + 1); ; at = skipBlank(lines, last + 1)) {
    // Note: a rule of dashes under the header or the last row (pandoc's simple tables) is no row.
    if (lines[at] && dashRuleExpression.test(lines[at]!.content)) {
      last = at
      continue
    }
    let next = lines[at]
    let cells = spaceSeparatedCells(next)
    // A category row (知识产权创造) is a short line of its own before a row.
    if (
      !cells &&
      isStackedCell(next, true) &&
      next.content.length <= 30 &&
      spaceSeparatedCells(lines[skipBlank(lines, at + 1)])
    ) {
      rows.push(row([cell(next, point)]))
      at = skipBlank(lines, at + 1)
      next = lines[at]
      cells = spaceSeparatedCells(next)
    }
    const texts = next && cells ? textsOf(next, cells) : []
    // A row holds a number past its first cell, and no sentence (（一）提升创造质量  到2025年，培育…。).
    if (
      !next ||
      !cells ||
      !texts.slice(1).some((text) => /\d/.test(text)) ||
      texts.some((text) => text.length > 40 || sentenceExpression.test(text) || noteExpression.test(text))
    )
      break
    rows.push(
      row(
        alignedCells(headerColumns, next, cells).map((span) =>
          span ? spanCell(next, span[0], span[1], point) : emptyCell(next, point)
        )
      )
    )
    last = at
  }
  return tableOver(rows, lines, index, last, point, 'space-separated')
}

/** The layout, for the list in `flat-table.ts`. */
export const layout: TableLayout = {
  name: 'space-separated',
  applies: (line, plain) => plain && spaceRunExpression.test(line.content),
  match: spaceSeparated
}
