/**
 * References: documents cited as 《…》, deduplicated, each with every
 * position, and a 文号 printed right after a citation attached to it.
 */
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import type {Reference} from '../schemas/record.js'
import {citationExpression, documentNumberExpression} from '../pipeline/lexicon/citations.js'
import {blocksOf, spanOf} from '../pipeline/tree/blocks.js'
import {compact, matchesOf} from '../pipeline/lexicon/text.js'

declare module 'vfile' {
  interface DataMap {
    references: Reference[]
  }
}

const followingNumberExpression = new RegExp('^\\s*[（(]\\s*(' + documentNumberExpression.source + ')\\s*[）)]', 'u')

/** Extract references. */
const extractReferences: Plugin<[], Root> = function () {
  return function (tree, file) {
    const byTitle = new Map<string, Reference>()
    const own = new Set(
      [file.data.title?.text, file.data.enclosed?.title].filter(Boolean).map((title) => compact(title!))
    )
    for (const block of blocksOf(tree)) {
      for (const match of matchesOf(citationExpression, block.text)) {
        const title = compact(match[1] ?? '')
        if (title.length < 2 || own.has(title) || (/^规划|^纲要|^意见|^方案/.test(title) && title.length <= 3)) continue
        const end = match.index + match[0].length
        const position = spanOf(block, match.index, end)
        const number = followingNumberExpression.exec(block.text.slice(end))?.[1] ?? null
        const reference = byTitle.get(title)
        if (reference) {
          reference.positions.push(position)
          reference.documentNumber ??= number
        } else {
          byTitle.set(title, {title, documentNumber: number, position, positions: [position]})
        }
      }
    }
    file.data.references = [...byTitle.values()]
  }
}

export default extractReferences
