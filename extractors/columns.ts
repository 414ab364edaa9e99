/**
 * Special-project boxes (专栏): `专栏1：标题`, `专栏 1 标题`, `专栏2:标题`,
 * `专栏一 标题`, `专栏1标题`, `专栏：标题`.
 *
 * A box holds paragraphs and tables; where it ends, `pipeline/tree/box.ts`
 * decides (the plain-text parser asks it too, for the box's numbered items).
 */
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import type {Column} from '../schemas/record.js'
import {blocksOf, spanOf, type Block} from '../pipeline/tree/blocks.js'
import {BoxReader, type BoxPart} from '../pipeline/tree/box.js'
import {
  columnLabelExpression,
  columnTitleExpression,
  columnTitleLineExpression
} from '../pipeline/lexicon/column-title.js'
import {compact, toHalfWidth} from '../pipeline/lexicon/text.js'
import {parseChineseNumber} from '../pipeline/lexicon/zh-number.js'

declare module 'vfile' {
  interface DataMap {
    columns: Column[]
  }
}

declare module 'unist' {
  interface Data {
    /** Id of the 专栏 the node lies in (set by `extractColumns`). */
    column?: string | undefined
  }
}

/** Extract the 专栏 boxes and mark the blocks inside them. */
const extractColumns: Plugin<[], Root> = function () {
  return function (tree, file) {
    const blocks = blocksOf(tree)
    const columns: Column[] = []
    for (let index = 0; index < blocks.length; index++) {
      const block = blocks[index]!
      if (block.node.type !== 'paragraph' && block.node.type !== 'heading') continue
      const text = block.text.trim()
      const match = columnTitleExpression.exec(text)
      // A label alone (专栏1), its title on the next line.
      const label = match ? null : columnLabelExpression.exec(text)
      const next = blocks[index + 1]
      const titleLine =
        label && next?.node.type === 'paragraph' && columnTitleLineExpression.test(next.text.trim()) ? next : undefined
      const title = match?.groups?.title ?? titleLine?.text.trim()
      if (!title) continue
      const head = titleLine ? [block, titleLine] : [block]
      const body = bodyOf(blocks, index + head.length - 1)
      const id = 'c' + (columns.length + 1)
      const last = body.at(-1) ?? head.at(-1)!
      const number = (match ?? label)?.groups?.number
      columns.push({
        id,
        number: number ? columnNumber(number) : null,
        label: labelOf(text, match ?? label),
        title: compact(title)
          .replace(/^[:：]/, '')
          .replace(responsibilityExpression, ''),
        section: block.node.data?.section ?? null,
        text: body.map((part) => part.text.trim()).join('\n'),
        position: {start: spanOf(block, 0, 0).start, end: spanOf(last, last.text.length, last.text.length).end}
      })
      for (const part of [...head, ...body]) (part.node.data ??= {}).column = id
      index += head.length - 1 + body.length
    }
    file.data.columns = columns
  }
}

/** The integer of a box's number as printed: 专栏一 and 专栏1 are 1, 专栏3-1 is 3 (the box it belongs to). */
export function columnNumber(printed: string): number | null {
  const head = toHalfWidth(printed).split(/[-－—.．]/)[0] ?? ''
  return parseChineseNumber(head) ?? null
}

/** The label as printed (专栏一, 【专栏3-1】, 专栏): the text before the title, its separator dropped. */
function labelOf(text: string, match: RegExpExecArray | null): string | null {
  if (!match) return null
  const title = match.groups?.title
  const end = title === undefined ? match[0].length : match[0].lastIndexOf(title)
  return compact(text.slice(0, end)).replace(/[:：、.．\s]+$/, '') || null
}

/** Who answers for a box, printed after its title (`（牵头单位：县科技局）`): no part of the title. */
const responsibilityExpression = /\s*[（(](?:牵头|责任|主责|配合|实施)(?:单位|部门)[:：][^（）()]*[)）]$/

/** The paragraphs and tables of the box whose title is `blocks[index]` (where it ends, `BoxReader` says). */
function bodyOf(blocks: Block[], index: number): Block[] {
  const title = blocks[index]!
  const reader = new BoxReader(title.node.type === 'paragraph' ? (title.node.data ?? {}) : {})
  const body: Block[] = []
  let previous = title
  for (const block of blocks.slice(index + 1)) {
    if (!reader.takes(partOf(block, previous))) break
    body.push(block)
    previous = block
  }
  return body
}

/** A block as the box reader sees it. */
function partOf(block: Block, previous: Block): BoxPart {
  const node = block.node
  const data = node.type === 'paragraph' ? node.data : undefined
  return {
    kind: node.type === 'paragraph' || node.type === 'table' ? node.type : 'other',
    text: block.text.trim(),
    isIndented: Boolean(data?.isIndented),
    gap: blankLinesBetween(previous, block),
    isItem: Boolean(data?.isBoxItem),
    frame: data?.frame
  }
}

function blankLinesBetween(previous: Block, next: Block): number {
  const end = previous.node.position?.end.line ?? 0
  const start = next.node.position?.start.line ?? 0
  return Math.max(0, start - end - 1)
}

export default extractColumns
