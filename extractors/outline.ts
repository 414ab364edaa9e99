/**
 * The heading outline: a tree of sections with stable ids (`s3.1`: the third
 * top-level section, its first child), which every other item points to.
 */
import type {Heading, Root} from 'mdast'
import type {Plugin} from 'unified'
import type {Section} from '../schemas/record.js'
import {blocksOf, positionOf} from '../pipeline/tree/blocks.js'
import {compact} from '../pipeline/lexicon/text.js'

declare module 'vfile' {
  interface DataMap {
    outline: Section[]
  }
}

declare module 'unist' {
  interface Data {
    /** Id of the innermost section the node lies in (set by `extractOutline`). */
    section?: string | undefined
  }
}

/**
 * Extract the outline.
 *
 * Unnumbered headings before the first numbered one (a Markdown title, `附件 8`)
 * are the front of the document, not its outline.
 */
const extractOutline: Plugin<[], Root> = function () {
  return function (tree, file) {
    const outline: Section[] = []
    const stack: Section[] = []
    let hasStarted = false
    for (const block of blocksOf(tree)) {
      const node = block.node
      if (node.type === 'heading' && isOutlineHeading(node, hasStarted)) {
        hasStarted = true
        while (stack.length > 0 && stack.at(-1)!.level >= node.depth) stack.pop()
        const siblings = stack.at(-1)?.children ?? outline
        const id = (stack.at(-1)?.id ?? 's') + (stack.length > 0 ? '.' : '') + (siblings.length + 1)
        const section: Section = {
          id,
          number: node.data?.number ?? null,
          level: node.depth,
          title: compact(block.text),
          position: positionOf(block),
          children: []
        }
        siblings.push(section)
        stack.push(section)
      }
      // Note: set in place; spreading `data` on every block was a hot path.
      ;(node.data ??= {}).section = stack.at(-1)?.id
    }
    file.data.outline = outline
  }
}

function isOutlineHeading(node: Heading, hasStarted: boolean): boolean {
  return (node.data?.rank ?? -1) >= 0 || hasStarted
}

export default extractOutline
