/**
 * Markdown input: remark-parse + remark-gfm, then the outline markers of the
 * headings read as in plain text, so both give the same node shapes.
 */
import type {Heading, Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified, type Plugin} from 'unified'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import {matchOutlineMarker} from './outline.js'
import './mdast-data.js'

/** Plugin: number and rank the headings by their outline markers; depth by rank. */
export const policyMarkdownOutline: Plugin<[], Root> = function () {
  return function (tree) {
    const ranks = new Set<number>()
    const headings: Heading[] = []
    visit(tree, 'heading', function (node) {
      const marker = matchOutlineMarker(toString(node).trim())
      node.data = {...node.data, number: marker?.number ?? null, rank: marker?.rank ?? -1, markdownDepth: node.depth}
      if (marker) stripMarker(node, marker.length)
      ranks.add(marker?.rank ?? -1)
      headings.push(node)
    })
    const order = [...ranks].sort((a, b) => a - b)
    for (const node of headings) node.depth = Math.min(6, order.indexOf(node.data?.rank ?? -1) + 1) as Heading['depth']
    visit(tree, 'table', function (node) {
      node.data = {...node.data, layout: 'gfm'}
    })
  }
}

/** Remove the marker from the heading's first text node, keeping positions exact. */
function stripMarker(node: Heading, length: number): void {
  const first = node.children[0]
  if (first?.type !== 'text' || first.value.length < length) return
  first.value = first.value.slice(length)
  const start = first.position?.start
  if (start && start.offset !== undefined) first.position!.start = {line: start.line, column: start.column + length, offset: start.offset + length}
}

/** Parse Markdown text into mdast with our heading data. */
export function parseMarkdown(text: string): Root {
  const processor = unified().use(remarkParse).use(remarkGfm).use(policyMarkdownOutline)
  const tree = processor.parse(text)
  return processor.runSync(tree)
}
