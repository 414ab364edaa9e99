/**
 * `tab-separated`: one row per line, cells apart by tabs, a leading tab for
 * an empty first cell (`指标\t2020年\t2025年`, `\t其中：发明专利\t120\t200`).
 */
import type {TableRow} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {SourceLine} from '../lines.js'
import type {PointFactory} from '../point.js'
import {joinedSpanCell, row, spanCell, tableNode, textsOf, type FlatTable, type TableLayout} from './cells.js'
import {headerCellExpression, numberCellExpression} from './words.js'
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

/**
 * The next line and its cells where the row at `at` goes on there: the row
 * has two cells or more but fewer than `width` and no number past its first,
 * and the next line's cells, its first joined to the row's last, fill it.
 */
function restOfRow(
  lines: SourceLine[],
  at: number,
  spans: Array<[number, number]>,
  width: number
): [SourceLine, Array<[number, number]>] | undefined {
  if (spans.length < 2 || spans.length >= width) return undefined
  const line = lines[at]!
  if (
    textsOf(line, spans)
      .slice(1)
      .some((text) => /\d/.test(text))
  )
    return undefined
  const next = lines[at + 1]
  const nextSpans = tabSeparatedCells(next)
  return next && nextSpans && spans.length + nextSpans.length - 1 === width ? [next, nextSpans] : undefined
}

/**
 * Whether the cells are a header row — two cells or more, one of them a
 * header word, none a bare number — other than the header `first` opens
 * the table with (a header repeated after a page break goes on with it).
 */
export function isNewHeader(cells: string[], first: TableRow): boolean {
  const texts = cells.map((cell) => cell.trim()).filter((cell) => cell.length > 0)
  if (
    texts.length < 2 ||
    !texts.some((cell) => headerCellExpression.test(cell)) ||
    texts.some((cell) => numberCellExpression.test(cell))
  )
    return false
  return (
    texts.join('\t') !==
    first.children
      .map((cell) => toString(cell).trim())
      .filter((cell) => cell.length > 0)
      .join('\t')
  )
}

/**
 * A short line without tabs between two tab-separated rows: a category row
 * spanning the columns (`一、经济发展`), kept in the table as one cell.
 */
function categoryRow(lines: SourceLine[], at: number): Array<[number, number]> | undefined {
  const line = lines[at]
  if (
    !line ||
    line.kind !== 'text' ||
    line.raw.includes('\t') ||
    line.content.length > 30 ||
    /[。；，]/.test(line.content)
  )
    return undefined
  return tabSeparatedCells(lines[at + 1]) ? [[line.contentStart, line.contentEnd]] : undefined
}

function tabSeparated(lines: SourceLine[], index: number, point: PointFactory): FlatTable | undefined {
  const rows: TableRow[] = []
  let at = index
  for (
    let spans = tabSeparatedCells(lines[at]);
    spans;
    spans = tabSeparatedCells(lines[at]) ?? categoryRow(lines, at)
  ) {
    const line = lines[at]!
    const rest = rows.length > 0 ? restOfRow(lines, at, spans, rows[0]!.children.length) : undefined
    if (rest) {
      // A cell of two paragraphs broke the row over two lines: its halves make one cell.
      const [next, nextSpans] = rest
      const split = spans.at(-1)!
      const joined = joinedSpanCell(
        [
          [line, split[0], split[1]],
          [next, nextSpans[0]![0], nextSpans[0]![1]]
        ],
        point
      )
      rows.push(
        row([
          ...spans.slice(0, -1).map(([start, end]) => spanCell(line, start, end, point)),
          joined,
          ...nextSpans.slice(1).map(([start, end]) => spanCell(next, start, end, point))
        ])
      )
      at += 2
    } else {
      rows.push(row(spans.map(([start, end]) => spanCell(line, start, end, point))))
      at++
    }
    // Rows may be double-spaced; a header of its own after the blank line starts another table.
    if (lines[at]?.kind !== 'blank') continue
    const after = tabSeparatedCells(lines[at + 1])
    if (after && !isNewHeader(textsOf(lines[at + 1]!, after), rows[0]!)) at++
  }
  if (rows.length < 2) return undefined
  return {node: tableNode(rows, point(lines[index]!.start), point(lines[at - 1]!.end), 'tab-separated'), next: at}
}

/** The layout, for the list in `flat-table.ts`. */
export const layout: TableLayout = {name: 'tab-separated', applies: (_line, plain) => !plain, match: tabSeparated}
