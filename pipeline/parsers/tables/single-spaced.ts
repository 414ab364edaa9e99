/**
 * `single-spaced`: a Word table saved as text, cells apart by one space,
 * ASCII or full-width (`序号 指标 2025年`), read where every row's words fall
 * into the header's columns.
 */
import type {TableRow} from 'mdast'
import type {SourceLine} from '../lines.js'
import type {PointFactory} from '../point.js'
import {cell, emptyCell, row, spanCell, tableOver, textsOf, type FlatTable, type TableLayout} from './cells.js'
import {
  categoryColumnExpression,
  headerCellExpression,
  indicatorHeaderExpression,
  sentenceExpression,
  skipBlank,
  spaceRunExpression,
  valueHeaderExpression
} from './words.js'
/** The words of a line apart by spaces, as spans. */
function wordSpans(line: SourceLine): Array<[number, number]> {
  return [...line.content.matchAll(/\S+/g)].map((match) => [
    line.contentStart + match.index,
    line.contentStart + match.index + match[0].length
  ])
}

/** A word that names a column (序号, 项目, 指标（单位）, 2025年, 发展目标): short, no number but a year. */
function isColumnName(word: string): boolean {
  if (word.length > 12 || /\d/.test(word.replace(/(?:19|20)\d{2}\s*年/g, ''))) return false
  return (
    headerCellExpression.test(word) ||
    categoryColumnExpression.test(word) ||
    indicatorHeaderExpression.test(word) ||
    valueHeaderExpression.test(word) ||
    /^(?:序号|单位|属性)/.test(word)
  )
}

/** A row's words as cells of `width` columns (see `singleSpaced`), undefined where they do not fit. */
function alignedWords(
  words: Array<[number, number]>,
  width: number,
  indicator: number,
  leavesCategory: boolean
): Array<[number, number] | undefined> | undefined {
  if (words.length === width) return words
  if (words.length === width - 1 && leavesCategory && indicator > 0) return [undefined, ...words]
  if (words.length < width || indicator === -1) return undefined
  const extra = words.length - width
  return [
    ...words.slice(0, indicator),
    [words[indicator]![0], words[indicator + extra]![1]],
    ...words.slice(indicator + extra + 1)
  ]
}

/**
 * A table whose cells are apart by single spaces (a PDF's text without its
 * layout): a header of column names only, each a word; then rows of as many
 * words — more where the indicator's name holds a space (they join in its
 * column), one fewer where a merged category is left out.
 */
function singleSpaced(lines: SourceLine[], index: number, point: PointFactory): FlatTable | undefined {
  const line = lines[index]!
  if (!isColumnName(/^\S+/.exec(line.content)?.[0] ?? '')) return undefined
  const header = wordSpans(line)
  const names = textsOf(line, header)
  if (
    header.length < 3 ||
    !names.every(isColumnName) ||
    !names.some((name) => indicatorHeaderExpression.test(name)) ||
    !names.some((name) => valueHeaderExpression.test(name))
  )
    return undefined
  // Note: beside a column of 指标, 项目 names the categories.
  const named = names.findIndex((name) => /指标|内容|名称/.test(name))
  const indicator = named !== -1 ? named : names.findIndex((name) => indicatorHeaderExpression.test(name))
  const leavesCategory = categoryColumnExpression.test(names[0]!)
  const rows = [row(header.map(([start, end]) => spanCell(line, start, end, point)))]
  let last = index
  const rowOf = (next: SourceLine | undefined): TableRow | undefined => {
    const cells =
      next?.kind === 'text' ? alignedWords(wordSpans(next), names.length, indicator, leavesCategory) : undefined
    const texts =
      next && cells ? cells.map((span) => (span ? next.raw.slice(span[0] - next.start, span[1] - next.start) : '')) : []
    // A row holds a number past its indicator, and no sentence.
    if (
      !next ||
      !cells ||
      !texts.slice(indicator + 1).some((text) => /\d/.test(text)) ||
      texts.some((text) => sentenceExpression.test(text))
    )
      return undefined
    return row(cells.map((span) => (span ? spanCell(next, span[0], span[1], point) : emptyCell(next, point))))
  }
  for (let at = skipBlank(lines, index + 1); ; at = skipBlank(lines, last + 1)) {
    const next = lines[at]
    let found = rowOf(next)
    // A category row (知识产权创造) is a short word of its own before a row.
    if (!found && next?.kind === 'text' && /^\S{2,12}$/.test(next.content) && !/\d/.test(next.content)) {
      const after = skipBlank(lines, at + 1)
      found = rowOf(lines[after])
      if (found) {
        rows.push(row([cell(next, point)]))
        at = after
      }
    }
    if (!found) break
    rows.push(found)
    last = at
  }
  return tableOver(rows, lines, index, last, point, 'space-separated')
}

/** The layout, for the list in `flat-table.ts`. */
export const layout: TableLayout = {
  name: 'single-spaced',
  applies: (line, plain) =>
    plain && !spaceRunExpression.test(line.content) && (line.content.includes(' ') || line.content.includes('\u3000')),
  match: singleSpaced
}
