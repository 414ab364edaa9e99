/**
 * Title (标题), document kind and the enclosed document a notice issues.
 */
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {DocumentKind, Enclosed, Title} from '../schemas/record.js'
import {citationExpression} from '../pipeline/lexicon/citations.js'
import {titleKind} from '../pipeline/lexicon/kinds.js'
import {blocksOf, spanOf, type Block} from '../pipeline/tree/blocks.js'
import {frontOf} from '../pipeline/lexicon/front.js'
import {messageAt} from '../pipeline/tree/message-at.js'
import {compact, matchesOf} from '../pipeline/lexicon/text.js'

declare module 'vfile' {
  interface DataMap {
    title: Title | null
    kind: DocumentKind
    enclosed: Enclosed | null
  }
}

/** Last document-type word of a title → kind; the first match wins. */
const issueVerbExpression = /(?:印发|转发|颁布|发布|公布|下达)/
const quotedTitleExpression = /《([^《》]+)》/
/** A document with no title that describes itself as an evaluation. */
const evaluationWordsExpression = /评估|中期|实施情况|进展情况|完成情况/

/** Extract the title, the kind and the enclosed document. */
const extractTitle: Plugin<[], Root> = function () {
  return function (tree, file) {
    const front = frontOf(tree)
    const blocks = blocksOf(tree)
    const first = front.title[0]
    const last = front.title.at(-1)
    let title: Title | null = null
    if (first && last && front.titleText) {
      title = {
        text: front.titleText,
        position: {start: spanOf(first, 0, 0).start, end: spanOf(last, last.text.length, last.text.length).end}
      }
    } else {
      messageAt(file, 'Cannot find the document title (标题)', blocks[0]?.node.position, 'missing-title', 'info')
    }
    file.data.title = title
    file.data.kind = kindOf(front.titleText, blocks, file)
    file.data.enclosed = file.data.kind === 'notice' && title ? enclosedOf(title, front.title, blocks) : null
  }
}

function kindOf(titleText: string | undefined, blocks: Block[], file: VFile): DocumentKind {
  const kind = titleText ? titleKind(titleText) : 'other'
  if (kind !== 'other') return kind
  // Note: without a title (or one that names no kind), the text's own words say what it is.
  const opening = blocks
    .slice(0, 3)
    .map((block) => block.text)
    .join('')
  const said = (found: DocumentKind, words: string) => {
    messageAt(
      file,
      'Kind `' + found + '` read from the text: `' + words + '`',
      blocks[0]?.node.position,
      'kind-from-text',
      'info'
    )
    return found
  }
  // Note: a report delivered to a congress may open with its byline (date, meeting, speaker) before the address.
  const report =
    reportOpeningExpression.exec(opening) ??
    reportOpeningExpression.exec(
      blocks
        .slice(3, 6)
        .map((block) => block.text)
        .join('\n')
    )
  if (report) return said('report', report[0].trim())
  const evaluation = titleText ? null : evaluationWordsExpression.exec(opening)
  if (evaluation) return said('evaluation', evaluation[0])
  const self = selfReferenceKind(blocks)
  if (self) return said(self.kind, self.words)
  // A heading only a plan has (（三）行动目标, 规划期限) names an action plan or a plan.
  const heading = blocks.find((block) => block.node.type === 'heading' && planHeadingExpression.test(block.text.trim()))
  return heading ? said('plan', heading.text.trim()) : 'other'
}

/** Headings of a plan's own parts. */
const planHeadingExpression = /^(?:行动目标|规划目标|规划期限|规划范围|规划期|规划范围和期限)$/

/** A report delivered to a congress opens by addressing it (各位代表：, 委员长、各位副委员长…). */
const reportOpeningExpression =
  /^\s*(?:各位代表|各位委员|委员长、各位副委员长)|报告如下，请(?:予)?审议|(?:代表|受)(?:[^，。]{0,12})?(?:人民政府|国务院)[，,]?\s*向(?:本次)?大会(?:报告|作)|请予审议|^\s*(?:一、)?\s*(?:19|20)\d{2}\s*年(?:政府)?工作回顾/

/**
 * How a text names itself (特制定本规划, 制定本行动计划, 现就…提出如下意见, 制定本实施方案,
 * 特制定以下措施), in its opening part: the first such words tell its kind.
 */
const selfReferenceExpression =
  /(?:制定|制订|编制|形成|印发|出台)(?:了)?本(?<own>规划纲要|纲要|规划|行动计划|计划|实施方案|工作方案|行动方案|方案|实施意见|指导意见|意见|措施)|(?:提出|制定|制订|形成|出台)(?:如下|以下|若干)?(?<listed>意见|实施意见|政策措施|措施|若干措施|政策)(?:如下|[。：:]|\s*$)|(?<notice>通知如下|印发给你们|转发给你们|现予印发)|本(?<named>规划纲要|纲要|规划|行动计划|计划|方案|意见)(?:所称|实施|自|由|期限|规划期|的实施)/

/** The kind a text's self-reference gives, read in its first 3 000 characters. */
function selfReferenceKind(blocks: Block[]): {kind: DocumentKind; words: string} | undefined {
  let read = 0
  for (const block of blocks) {
    if (read > 3000) break
    read += block.text.length
    const match = selfReferenceExpression.exec(block.text)
    if (!match) continue
    const word = match.groups?.own ?? match.groups?.listed ?? match.groups?.named
    if (match.groups?.notice) return {kind: 'notice', words: match[0]}
    if (word)
      return {kind: /纲要/.test(word) ? 'outline' : /规划|计划/.test(word) ? 'plan' : 'opinion', words: match[0]}
  }
  return undefined
}

/** The plan a notice issues: 《…》 after 印发/转发, else the words between the verb and 的通知. */
function enclosedOf(title: Title, titleBlocks: Block[], blocks: Block[]): Enclosed | null {
  const verb = issueVerbExpression.exec(title.text)
  if (!verb) return null
  const rest = title.text.slice(verb.index + verb[0].length)
  const quoted = quotedTitleExpression.exec(rest)
  // Note: a web page may print the title marks as 〈〉, <> or “”: they then wrap the whole title, up to 的通知.
  let name =
    quoted?.[1] ?? /^\s*[〈<“"](.+)[〉>”"]\s*的(?:通知|通报)/.exec(rest)?.[1] ?? /^(.+?)的(?:通知|通报)/.exec(rest)?.[1]
  if (!name) return null
  // 转发市发改局关于…方案的通知 forwards the bureau's 《关于…方案》: the organ wrote it, it is not in its title.
  if (!quoted && verb[0] === '转发') name = name.replace(/^[^《》]{2,30}?(?=关于)/, '')
  const after = titleBlocks.at(-1)?.index ?? 0
  const enclosedTitle = quoted
    ? compact(name)
    : (citedAs(compact(name), blocks.slice(after + 1, after + 1 + citingBlocks)) ?? compact(name))
  return {title: enclosedTitle, position: printedTitle(enclosedTitle, blocks, after) ?? title.position}
}

/** How many blocks after a notice's title may cite what it issues (the recipients, the body). */
const citingBlocks = 4

/**
 * The title as the notice's body cites it (《关于加强知识产权保护工作的意见》), where
 * the notice's own title words it without 的 (转发…关于加强知识产权保护工作意见的通知),
 * or the first of the documents a title joins (印发…工作方案和任务分解表的通知: 《…工作方案》).
 */
function citedAs(name: string, blocks: Block[]): string | undefined {
  const bare = name.replace(/的/g, '')
  let first: string | undefined
  for (const block of blocks) {
    for (const match of matchesOf(citationExpression, block.text)) {
      const cited = compact(match[1] ?? '')
      if (cited !== name && cited.replace(/的/g, '') === bare) return cited
      // A title that joins two documents (…工作方案和任务分解表) issues the first the body cites.
      if (first === undefined && name.startsWith(cited) && /^[和及与、]/.test(name.slice(cited.length))) first = cited
    }
  }
  return first
}

/** Where the enclosed document prints its own title (after the notice), if it does. */
function printedTitle(name: string, blocks: Block[], after: number) {
  for (const block of blocks.slice(after + 1)) {
    if (block.node.type === 'table') continue
    const text = compact(block.text)
    if (text === name) return spanOf(block, 0, block.text.length)
    if (text.length >= 6 && name.startsWith(text) && !/[。，]/.test(text)) {
      const next = blocks[block.index + 1]
      const end = next && compact(text + next.text) === name ? next : block
      return {start: spanOf(block, 0, 0).start, end: spanOf(end, end.text.length, end.text.length).end}
    }
  }
  return undefined
}

export default extractTitle
