/**
 * `pipe`: Markdown pipe rows (`| 指标 | 2025年 |`), the separator row
 * (`|---|---|`) skipped; also a pandoc grid table (`+----+----+` rules).
 */
import type {SourceLine} from '../lines.js'
import type {PointFactory} from '../point.js'
import {
  emptyCell,
  gridRuleExpression,
  row,
  spanCell,
  spanCellOf,
  tableNode,
  type FlatTable,
  type TableLayout
} from './cells.js'
const pipeRowExpression = /^\|.*\|$/
const pipeSeparatorExpression = /^\|[\s:|-]+\|$/

/** The spans of a pipe row's cells, without their padding. */
function pipeSpans(line: SourceLine): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  let offset = line.contentStart + 1
  for (const part of line.content.slice(1, -1).split('|')) {
    const lead = /^\s*/.exec(part)?.[0].length ?? 0
    const trail = /\s*$/.exec(part.slice(lead))?.[0].length ?? 0
    spans.push([offset + lead, offset + part.length - trail])
    offset += part.length + 1
  }
  return spans
}

/**
 * Pipe rows (`| a | b |`), or a grid of them between rule lines (`+---+---+`,
 * as pandoc prints a table in plain text): in a grid a row runs from rule to
 * rule, a cell wrapped over its lines joined.
 */
function pipeTable(lines: SourceLine[], index: number, point: PointFactory): FlatTable | undefined {
  const blocks: SourceLine[][] = []
  let isGrid = false
  let isOpen = false
  let at = index
  for (
    let line = lines[at];
    line && (pipeRowExpression.test(line.content) || gridRuleExpression.test(line.content));
    line = lines[++at]
  ) {
    if (gridRuleExpression.test(line.content)) {
      isGrid = true
      isOpen = false
    } else if (!pipeSeparatorExpression.test(line.content)) {
      if (isGrid && isOpen) blocks.at(-1)!.push(line)
      else blocks.push([line])
      isOpen = true
    }
  }
  const rows = blocks.map((block) => {
    const spans = block.map(pipeSpans)
    return row(
      spans[0]!.map(([start, end], column) => {
        if (block.length === 1) return spanCell(block[0]!, start, end, point)
        const parts = block.flatMap((line, at) => {
          const span = spans[at]![column]
          return span && span[1] > span[0] ? [[line, span[0], span[1]] as [SourceLine, number, number]] : []
        })
        return parts.length === 0 ? emptyCell(block[0]!, point) : spanCellOf(parts, point)
      })
    )
  })
  if (rows.length < 2) return undefined
  return {node: tableNode(rows, point(lines[index]!.contentStart), point(lines[at - 1]!.contentEnd), 'pipe'), next: at}
}

/** The layout, for the list in `flat-table.ts`. */
export const layout: TableLayout = {name: 'pipe', applies: (_line, plain) => !plain, match: pipeTable}
