/**
 * Where a special-project box (专栏) ends: the one place that decides it.
 * The plain-text parser asks while it reads lines (a numbered line inside a
 * box is the box's item, not a heading of the document); `extractColumns`
 * asks of the blocks after a box's title to collect its body.
 *
 * A box holds paragraphs and tables. It ends at a heading, at the next 专栏,
 * or where the text returns to the body:
 * - two blank lines;
 * - a box printed in a frame (a one-column table) ends with the frame;
 * - a box printed without indentation: the first paragraph after its body
 *   that follows a blank line, unless it is the box's next item (numbered
 *   after an item or after words introducing them, 实施以下项目：; or with the
 *   bullet its body opened with, ◆); or an indented paragraph after its
 *   unindented lines (the body's 　　… again);
 * - an indented box (a Word cell printed as indented text): the first
 *   unindented paragraph after a blank line.
 * Either keeps its short statement of expected results after a blank line
 * (到2025年，… / 实施期内，… / 预期成效：…).
 */
import {introducingExpression, isColumnHeading, itemBulletExpression} from '../lexicon/column-title.js'
import {reachBySource} from '../lexicon/date.js'

/** One part after a box's title, as its reader sees it: a paragraph (a line, while parsing), a table or other. */
export interface BoxPart {
  kind: 'paragraph' | 'table' | 'other'
  text: string
  isIndented: boolean
  /** Blank lines between it and the part before. */
  gap: number
  /** Whether it is a numbered item of the box (the parser's mark). */
  isItem: boolean
  /** The frame it is printed in (a one-column table), if any. */
  frame?: number | undefined
}

/** What a box's statement of expected results opens with: its time frame or its label. */
const resultsLeadExpression = new RegExp(
  '^(?:' +
    reachBySource +
    '|(?:实施|规划)期(?:内|末)|[“"]十[一二三四五六]?五[”"](?:期间|末)|(?:预期)?(?:成效|目标|效果|产出)\\s*[:：])'
)
/** The longest such statement, in characters: a paragraph of body text is longer. */
const maximumResultsLength = 200

/** Reads the parts after a box's title, one at a time, and says where the box ends. */
export class BoxReader {
  readonly #isIndented: boolean
  readonly #frame: number | undefined
  /** The body so far: its first part, whether it has an unindented paragraph and a statement of results. */
  #first: BoxPart | undefined
  #hasUnindented = false
  #hasResults = false

  /** A reader for the box whose title is `title` (its last line, where a bare label 专栏1 has a title line after it). */
  constructor(title: {isIndented?: boolean | undefined; frame?: number | undefined}) {
    this.#isIndented = Boolean(title.isIndented)
    this.#frame = title.frame
  }

  /** Whether `part` is the box's; once it is not, the box has ended (ask no more). */
  takes(part: BoxPart): boolean {
    if (!this.#admits(part)) return false
    this.#first ??= part
    if (part.kind === 'paragraph' && !part.isIndented) this.#hasUnindented = true
    if (resultsLeadExpression.test(part.text)) this.#hasResults = true
    return true
  }

  #admits(part: BoxPart): boolean {
    if (this.#frame !== undefined) return part.kind === 'paragraph' && part.frame === this.#frame
    if (part.kind === 'other' || isColumnHeading(part.text) || part.gap >= 2) return false
    // Note: a box may hold a table (重大项目: 项目名称, 建设内容, 建设期限).
    const isIndented = part.kind === 'paragraph' && part.isIndented
    const returns = this.#first !== undefined && part.gap > 0 && !isIndented && !this.#isResults(part)
    if (this.#isIndented) return !(returns && part.kind === 'paragraph')
    if (returns && !this.#isNextItem(part)) return false
    return !(isIndented && this.#hasUnindented)
  }

  /** Whether `part` is the box's statement of expected results: one short paragraph after its body. */
  #isResults(part: BoxPart): boolean {
    return (
      part.kind === 'paragraph' &&
      part.text.length <= maximumResultsLength &&
      resultsLeadExpression.test(part.text) &&
      !this.#hasResults
    )
  }

  /** Whether `part` is the next item of a body that opened with an item, with words introducing them, or with a bullet. */
  #isNextItem(part: BoxPart): boolean {
    const first = this.#first!
    const bullet = itemBulletExpression.exec(first.text)?.[0]
    if (bullet && part.kind === 'paragraph' && part.text.startsWith(bullet)) return true
    return part.isItem && (first.isItem || introducingExpression.test(first.text))
  }
}
