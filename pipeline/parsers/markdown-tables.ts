/**
 * Tables Markdown has no syntax for, as converters print them: in HTML (a
 * table with merged cells, pandoc's `gfm` output) and as a grid of `+---+`
 * lines (pandoc's own Markdown, read as plain text reads it). Both become
 * mdast tables whose cells point where they are printed, so extractors read
 * them as any table.
 */
import type {Element, Text as HastText} from 'hast'
import {toString as toHastString} from 'hast-util-to-string'
import type {Html, Paragraph, Table, TableCell, TableRow} from 'mdast'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import {EXIT, visit} from 'unist-util-visit'
import {expandGrid} from '../convert/html.js'
import {matchFlatTable} from './flat-table.js'
import type {SourceLine} from './lines.js'
import type {PointFactory} from './point.js'

/**
 * An HTML table in Markdown as an mdast table, its merged cells expanded as
 * in HTML input (`expandGrid`), each cell positioned where its element is
 * printed; undefined for HTML that is no table.
 */
export function htmlTable(node: Html, point: PointFactory): Table | undefined {
  const base = node.position?.start.offset
  if (base === undefined) return undefined
  const fragment = unified().use(rehypeParse, {fragment: true}).parse(node.value)
  let table: Element | undefined
  visit(fragment, 'element', (element) => {
    if (element.tagName !== 'table') return undefined
    table = element
    return EXIT
  })
  if (!table) return undefined
  const pointAt = (offset: number | undefined) => (offset === undefined ? undefined : point(base + offset))
  // Note: a row spans the cells printed in it, not those a cell above spans down to it.
  const printedAbove = new Set<Element>()
  const rows = expandGrid(table).flatMap((grid): TableRow[] => {
    const own = grid.filter(
      (cell): cell is Element => cell !== undefined && cell.position !== undefined && !printedAbove.has(cell)
    )
    for (const cell of own) printedAbove.add(cell)
    const first = pointAt(own[0]?.position?.start.offset)
    const last = pointAt(own.at(-1)?.position?.end.offset)
    const cells = grid.map((cell): TableCell => {
      const start = pointAt(cell?.position?.start.offset)
      const end = pointAt(cell?.position?.end.offset)
      const position = start && end ? {start, end} : undefined
      const value = cell
        ? toHastString(cell)
            .replace(/[ \t\n\r\f\u00a0]+/g, ' ')
            .trim()
        : ''
      // Note: the text lies between the cell's tags: from its first piece of text to its last.
      const pieces = cell ? textPieces(cell) : []
      const textStart = pointAt(pieces[0]?.position?.start.offset)
      const textEnd = pointAt(pieces.at(-1)?.position?.end.offset)
      const textPosition = textStart && textEnd ? {start: textStart, end: textEnd} : position
      return {type: 'tableCell', children: value ? [{type: 'text', value, position: textPosition}] : [], position}
    })
    return first && last ? [{type: 'tableRow', children: cells, position: {start: first, end: last}}] : []
  })
  return rows.length > 0 ? {type: 'table', align: [], children: rows, position: node.position} : undefined
}

/** The text nodes below `element` that hold more than whitespace, in order. */
function textPieces(element: Element): HastText[] {
  const pieces: HastText[] = []
  visit(element, 'text', (node) => {
    if (node.value.trim()) pieces.push(node)
  })
  return pieces
}

/**
 * A pandoc grid table (`+---+` rule lines, a paragraph to remark) as the
 * plain-text parser reads one (`matchFlatTable`); undefined for a paragraph
 * that is no such grid.
 */
export function gridTable(paragraph: Paragraph, source: {lines: SourceLine[]; point: PointFactory}): Table | undefined {
  const line = paragraph.position?.start.line
  const end = paragraph.position?.end.offset
  if (line === undefined || end === undefined) return undefined
  const index = source.lines.findIndex((candidate) => candidate.line === line)
  const table = index === -1 ? undefined : matchFlatTable(source.lines, index, source.point)
  return table && table.node.data?.layout === 'pipe' && table.node.position!.end.offset! <= end ? table.node : undefined
}
