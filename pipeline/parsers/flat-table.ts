/**
 * Recognise tables that a PDF/Word conversion flattened into plain text,
 * and build mdast `table` nodes whose cells point at the exact source spans.
 *
 * Three layouts are recognised:
 * - `cell-per-line`: each cell on its own tab-indented line, rows separated
 *   by blank lines, an empty cell as a lone tab;
 * - `tab-separated`: one row per line, cells separated by tabs, a leading tab
 *   for an empty first cell;
 * - `pipe`: Markdown pipe rows (`| a | b |`), the separator row skipped;
 * - `stacked`: each cell on a line of its own without tabs, as copying a
 *   table from a web page or a PDF gives: a header of three cells or more
 *   (序号 / 指标名称 / 2020年 / 2025年 / 属性), then rows of as many lines — or,
 *   under a 序号 column, each row from its number to the next;
 * - `space-separated`: one row per line, cells apart by two spaces or more
 *   (pdftotext `-layout`, fixed-width exports), from a header row on.
 */
import type {Table, TableCell, TableRow} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Point} from 'unist'
import {printedWidth, type SourceLine} from './lines.js'
import {arabicMarkerRank, matchOutlineMarker, noteExpression} from './outline.js'
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
  if (!line) return undefined
  // Note: the other layouts start on a line that holds a tab or opens with a pipe; most lines do neither.
  if (
    !line.raw.includes('\t') &&
    line.content.charCodeAt(0) !== 0x7c &&
    !(line.content.charCodeAt(0) === 0x2b && gridRuleExpression.test(line.content))
  ) {
    const table = isStackedHeaderCell(line) ? stacked(lines, index, point) : undefined
    // Note: cells apart by one space, ASCII or full-width (a Word table saved as text prints either).
    return (
      table ??
      (spaceRunExpression.test(line.content)
        ? spaceSeparated(lines, index, point)
        : line.content.includes(' ') || line.content.includes('\u3000')
          ? singleSpaced(lines, index, point)
          : undefined)
    )
  }
  // Note: cells a line, each tab-indented, with no blank line between rows: a stacked table.
  return (
    cellPerLine(lines, index, point) ??
    tabSeparated(lines, index, point) ??
    pipeTable(lines, index, point) ??
    (isStackedHeaderCell(line) ? stacked(lines, index, point) : undefined)
  )
}

/** A cell line of the cell-per-line layout: tab-indented, possibly empty. */
function isCellLine(line: SourceLine | undefined): line is SourceLine {
  return (
    line !== undefined &&
    line.kind !== 'page-number' &&
    tabCellExpression.test(line.raw) &&
    !line.raw.slice(1).includes('\t')
  )
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

/** The second line of a header cell of two paragraphs: a bracket (（单位）, （%）) or what names a year's column (目标值, 预期目标, 完成值, 基数, 完成). */
const headerTailExpression =
  /^[（(〔［\[]|^(?:目标|预期|规划|完成|实际|基期|现状)?值$|^(?:预期|规划)?目标$|^(?:基数|基期|完成|实际|现状|预计)$/

/** The rows' most common width (a category row has one cell, a row with a cell of two paragraphs one more). */
function commonWidth(rows: SourceLine[][]): number | undefined {
  const counts = new Map<number, number>()
  for (const group of rows) if (group.length >= 2) counts.set(group.length, (counts.get(group.length) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0]
}

/**
 * The header's cells as lines: where the rows are `width` cells, narrower
 * than the header, a name printed in two paragraphs (2025年 / 目标值, 指标 /
 * （单位）) is one cell.
 */
function foldedHeader(header: SourceLine[], width: number): SourceLine[][] {
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
function foldedCells(group: SourceLine[], names: string[], point: PointFactory): TableCell[] {
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
function foldAt(group: SourceLine[], names: string[]): number | undefined {
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

/** A cell of one line or of several. */
function cellOf(lines: SourceLine[], point: PointFactory): TableCell {
  return lines.length === 1 ? cell(lines[0]!, point) : joinedCell(lines, point)
}

/** One cell of several lines: a text node a line, the position over them all. */
function joinedCell(parts: SourceLine[], point: PointFactory): TableCell {
  return joinedSpanCell(
    parts.map((line) => [line, line.contentStart, line.contentEnd]),
    point
  )
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

/** One cell of pieces on several lines: a text node a piece, the position over them all. */
/** A cell of one span or of several (a cell printed over lines). */
function spanCellOf(parts: Array<[SourceLine, number, number]>, point: PointFactory): TableCell {
  return parts.length === 1 ? spanCell(parts[0]![0], parts[0]![1], parts[0]![2], point) : joinedSpanCell(parts, point)
}

function joinedSpanCell(parts: Array<[SourceLine, number, number]>, point: PointFactory): TableCell {
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

function textsOf(line: SourceLine, spans: Array<[number, number]>): string[] {
  return spans.map(([start, end]) => line.raw.slice(start - line.start, end - line.start))
}

/** Header words a cell of a header row is (序号, 指标, 单位, 2025年目标值 …). */
const headerCellExpression =
  /^(?:序号|编号|(?:主要|具体|核心)?指标(?:名称|内容)?|单位|计量单位|类别|分类|领域|维度|方面|属性|指标属性|(?:现状|基期|目标|预期|规划)值|预期目标|规划目标|基数|(?:19|20)\d{2}\s*年.{0,6})$/
/** A cell that is a value (a number, with a bound or a per cent): never a header. */
const numberCellExpression = /^[<>≤≥＜＞]?\s*\d+(?:\.\d+)?\s*[%％]?$/

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

/** A grid table's rule line: `+----+---+`, `+====+===+` under the header. */
const gridRuleExpression = /^\+(?:[-=:]+\+)+$/

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

/** A header cell of a stacked table: a column name (序号, 指标名称, 计量单位, 2025年目标值, 年均增长（%）, 属性 …). */
const stackedHeaderExpression =
  /序号|编号|类别|分类|领域|项目|指标|名称|内容|单位|属性|性质|备注|(?:19|20)\d{2}\s*年|基期|基数|基准|现状|目标|规划|预期|年均|累计|完成|进度|情况|状态/
/** A first column of categories, whose merged cells a stacked row may leave out. */
const categoryColumnExpression = /^(?:类别|分类|领域|项目|方面|类型)$/
/** A value cell: a number, maybe bracketed or with a comparator (〔60〕, ≥20), or a dash for none. */
const valueLineExpression = /^(?:[<>≤≥＜＞〔［\[（(]?\s*\d|[—\-－–]+$)/

function isValueLine(line: SourceLine | undefined): boolean {
  return line !== undefined && line.kind === 'text' && valueLineExpression.test(line.content)
}

/** The name of a table's first column (序号, 类别, 指标名称 …). */
const firstColumnExpression =
  /^(?:序号|编号|类别|分类|领域|项目|方面|类型|(?:一级)?指标(?:名称)?(?:[（(]单位[）)])?|名称|内容)$/
/** A header names the indicators and the values (a year, 目标, 预期). */
const indicatorHeaderExpression = /指标|项目|内容|名称/
const valueHeaderExpression = /(?:19|20)\d{2}|目标|预期/
const serialHeaderExpression = /^(?:序号|编号)$/
/** The most columns a stacked table has (a header of more lines is a list, not a table). */
const maximumStackedWidth = 16
const serialExpression = /^\d{1,3}$/
/** What never is a cell: a sentence. */
const sentenceExpression = /[。；;]/

function isStackedHeaderCell(line: SourceLine | undefined): boolean {
  return (
    line !== undefined &&
    line.kind === 'text' &&
    line.content.length <= 16 &&
    !line.content.includes('\t') &&
    stackedHeaderExpression.test(line.content)
  )
}

function isStackedCell(line: SourceLine | undefined, mayBeCategory: boolean): line is SourceLine {
  return (
    line !== undefined &&
    line.kind === 'text' &&
    line.content.length <= 40 &&
    !line.content.includes('\t') &&
    !sentenceExpression.test(line.content) &&
    !noteExpression.test(line.content) &&
    (mayBeCategory || !isHeadingMarked(line.content))
  )
}

/** Whether a line opens with a heading's marker (三、 （一） 第三章): the text after a table, never a cell of it — but a category row may. */
function isHeadingMarked(text: string): boolean {
  return (matchOutlineMarker(text)?.rank ?? arabicMarkerRank) < arabicMarkerRank
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

/** The index of the first line at or after `from` that is neither blank nor a page number or running head (a page broke the table). */
function skipBlank(lines: SourceLine[], from: number): number {
  let at = from
  while (
    lines[at]?.kind === 'blank' ||
    lines[at]?.kind === 'running-head' ||
    (lines[at]?.kind === 'page-number' && !serialExpression.test(lines[at]!.content))
  )
    at++
  return at
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
  if (rows.length < 3) return undefined
  return {
    node: tableNode(rows, point(lines[index]!.contentStart), point(lines[last]!.contentEnd), 'stacked'),
    next: last + 1
  }
}

const spaceRunExpression = /[ \u3000]{2}/
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
  if (rows.length < 3) return undefined
  return {
    node: tableNode(rows, point(line.contentStart), point(lines[last]!.contentEnd), 'space-separated'),
    next: last + 1
  }
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

/** The words of a line apart by spaces, as spans. */
function wordSpans(line: SourceLine): Array<[number, number]> {
  return [...line.content.matchAll(/\S+/g)].map((match) => [
    line.contentStart + match.index,
    line.contentStart + match.index + match[0].length
  ])
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
  if (rows.length < 3) return undefined
  return {
    node: tableNode(rows, point(line.contentStart), point(lines[last]!.contentEnd), 'space-separated'),
    next: last + 1
  }
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

/** Past the header `names` printed again at `at` (a page broke the table), or undefined. */
function repeatedHeaderEnd(lines: SourceLine[], at: number, names: string[]): number | undefined {
  let next = at
  for (const name of names) {
    if (lines[next]?.content !== name) return undefined
    next = skipBlank(lines, next + 1)
  }
  return next
}

/** An empty cell at the end of `line` (a merged cell a stacked row leaves out). */
function emptyCell(line: SourceLine, point: PointFactory): TableCell {
  return spanCell(line, line.contentEnd, line.contentEnd, point)
}

function tableNode(
  rows: TableRow[],
  start: Point,
  end: Point,
  layout: NonNullable<NonNullable<Table['data']>['layout']>
): Table {
  return {type: 'table', align: [], children: rows, position: {start, end}, data: {layout}}
}

/** A row of cells (never none: every layout gives a row one cell or more). */
function row(cells: TableCell[]): TableRow {
  // Note: built whole, so that every row has the same shape (a property added later gives V8 a second one).
  return {
    type: 'tableRow',
    children: cells,
    position: {start: cells[0]!.position!.start, end: cells.at(-1)!.position!.end}
  }
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
