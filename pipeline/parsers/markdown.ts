/**
 * Markdown input: remark-parse + remark-gfm, then the outline markers of the
 * headings read as in plain text, so both give the same node shapes; a
 * paragraph that opens with a marker is a heading, as in plain text, a
 * table printed in HTML (merged cells) is read as a table, and a table of one
 * column (a framed 专栏 box) is its rows as paragraphs.
 */
import type {Heading, Paragraph, PhrasingContent, Root, RootContent, Table, Text} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkCjkFriendly from 'remark-cjk-friendly'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified, type Plugin} from 'unified'
import type {Position} from 'unist'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {splitLines, type SourceLine} from './lines.js'
import {gridTable, htmlTable} from './markdown-tables.js'
import {
  bareSectionRank,
  isBareSectionTitle,
  isItemText,
  matchOutlineMarker,
  maximumHeadingLength,
  numbersSection,
  runInStop
} from './outline.js'
import './mdast-data.js'
import {pointFactory, type PointFactory} from './point.js'

/** An HTML line break inside Markdown (`<br>`, `<br/>`). */
const breakExpression = /^<br\s*\/?>$/i

/** Plugin: number and rank the headings by their outline markers; depth by rank. */
export const policyMarkdownOutline: Plugin<[], Root> = function () {
  return function (tree, file) {
    // Note: converters print tables Markdown has no syntax for as HTML (merged cells) or as a
    // grid of +---+ lines (pandoc): read as the tables they are. The text's lines (the plain-text
    // parser's, for its points) are split only for such a block.
    let source: {lines: SourceLine[]; point: PointFactory} | undefined
    const linesOf = () => {
      if (source) return source
      const lines = splitLines(String(file.value))
      return (source = {lines, point: pointFactory(lines)})
    }
    tree.children = tree.children.map((node) => {
      if (node.type === 'html')
        return /<table[\s>]/i.test(node.value) ? (htmlTable(node, linesOf().point) ?? node) : node
      return node.type === 'paragraph' && /^\+[-=]/.test(toString(node)) ? (gridTable(node, linesOf()) ?? node) : node
    })
    let frames = 0
    // Note: where neither sections nor their parts are numbered, a section's bare name in bold (**发展目标**) is its heading, as in plain text.
    const isUnnumbered = !tree.children.some(
      (node) => (node.type === 'paragraph' || node.type === 'heading') && numbersSection(toString(node).trim())
    )
    tree.children = tree.children.flatMap((node) =>
      node.type === 'paragraph'
        ? promote(node, isUnnumbered)
        : node.type === 'table' && isFrame(node)
          ? framed(node, frames++)
          : [node]
    )
    const ranks = new Set<number>()
    const headings: Heading[] = []
    visit(tree, 'heading', function (node) {
      const marker = matchOutlineMarker(toString(node).trim())
      node.data = {
        ...node.data,
        number: marker?.number ?? null,
        rank: marker?.rank ?? node.data?.rank ?? -1,
        markdownDepth: node.depth
      }
      if (marker) stripMarker(node, marker.length)
      dropClosingMark(node.children)
      ranks.add(node.data.rank ?? -1)
      headings.push(node)
    })
    const order = [...ranks].sort((a, b) => a - b)
    for (const node of headings) node.depth = Math.min(6, order.indexOf(node.data?.rank ?? -1) + 1) as Heading['depth']
    visit(tree, 'table', function (node) {
      node.data = {...node.data, layout: 'gfm'}
    })
    // Note: a cell printed in two lines comes as `每万人口高价值<br>发明专利拥有量`: the break is no part of its text.
    visit(tree, 'html', function (node, index, parent) {
      if (parent && index !== undefined && breakExpression.test(node.value)) {
        parent.children.splice(index, 1)
        return index
      }
      return undefined
    })
  }
}

/**
 * A paragraph that opens with an outline marker, as Word documents converted
 * to Markdown print their headings (`**一、发展基础**`), becomes a heading, as
 * the same line of plain text would. A run-in title in bold
 * (`**（一）指导思想。**以……`) becomes the heading, and the rest a paragraph.
 */
function promote(paragraph: Paragraph, isUnnumbered: boolean): RootContent[] {
  const text = toString(paragraph).trim()
  const marker = matchOutlineMarker(text)
  if (!marker) {
    const only = paragraph.children.length === 1 ? paragraph.children[0] : undefined
    return isUnnumbered && only?.type === 'strong' && isBareSectionTitle(text) ? [bareHeading(paragraph)] : [paragraph]
  }
  const rest = text.slice(marker.length)
  const stop = runInStop(rest)
  if (isItemText(rest, stop)) return [paragraph]
  if (stop === -1 || rest.slice(stop + 1).trim().length === 0) {
    return rest.length <= maximumHeadingLength + 1 ? [heading(paragraph.children, paragraph.position)] : [paragraph]
  }
  if (stop > maximumHeadingLength) return [paragraph]
  const printed = toString(paragraph)
  const split = splitAt(paragraph.children, printed.length - printed.trimStart().length + marker.length + stop)
  if (!split || split[1].length === 0) return [paragraph]
  const [title, body] = split
  const bodyStart = body[0]!.position?.start
  const titleStart = title[0]?.position?.start
  const titleEnd = title.at(-1)?.position?.end
  return [
    heading(title, titleStart && titleEnd ? {start: titleStart, end: titleEnd} : undefined),
    {
      type: 'paragraph',
      children: body,
      position: bodyStart && paragraph.position ? {start: bodyStart, end: paragraph.position.end} : undefined
    }
  ]
}

/**
 * A run-in title's runs and the body's, cut at the character `stop` of their
 * text (the 。 or ： that ends the title, dropped): a text run is cut in two
 * (`（一）**提升创造质量**。到2023年底…`), a bold run must end with it
 * (`**（一）指导思想。**以…`). Undefined where the cut cannot keep positions exact.
 */
function splitAt(children: PhrasingContent[], stop: number): [PhrasingContent[], PhrasingContent[]] | undefined {
  let at = 0
  for (const [index, child] of children.entries()) {
    const length = toString(child).length
    if (at + length <= stop) {
      at += length
      continue
    }
    const cut = stop - at
    if (child.type !== 'text')
      return cut === length - 1 ? [children.slice(0, index + 1), children.slice(index + 1)] : undefined
    if (child.value.slice(0, cut + 1).includes('\n')) return undefined
    const title = cut > 0 ? [textSlice(child, 0, cut)] : []
    const body = cut + 1 < length ? [textSlice(child, cut + 1, length)] : []
    return [
      [...children.slice(0, index), ...title],
      [...body, ...children.slice(index + 1)]
    ]
  }
  return undefined
}

/** Characters `from` to `to` of a text run on one line, with their position. */
function textSlice(node: Text, from: number, to: number): Text {
  const start = node.position?.start
  const shifted = (by: number) =>
    start && start.offset !== undefined
      ? {line: start.line, column: start.column + by, offset: start.offset + by}
      : undefined
  const begin = shifted(from)
  const end = shifted(to)
  return {type: 'text', value: node.value.slice(from, to), ...(begin && end ? {position: {start: begin, end}} : {})}
}

/** A section's bold bare name as its heading, ranked as 一、 would number it. */
function bareHeading(paragraph: Paragraph): Heading {
  const node = heading(paragraph.children, paragraph.position)
  node.data = {number: null, rank: bareSectionRank}
  return node
}

/** A table of one column: a frame around text (a 专栏 box as Word prints it), not a table of data. */
function isFrame(table: Table): boolean {
  return table.children.length > 0 && table.children.every((row) => row.children.length === 1)
}

/** The rows of a frame as paragraphs, indented as a box's lines are, and marked with the frame they share. */
function framed(table: Table, frame: number): Paragraph[] {
  return table.children
    .map((row) => row.children[0]!)
    .filter((cell) => toString(cell).trim().length > 0)
    .map((cell) => ({
      type: 'paragraph',
      children: cell.children,
      position: cell.position,
      data: {isIndented: true, frame}
    }))
}

/** A heading of `children`, a lone bold or italic run unwrapped. */
function heading(children: PhrasingContent[], position: Position | undefined): Heading {
  const inner =
    children.length === 1 && (children[0]!.type === 'strong' || children[0]!.type === 'emphasis')
      ? children[0]!.children
      : children
  return {type: 'heading', depth: 1, children: inner, position}
}

/** Drop the 。；or ： closing a heading's title (`## 二、主要目标：`), keeping positions exact. */
function dropClosingMark(children: PhrasingContent[]): void {
  const last = children.at(-1)
  if (last?.type !== 'text' || !/[。；：:]$/.test(last.value)) return
  last.value = last.value.slice(0, -1)
  const end = last.position?.end
  if (end && end.offset !== undefined)
    last.position!.end = {line: end.line, column: end.column - 1, offset: end.offset - 1}
}

/** Remove the marker from the heading's first text node, keeping positions exact. */
function stripMarker(node: Heading, length: number): void {
  const first = node.children[0]
  if (first?.type !== 'text' || first.value.length < length) return
  first.value = first.value.slice(length)
  const start = first.position?.start
  if (start && start.offset !== undefined)
    first.position!.start = {line: start.line, column: start.column + length, offset: start.offset + length}
}

/** Parse Markdown text into mdast with our heading data. */
export function parseMarkdown(text: string): Root {
  // Note: remark-cjk-friendly reads `**（一）主要目标。**到2025年…` as bold; plain CommonMark leaves the asterisks.
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly).use(policyMarkdownOutline)
  const file = new VFile(text)
  return processor.runSync(processor.parse(file), file)
}
