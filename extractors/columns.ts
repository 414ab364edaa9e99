/**
 * Special-project boxes (专栏): `专栏1：标题`, `专栏 1 标题`, `专栏2:标题`,
 * `专栏一 标题`, `专栏1标题`, `专栏：标题`.
 *
 * A box holds paragraphs and tables. It ends at the next heading, the next
 * 专栏, or where the text returns to the body: two blank lines; for a box
 * printed without indentation, the first paragraph after its body that is
 * separated by a blank line, unless it is the box's next numbered item; for
 * an indented box (a Word cell), the first unindented paragraph after a blank
 * line. Either keeps
 * its short statement of expected results (到2025年，… / 实施期内，… / 预期成效：…).
 */
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import type {Column} from '../schemas/record.js'
import {blocksOf, spanOf, type Block} from '../pipeline/tree/blocks.js'
import {
  columnLabelExpression,
  columnTitleExpression,
  columnTitleLineExpression,
  introducingExpression,
  isColumnHeading,
  itemBulletExpression
} from '../pipeline/lexicon/column-title.js'
import {reachBySource} from '../pipeline/lexicon/date.js'
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

/** The paragraphs and tables of the box whose title is `blocks[index]`. */
function bodyOf(blocks: Block[], index: number): Block[] {
  const title = blocks[index]!
  // A box printed in a frame (a one-column table) holds the frame's paragraphs, no more.
  const frame = title.node.type === 'paragraph' ? title.node.data?.frame : undefined
  if (frame !== undefined) {
    const body: Block[] = []
    for (const block of blocks.slice(index + 1)) {
      if (block.node.type !== 'paragraph' || block.node.data?.frame !== frame) break
      body.push(block)
    }
    return body
  }
  const isIndentedBox = Boolean(title.node.type === 'paragraph' && title.node.data?.isIndented)
  const body: Block[] = []
  let previous = title
  for (const block of blocks.slice(index + 1)) {
    // Note: a box may hold a table (重大项目: 项目名称, 建设内容, 建设期限).
    if ((block.node.type !== 'paragraph' && block.node.type !== 'table') || isColumnHeading(block.text.trim())) break
    const gap = blankLinesBetween(previous, block)
    if (gap >= 2) break
    const isIndented = block.node.type === 'paragraph' && Boolean(block.node.data?.isIndented)
    // An unindented box holds its first paragraph and what follows it without a blank line —
    // until an indented paragraph, where the body text (　　…) returns after unindented box lines.
    if (
      !isIndentedBox &&
      body.length > 0 &&
      gap > 0 &&
      !isIndented &&
      !isResultsFooter(block, body) &&
      !isNextItem(block, body)
    )
      break
    if (
      !isIndentedBox &&
      isIndented &&
      body.some((part) => part.node.type === 'paragraph' && !part.node.data?.isIndented)
    )
      break
    // An indented box (a Word cell) keeps an unindented paragraph after a blank line only as its statement of results.
    if (
      isIndentedBox &&
      body.length > 0 &&
      gap > 0 &&
      block.node.type === 'paragraph' &&
      !isIndented &&
      !isResultsFooter(block, body)
    )
      break
    body.push(block)
    previous = block
  }
  return body
}

/** What a box's statement of expected results opens with: its time frame or its label. */
const resultsLeadExpression = new RegExp(
  '^(?:' +
    reachBySource +
    '|(?:实施|规划)期(?:内|末)|[“"]十[一二三四五六]?五[”"](?:期间|末)|(?:预期)?(?:成效|目标|效果|产出)\\s*[:：])'
)
/** The longest such statement, in characters: a paragraph of body text is longer. */
const maximumResultsLength = 200

/** Whether `block`, after a blank line, is the box's expected results: one short paragraph after its body. */
function isResultsFooter(block: Block, body: Block[]): boolean {
  const text = block.text.trim()
  return (
    block.node.type === 'paragraph' &&
    text.length <= maximumResultsLength &&
    resultsLeadExpression.test(text) &&
    !body.some((part) => resultsLeadExpression.test(part.text.trim()))
  )
}

/**
 * Whether `block` is an item of a box whose body opened with an item or with
 * words introducing them (实施以下项目：) — numbered items the parser marks — or
 * a line with the bullet the body opened with (◆).
 */
function isNextItem(block: Block, body: Block[]): boolean {
  const isItem = (part: Block | undefined) => part?.node.type === 'paragraph' && Boolean(part.node.data?.isBoxItem)
  const bullet = body[0] ? itemBulletExpression.exec(body[0].text.trim())?.[0] : undefined
  if (bullet && block.node.type === 'paragraph' && block.text.trim().startsWith(bullet)) return true
  return isItem(block) && (isItem(body[0]) || (body[0] !== undefined && introducingExpression.test(body[0].text)))
}

function blankLinesBetween(previous: Block, next: Block): number {
  const end = previous.node.position?.end.line ?? 0
  const start = next.node.position?.start.line ?? 0
  return Math.max(0, start - end - 1)
}

export default extractColumns
