/**
 * Tables Markdown has no syntax for, as converters print them: in HTML (a
 * table with merged cells, pandoc's `gfm` output) and as a grid of `+---+`
 * lines (pandoc's own Markdown). Both become mdast tables whose cells point
 * where they are printed, so extractors read them as any table.
 */
import type {Element} from 'hast'
import {toString as toHastString} from 'hast-util-to-string'
import type {Html, Paragraph, Table, TableCell, TableRow} from 'mdast'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import type {Point} from 'unist'
import {EXIT, visit} from 'unist-util-visit'
import type {location} from 'vfile-location'
import {expandGrid} from '../convert/html.js'

type Location = ReturnType<typeof location>

/**
 * An HTML table in Markdown as an mdast table, its merged cells expanded as
 * in HTML input (`expandGrid`), each cell positioned where its element is
 * printed; undefined for HTML that is no table.
 */
export function htmlTable(node: Html, where: Location): Table | undefined {
  const base = node.position?.start.offset
  if (base === undefined || !/<table[\s>]/i.test(node.value)) return undefined
  const fragment = unified().use(rehypeParse, {fragment: true}).parse(node.value)
  let table: Element | undefined
  visit(fragment, 'element', (element) => {
    if (element.tagName !== 'table') return undefined
    table = element
    return EXIT
  })
  if (!table) return undefined
  const pointAt = (offset: number | undefined) => (offset === undefined ? undefined : where.toPoint(base + offset))
  // Note: a row spans the cells printed in it, not those a cell above spans down to it.
  const printedAbove = new Set<Element>()
  const rows = expandGrid(table).flatMap((grid): TableRow[] => {
    const own = grid.filter((cell): cell is Element => cell !== undefined && cell.position !== undefined && !printedAbove.has(cell))
    for (const cell of own) printedAbove.add(cell)
    const first = pointAt(own[0]?.position?.start.offset)
    const last = pointAt(own.at(-1)?.position?.end.offset)
    const cells = grid.map((cell): TableCell => {
      const start = pointAt(cell?.position?.start.offset)
      const end = pointAt(cell?.position?.end.offset)
      const position = start && end ? {start, end} : undefined
      const value = cell ? toHastString(cell).replace(/[ \t\n\r\f\u00a0]+/g, ' ').trim() : ''
      return {type: 'tableCell', children: value ? [{type: 'text', value, position}] : [], position}
    })
    return first && last ? [{type: 'tableRow', children: cells, position: {start: first, end: last}}] : []
  })
  return rows.length > 0 ? {type: 'table', align: [], children: rows, position: node.position} : undefined
}

/** A grid table's rule line (`+----+---+`, `+====+===+` under the header), and a line of its cells (`| 指标 | 单位 |`). */
const ruleExpression = /^\+(?:[-=:]+\+)+$/
const cellLineExpression = /^\|.*\|$/

/**
 * A pandoc grid table (a paragraph to remark) as an mdast table: rows between
 * rule lines, each cell's text joined over the lines of its row (a CJK line
 * wraps without a space), undefined for a paragraph that is no such grid or
 * one with merged cells.
 */
export function gridTable(paragraph: Paragraph, text: string, where: Location): Table | undefined {
  const from = paragraph.position?.start.offset
  const to = paragraph.position?.end.offset
  if (from === undefined || to === undefined || text.charCodeAt(from) !== 0x2b) return undefined
  const lines: Array<{text: string; start: number}> = []
  for (let start = from; start < to; ) {
    const end = text.indexOf('\n', start)
    const stop = end === -1 || end > to ? to : end
    lines.push({text: text.slice(start, stop).replace(/\r$/, '').trim(), start: start + (text.slice(start, stop).length - text.slice(start, stop).trimStart().length)})
    start = stop + 1
  }
  if (!lines.every((line) => ruleExpression.test(line.text) || cellLineExpression.test(line.text))) return undefined
  const width = lines[0]!.text.split('+').length - 2
  const rows: TableRow[] = []
  let block: typeof lines = []
  for (const line of lines) {
    if (!ruleExpression.test(line.text)) {
      if (line.text.split('|').length - 2 !== width) return undefined
      block.push(line)
      continue
    }
    if (block.length > 0) rows.push(gridRow(block, width, where))
    block = []
  }
  return rows.length > 0 && block.length === 0 ? {type: 'table', align: [], children: rows, position: paragraph.position} : undefined
}

/** One row of a grid table from its lines: a cell a column, its parts joined. */
function gridRow(lines: Array<{text: string; start: number}>, width: number, where: Location): TableRow {
  const parts: Array<Array<{value: string; start: number}>> = Array.from({length: width}, () => [])
  for (const line of lines) {
    let offset = line.start + 1
    for (const [column, segment] of line.text.slice(1, -1).split('|').entries()) {
      const value = segment.trim()
      if (value) parts[column]!.push({value, start: offset + segment.indexOf(value)})
      offset += segment.length + 1
    }
  }
  const cells = parts.map((pieces): TableCell => {
    if (pieces.length === 0) return {type: 'tableCell', children: []}
    const last = pieces.at(-1)!
    const position = {start: where.toPoint(pieces[0]!.start) as Point, end: where.toPoint(last.start + last.value.length) as Point}
    const value = pieces.reduce((joined, piece) => joined + (isWide(joined.at(-1)) || isWide(piece.value[0]) ? '' : ' ') + piece.value, '').trim()
    return {type: 'tableCell', children: [{type: 'text', value, position}], position}
  })
  const placed = cells.filter((cell) => cell.position)
  return {type: 'tableRow', children: cells, position: placed.length > 0 ? {start: placed[0]!.position!.start, end: placed.at(-1)!.position!.end} : undefined}
}

/** Whether a character is wide (CJK): text wrapped there joins without a space. */
function isWide(character: string | undefined): boolean {
  return character === undefined || character.charCodeAt(0) >= 0x2e80
}
