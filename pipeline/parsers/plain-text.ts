/**
 * The unified parser plugin for plain-text 公文 (`policyParsePlainText`).
 *
 * Plain-text notices must not go through remark-parse: a `----` line makes a
 * setext heading, indentation makes code, `1. 到2025年…` swallows the rest
 * into a list. This parser emits one node per block with exact positions:
 * headings from the outline markers, tables flattened by conversion, and
 * paragraphs (one per line, joined where a page break or hard wrap broke a
 * sentence). What it removes (debris, page numbers) is recorded on the tree
 * so the engine can report it.
 */
import type {Heading, Paragraph, Root, RootContent, Table, Text} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Plugin} from 'unified'
import {
  bulletSource,
  columnLabelExpression,
  columnTitleLineExpression,
  isColumnHeading
} from '../lexicon/column-title.js'
import {BoxReader, type BoxPart} from '../tree/box.js'
import {dateLineExpression, organNames} from '../lexicon/front.js'
import {toHalfWidth} from '../lexicon/text.js'
import {isNewHeader, matchFlatTable} from './flat-table.js'
import {printedWidth, splitLines, wrapWidthOf, type SourceLine} from './lines.js'
import {
  arabicMarkerRank,
  bareSectionRank,
  isBareSectionTitle,
  isItemText,
  matchOutlineMarker,
  maximumHeadingLength,
  noteExpression,
  numbersSection,
  runInStop,
  type OutlineMatch
} from './outline.js'
import {pointFactory, type PointFactory} from './point.js'
import './mdast-data.js'

const markdownHashExpression = /^(#{1,6})[ \t\u3000]+/
/** Characters that end a sentence or a clause that stands alone. */
const terminalExpression = /[。！？；：…!?;:》」』”"]$/
/**
 * Punctuation inside a line of prose; a colon too where a sentence leads to it (主要预期目标是：地区生产总值增长6%左 /
 * 右，…), not after the short label of an info box (发布机构：…, 文　　号：…).
 */
const clauseExpression = /[，。、；]|^[^：:]{8,}[：:]/
/** What only goes on a sentence, never opens one: a particle (的, 地, 得, 之), a conjunction (和, 与, 及, 等) or punctuation. */
const continuationExpression = /^[的地得之等和与及、，。；：]/

/** A dash or a bullet opening a line. */
const bulletExpression = new RegExp('^(?:——|—|-|' + bulletSource + ')')
/**
 * What a line cut inside a sentence ends with: a character, a digit, a comma,
 * an opening quote or bracket (力争“ / 十四五”), a dash of a range (2021—
 * / 2035年) or a percent sign (20% / 以上). Not a closing bracket: a task
 * ends with its （责任单位：…）.
 */
const brokenEndExpression = /[\p{Script=Han}\d、，a-zA-Z“‘《（(〔【—–－%％]$/u

/** Parse plain text into mdast. */
export function parsePlainText(text: string): Root {
  const lines = splitLines(text)
  const point = pointFactory(lines)
  const wrapWidth = wrapWidthOf(lines)
  const children: RootContent[] = []
  const removed: Root['data'] = {removedLines: [], joinedLines: []}
  // Rank of the last heading, the 专栏 box whose items may follow, and the rank notes (注：) lie under.
  let headingRank = -1
  let box: Box | undefined
  let notesRank: number | undefined
  // Whether the last text line ran on into this one (hard-wrapped text, as wide as the page).
  let runsOn = false
  // Note: where neither sections nor their parts are numbered (a conversion dropped Word's automatic
  // numbering), a section's bare name is its heading; beside numbered parts it would take them in.
  // Asked only when a line could be one: most documents never are.
  let readsBareTitles: boolean | undefined
  const isUnnumbered = () =>
    (readsBareTitles ??= !lines.some((line) => line.kind === 'text' && numbersSection(line.content)))
  let hasBareTitle = false
  let index = 0
  while (index < lines.length) {
    const line = lines[index]!
    if (line.kind === 'blank') {
      index++
      continue
    }
    if (line.kind === 'debris' || line.kind === 'page-number' || line.kind === 'running-head' || line.kind === 'toc') {
      removed.removedLines!.push({
        kind: line.kind,
        text: line.kind === 'debris' ? line.debris.join(' ') : line.content,
        position: {start: point(line.contentStart), end: point(line.contentEnd)}
      })
      index++
      continue
    }
    const table = matchFlatTable(lines, index, point)
    if (table) {
      if (box && !box.reader.takes(boxPart(lines, index, 'table', false))) box = undefined
      if (box) box.awaitsTitle = false
      const previous = children.at(-1)
      if (previous?.type === 'table' && isContinuation(previous, table.node)) {
        // A table split by a page break: the rows go on (a repeated header is the reader's to skip).
        previous.children.push(...table.node.children)
        previous.position = {start: previous.position!.start, end: table.node.position!.end}
      } else children.push(table.node)
      index = table.next
      continue
    }
    if (line.debris.length > 0) {
      removed.removedLines!.push({
        kind: 'debris',
        text: line.debris.join(' '),
        position: {start: point(line.start), end: point(line.contentStart)}
      })
    }
    // A 专栏 box ends where its reader says (`pipeline/tree/box.ts`, as `extractColumns` reads it): a numbered
    // line after it is the document's, not an item of the box. The line after a bare label (专栏1) may be its title.
    let item: OutlineMatch | undefined
    if (box?.awaitsTitle && columnTitleLineExpression.test(line.content)) box.reader = new BoxReader(line)
    else if (box) {
      item = boxItemMarker(line, box)
      if (!box.reader.takes(boxPart(lines, index, 'paragraph', item !== undefined))) box = item = undefined
    }
    if (box) box.awaitsTitle = false
    const isFull = isFullLine(line.content, wrapWidth)
    // Note: a full line goes on only into an unindented line; an indented one opens a paragraph (after a long title).
    const goesOn = isFull && lines[index + 1]?.kind === 'text' && !lines[index + 1]!.isIndented
    const isBare: boolean =
      (isBareSectionTitle(line.content) || (hasBareTitle && isBareHeadingLine(lines, index))) && isUnnumbered()
    hasBareTitle ||= isBare
    const nodes = isBare ? [bareHeading(line, point)] : block(line, point, item !== undefined, notesRank, goesOn)
    if (box && item) {
      box.itemRank ??= item.rank
      box.nextOrdinal = ordinalOf(item) + 1
    }
    const heading = nodes[0]?.type === 'heading' ? nodes[0] : undefined
    if (heading) {
      headingRank = heading.data?.rank ?? -1
      box = undefined
      notesRank = undefined
    } else if (isColumnHeading(line.content))
      box = {
        rank: headingRank,
        itemRank: undefined,
        nextOrdinal: 1,
        reader: new BoxReader(line),
        awaitsTitle: columnLabelExpression.test(line.content)
      }
    else {
      if (noteExpression.test(line.content)) notesRank = headingRank
      else if (notesRank !== undefined && !runsOn && !matchOutlineMarker(line.content)) notesRank = undefined
    }
    runsOn = isFull
    children.push(...nodes)
    index++
  }
  const root: Root = {
    type: 'root',
    children: joinBrokenLines(children, removed, wrapWidth),
    position: {start: point(0), end: point(text.length)}
  }
  assignDepths(root)
  root.data = removed
  return root
}

/**
 * Whether `next` continues `previous` across a page break: same layout, no
 * wider, and not opening with a header of its own (a repeated header goes on).
 */
function isContinuation(previous: Table, next: Table): boolean {
  const width = (table: Table) => Math.max(...table.children.map((row) => row.children.length))
  if (previous.data?.layout !== next.data?.layout || width(next) > width(previous)) return false
  const opening = next.children[0]
  return (
    !opening ||
    !previous.children[0] ||
    !isNewHeader(
      opening.children.map((cell) => toString(cell)),
      previous.children[0]
    )
  )
}

/** A 专栏 box while its items may follow: the rank of the heading it lies under, and of its first item. */
interface Box {
  rank: number
  itemRank: number | undefined
  /** The number the next item would have. */
  nextOrdinal: number
  /** What says where it ends. */
  reader: BoxReader
  /** Whether it opened with a bare label, its title on the next line. */
  awaitsTitle: boolean
}

/**
 * The line at `index` (or a table starting there) as a box's reader sees it.
 * Its gap counts blank lines only: a page number between two lines is a page
 * break inside a paragraph (joined later), not a return to the body.
 */
function boxPart(lines: SourceLine[], index: number, kind: BoxPart['kind'], isItem: boolean): BoxPart {
  const line = lines[index]!
  let gap = 0
  for (let before = index - 1; before >= 0 && lines[before]!.kind !== 'text'; before--)
    if (lines[before]!.kind === 'blank') gap++
  return {kind, text: line.content, isIndented: line.isIndented, gap, isItem}
}

/**
 * The block(s) one line becomes: a heading (and the body after its first
 * sentence), or a paragraph. Under a 专栏 title, an Arabic-numbered line that
 * goes on past its run-in title (`1．工业废气治理工程。完成50家…`), ranked below
 * the heading the box lies under and not above the box's first item, is an
 * item of the box, not a heading of the document. So is a numbered line after 注：
 * (`2．属性为约束性的指标须完成。`) a note. A numbered line as wide as a
 * hard-wrapped page whose sentence does not stop in it goes on to the next
 * line (`goesOn`): a paragraph, not a title.
 */
function block(
  line: SourceLine,
  point: PointFactory,
  isBoxItem: boolean,
  notesRank: number | undefined,
  goesOn: boolean
): RootContent[] {
  let start = line.contentStart
  let content = line.content
  const hash = markdownHashExpression.exec(content)
  if (hash) {
    start += hash[0].length
    content = content.slice(hash[0].length)
  }
  const marker = matchOutlineMarker(content)
  if (marker) {
    const rest = content.slice(marker.length)
    const stop = runInStop(rest)
    const titleLength = stop === -1 ? rest.length : stop
    // Note: notes are numbered 1． or （1）; a 一、 after them opens the next section.
    const isNote = notesRank !== undefined && marker.rank > notesRank && marker.rank >= arabicMarkerRank
    if (
      !isBoxItem &&
      !isNote &&
      titleLength <= maximumHeadingLength &&
      !isItemText(rest, stop) &&
      !(goesOn && stop === -1)
    ) {
      const titleStart = start + marker.length
      const heading = headingNode(titleStart, titleStart + titleLength, point, line)
      heading.data = {number: marker.number, rank: marker.rank}
      const nodes: RootContent[] = [heading]
      let bodyStart = titleStart + titleLength + (stop === -1 ? 0 : 1)
      // Note: after a title ended by spacing, the body starts at its first character.
      while (bodyStart < line.contentEnd && /[ \u3000]/.test(line.raw[bodyStart - line.start]!)) bodyStart++
      if (bodyStart < line.contentEnd) {
        const body = paragraphNode(bodyStart, line.contentEnd, point, line)
        body.data!.isRunIn = true
        nodes.push(body)
      }
      return nodes
    }
  }
  if (hash) {
    const heading = headingNode(start, line.contentEnd, point, line)
    heading.data = {number: null, rank: -1, markdownDepth: hash[1]!.length}
    return [heading]
  }
  const paragraph = paragraphNode(start, line.contentEnd, point, line)
  if (isBoxItem) paragraph.data!.isBoxItem = true
  return [paragraph]
}

/**
 * After a section's bare name, a line that can only be another's (强化政策建设，优化知识产权治理体系):
 * short, with no digit and no end of a sentence, between a finished sentence and the next paragraph.
 */
function isBareHeadingLine(lines: SourceLine[], index: number): boolean {
  const content = lines[index]!.content
  if (
    content.length > maximumBareHeadingLength ||
    /[\d０-９。；：:！？!?]/.test(content) ||
    isColumnHeading(content) ||
    bulletExpression.test(content)
  )
    return false
  let before = index - 1
  while (before >= 0 && lines[before]!.kind !== 'text') before--
  let after = index + 1
  while (after < lines.length && lines[after]!.kind !== 'text') after++
  // Note: an organ's name above a date is the signature (某市知识产权局 / 2023年4月10日), not a section.
  if (after < lines.length && (dateLineExpression.test(lines[after]!.content) || organNames(content).length > 0))
    return false
  return before >= 0 && after < lines.length && /[。；！？!?;]$/.test(lines[before]!.content)
}

/** The longest line taken for a section's name without its number. */
const maximumBareHeadingLength = 25

/** A section's bare name as its heading, ranked as 一、 would number it. */
function bareHeading(line: SourceLine, point: PointFactory): Heading {
  const heading = headingNode(line.contentStart, line.contentEnd, point, line)
  heading.data = {number: null, rank: bareSectionRank}
  return heading
}

/**
 * The marker of `line` if the line is its box's next item: a sentence or more
 * (1．建设培育中心5家。, 1．运营中心。建设…; a bare name, 1．高价值专利, may be a
 * heading), numbered as `isNextBoxItem` asks.
 */
function boxItemMarker(line: SourceLine, box: Box): OutlineMatch | undefined {
  const content = line.content.replace(markdownHashExpression, '')
  const marker = matchOutlineMarker(content)
  return marker && runInStop(content.slice(marker.length)) !== -1 && isNextBoxItem(box, marker) ? marker : undefined
}

/**
 * Whether a numbered line is the box's next item: ranked below the heading
 * the box lies under and not above its first item — or, under a heading of
 * the items' own rank (a box below `1．培育软件产业`), numbered on from the box's
 * own count, which starts at 1 (the document's next `2．` is not the box's).
 */
function isNextBoxItem(box: Box, marker: OutlineMatch): boolean {
  if (marker.rank > box.rank) return marker.rank >= (box.itemRank ?? arabicMarkerRank)
  return (
    marker.rank === box.rank &&
    marker.rank >= arabicMarkerRank &&
    (box.itemRank ?? marker.rank) === marker.rank &&
    ordinalOf(marker) === box.nextOrdinal
  )
}

/** The number of an Arabic marker (`1．`, `（２）`); NaN for others. */
function ordinalOf(marker: OutlineMatch): number {
  return Number(toHalfWidth(marker.number).replace(/\D/g, '') || Number.NaN)
}

function textNode(start: number, end: number, point: PointFactory, line: SourceLine): Text {
  return {
    type: 'text',
    value: line.raw.slice(start - line.start, end - line.start),
    position: {start: point(start), end: point(end)}
  }
}

function headingNode(start: number, end: number, point: PointFactory, line: SourceLine): Heading {
  return {
    type: 'heading',
    depth: 1,
    children: [textNode(start, end, point, line)],
    position: {start: point(line.contentStart), end: point(line.contentEnd)}
  }
}

function paragraphNode(start: number, end: number, point: PointFactory, line: SourceLine): Paragraph {
  const text = textNode(start, end, point, line)
  return {
    type: 'paragraph',
    children: [text],
    // Note: the same points as its one text node (points are never mutated).
    position: {start: text.position!.start, end: text.position!.end},
    data: {isIndented: line.isIndented}
  }
}

/**
 * Join a paragraph with the next one where a page break or hard wrap cut a
 * sentence: the first is prose (or as wide as the page of hard-wrapped text,
 * `wrapWidth`) and does not end a sentence, and the second is neither a
 * heading, a bullet nor a table.
 */
function joinBrokenLines(
  nodes: RootContent[],
  removed: NonNullable<Root['data']>,
  wrapWidth: number | undefined
): RootContent[] {
  const result: RootContent[] = []
  for (const node of nodes) {
    const previous = result.at(-1)
    if (previous?.type === 'paragraph' && node.type === 'paragraph' && isBroken(previous, node, wrapWidth)) {
      previous.children.push(...node.children)
      previous.position = {start: previous.position!.start, end: node.position!.end}
      removed.joinedLines!.push({position: {start: node.position!.start, end: node.position!.start}})
      continue
    }
    result.push(node)
  }
  return result
}

/** How much narrower than the page a hard-wrapped line may be and still be full (a line may hold a character less). */
const wrapSlack = 2

/** Whether `text` fills a line of hard-wrapped text `wrapWidth` wide (and so may go on in the next). */
function isFullLine(text: string, wrapWidth: number | undefined): boolean {
  return wrapWidth !== undefined && printedWidth(text) >= wrapWidth - wrapSlack
}

function isBroken(previous: Paragraph, next: Paragraph, wrapWidth: number | undefined): boolean {
  const last = previous.children.at(-1)
  const first = next.children[0]
  if (last?.type !== 'text' || first?.type !== 'text') return false
  const value = last.value
  // Note: a full line closing a quote (…培植“大众创新、万众创业” / 的创新土壤) goes on where the next cannot open a sentence.
  if (isFullLine(value, wrapWidth) && /[”’）》」』]$/.test(value) && continuationExpression.test(first.value))
    return !next.data?.isIndented
  // Note: a 专栏 title (专栏1：…) is a line of its own, its colon no clause of prose.
  if (terminalExpression.test(value) || isColumnHeading(value.trim())) return false
  // A line that leaves a 《 or （ open goes on, prose or not (a long title cited across the break);
  // so does a line as wide as a hard-wrapped page, though it holds no comma.
  // Note: the body a heading's line runs into is prose, short as it may be; its line is as wide as the heading's.
  if (
    !previous.data?.isRunIn &&
    (value.length < 15 || !clauseExpression.test(value)) &&
    !leavesBracketOpen(value) &&
    !isFullLine(value, wrapWidth)
  )
    return false
  // An indented line opens a new paragraph; an unindented one may continue an indented first line.
  if (bulletExpression.test(first.value) || (next.data?.isIndented && !previous.data?.isIndented)) return false
  // A numbered item opens a paragraph of its own (（一）…达到10件 / （二）…), unless a bracket is left open.
  if (matchOutlineMarker(first.value) && !leavesBracketOpen(value)) return false
  return brokenEndExpression.test(value)
}

/** Whether `text` opens more 《 or （ than it closes. */
function leavesBracketOpen(text: string): boolean {
  let titles = 0
  let brackets = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 0x300a) titles++
    else if (code === 0x300b) titles--
    else if (code === 0xff08) brackets++
    else if (code === 0xff09) brackets--
  }
  return titles > 0 || brackets > 0
}

/** Heading depth = place of the marker's rank among the ranks the document uses. */
function assignDepths(root: Root): void {
  const ranks = new Set<number>()
  for (const node of root.children) if (node.type === 'heading') ranks.add(node.data?.rank ?? -1)
  const order = [...ranks].sort((a, b) => a - b)
  for (const node of root.children) {
    if (node.type !== 'heading') continue
    const depth = order.indexOf(node.data?.rank ?? -1) + 1
    node.depth = Math.min(6, Math.max(1, depth)) as Heading['depth']
  }
}

/**
 * Plugin: set the processor's parser to the plain-text 公文 parser.
 */
const policyParsePlainText: Plugin<[], string, Root> = function () {
  this.parser = parsePlainText
}

export default policyParsePlainText
