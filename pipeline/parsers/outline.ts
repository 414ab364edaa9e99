/**
 * Outline markers of Chinese official documents (公文层次序号, GB/T 9704-2012
 * §7.3.3): 第X编 › 第X章 › 第X节 › 一、 › （一） › 1. › （1）.
 *
 * Each marker has a fixed rank; a document's heading depth is the rank's
 * place among the ranks the document actually uses, so a plan without
 * chapters still starts at depth 1 with 一、.
 */
import {yearSource} from '../lexicon/date.js'

/** One kind of outline marker, highest rank first. */
export interface OutlineMarker {
  /** Rank in the standard hierarchy (0 is highest). */
  rank: number
  /** Matches the marker at the start of a trimmed line; group 1 is the marker as printed. */
  expression: RegExp
}

const chineseNumeral = '[一二三四五六七八九十百零〇]{1,4}'

/** The marker table, in rank order. */
export const outlineMarkers: readonly OutlineMarker[] = [
  {rank: 0, expression: new RegExp('^(第' + chineseNumeral + '[编篇])[ \\t\\u3000]*')},
  {rank: 1, expression: new RegExp('^(第' + chineseNumeral + '(?:章|部分))[ \\t\\u3000]*')},
  {rank: 2, expression: new RegExp('^(第' + chineseNumeral + '节)[ \\t\\u3000]*')},
  {rank: 3, expression: new RegExp('^(' + chineseNumeral + '[、．.])[ \\t\\u3000]*')},
  {rank: 4, expression: new RegExp('^([（(]' + chineseNumeral + '[）)])[ \\t\\u3000]*')},
  {rank: 5, expression: /^(\d{1,2}(?:[、．]|\.(?!\d)))[ \t\u3000]*/},
  {rank: 6, expression: /^([（(]\d{1,2}[）)])[ \t\u3000]*/}
]

export {noteExpression} from '../lexicon/notes.js'

/** Rank of the first Arabic marker (`1．`): notes and list items are numbered from here on. */
export const arabicMarkerRank = 5

/** Longest heading title (after the marker); a longer first sentence is body text. */
export const maximumHeadingLength = 40

/**
 * Where a run-in title ends in the text after its marker (-1 when it does
 * not): at 。 or ； (`（一）指导思想。以…`), at a colon (`一、工作目标：到2025年…`),
 * or at a run of spaces before a sentence (`（一）提升创造质量　　到2025年，培育…`) — a
 * space between two phrases of one title (`强化创造　提升运用`) is not one.
 * An item (`isItemText`) is never a heading, so its colon is not asked about.
 */
export function runInStop(rest: string): number {
  const stop = rest.search(/[。；：:]/)
  const space = runInSpaceExpression.exec(rest)
  if (space && (stop === -1 || space.index < stop) && /[，。；]/.test(rest.slice(space.index))) return space.index
  return stop
}

/** Spacing that may end a run-in title: two spaces or more, or a U+3000, after a character. */
const runInSpaceExpression = /(?<=\S)(?: {2,}|[ \u3000]*\u3000[ \u3000]*)(?=\S)/

/** A term and its value after a colon (`PCT专利申请量：100件；`, `满意度：85分以上（约束性）`): a list of goals. */
const valueItemExpression =
  /^[^：:。；]{2,40}[：:]\s*(?:累计|新增|达到|达|力争|不低于|不少于|超过)?\s*[≥≤>＞<＜]?\s*(?!(?:19|20)\d{2}\s*年)\d[\d.,，]*\s*(?:[%％‰]|\p{Script=Han}{1,4})?\s*(?:以上|以下|以内|左右)?\s*(?:[（(][^（）()]{1,10}[）)])?\s*[；;。]?$/u

/**
 * A sentence that opens with its time (`到2023年底，建成…`, `2025年前建成…。`,
 * `二〇二四年底前，…`, `到“十四五”末，…`): a title never is one — one may name a
 * year (`2023年重点工作`, `到2025年主要目标`).
 */
const datedSentenceExpression = new RegExp(
  '^(?:力争|争取|确保)?(?:(?<marker>到|至|于|在|截至|截止)\\s*)?(?:' +
    yearSource +
    ')\\s*年(?:年?底|年?末|[上下]半年|[一二三四]季度|\\d{1,2}\\s*月(?:底|末|份)?)?(?<bound>前|以前|之前|起)?[，,]?' +
    '|^(?:力争|争取|确保)?(?:到|至)\\s*[“"]?十[一二三四五六]五[”"]?(?:末|期末)\\s*[，,]'
)

function isDatedSentence(rest: string, knownStop?: number): boolean {
  const match = datedSentenceExpression.exec(rest)
  if (!match || !(match.groups?.marker || match.groups?.bound || /[，,]$/.test(match[0]))) return false
  // A sentence: its first part goes on past a comma, or it is all the line (到2025年主要目标 is a title).
  const stop = knownStop ?? runInStop(rest)
  return (
    /[，,]/.test(stop === -1 ? rest : rest.slice(0, stop)) ||
    (stop !== -1 && /[。；;]/.test(rest[stop]!) && rest.slice(stop + 1).trim() === '')
  )
}

/**
 * Whether the text after a marker defines a term (`万人发明专利拥有量：指…`),
 * gives a term's value (`PCT专利申请量：100件；`) or is a sentence that opens
 * with its time, or goes on to it after a comma (`到2023年底，建成…。`,
 * `建设保护中心，到2024年建成运行。`) or its title states a goal's level
 * (`运用效益显著，质押融资额累计达到5亿元`): a note or an item, never a heading.
 * `stop` is where its run-in title ends (`runInStop`), when the caller knows it.
 */
export function isItemText(rest: string, stop = runInStop(rest)): boolean {
  return (
    /^[^：:。；]{1,40}[：:]\s*(?:是?指|即|包括)/.test(rest) ||
    valueItemExpression.test(rest) ||
    isDatedSentence(rest, stop) ||
    isDatedSentence(secondClause(rest)) ||
    statedValueExpression.test(stop === -1 ? rest : rest.slice(0, stop))
  )
}

/** A level stated with its verb (`拥有量达到10件`, `突破1万件`, `不低于90%`): a goal, which no title states. */
const statedValueExpression =
  /(?:达到|达|突破|超过|提高到|提升到|提高至|提升至|增长到|增至|保持在|控制在|稳定在|不低于|不少于)\s*[≥>]?\s*\d/

/** The clause after the first comma of a first sentence (`建设保护中心，到2024年建成运行。` → `到2024年建成运行。`), or ''. */
function secondClause(rest: string): string {
  const comma = rest.search(/[，,]/)
  return comma === -1 || /[。；：:]/.test(rest.slice(0, comma)) ? '' : rest.slice(comma + 1)
}

/** Character codes a marker can open with: 第, a Chinese numeral, a bracket, a digit. */
const markerOpenings = new Set(
  [...'第一二三四五六七八九十百零〇（(0123456789'].map((character) => character.charCodeAt(0))
)

/** A marker found at the start of a line. */
export interface OutlineMatch {
  rank: number
  /** The marker as printed (`三、`, `（一）`, `1.`). */
  number: string
  /** Length of marker plus the spacing after it. */
  length: number
}

/**
 * Find the outline marker a line starts with, if any.
 *
 * The text after the marker must start with a character that can begin a
 * heading: not a digit (`1.5亿元`) nor a closing mark.
 */
export function matchOutlineMarker(line: string): OutlineMatch | undefined {
  // Note: most lines open with none of the characters a marker opens with.
  if (!markerOpenings.has(line.charCodeAt(0))) return undefined
  for (const marker of outlineMarkers) {
    const match = marker.expression.exec(line)
    if (!match || match[1] === undefined) continue
    const rest = line.slice(match[0].length)
    // Note: after an Arabic marker a digit is a number (`1.5亿元`); after 一、 or （一） it may be a year.
    if (rest.length === 0 || /^[%％）)、，。,.]/.test(rest) || (marker.rank >= 5 && /^\d/.test(rest))) return undefined
    return {rank: marker.rank, number: match[1], length: match[0].length}
  }
  return undefined
}

/** The names a plan gives its sections (发展目标, 保障措施), as 一、 would number them. */
const sectionNames = new Set([
  '发展基础',
  '发展环境',
  '发展现状',
  '现状基础',
  '面临形势',
  '形势分析',
  '机遇挑战',
  '规划背景',
  '编制依据',
  '总体要求',
  '总体思路',
  '指导思想',
  '基本原则',
  '发展原则',
  '发展定位',
  '发展目标',
  '主要目标',
  '总体目标',
  '工作目标',
  '目标任务',
  '预期目标',
  '主要指标',
  '空间布局',
  '重点任务',
  '主要任务',
  '重点工作',
  '工作任务',
  '重点领域',
  '重点工程',
  '主要措施',
  '工作措施',
  '政策措施',
  '保障措施',
  '保障体系',
  '组织保障',
  '组织实施',
  '实施保障',
  '规划实施',
  '实施步骤',
  '进度安排',
  '工作要求',
  '附则'
])

/**
 * Whether a line is a section's name standing alone without its number
 * (`发展目标`, `发展基础和面临形势`), as a conversion that drops Word's
 * automatic numbering prints it: only the names plans give their sections,
 * joined by 和, 与, 及 or 、.
 */
export function isBareSectionTitle(text: string): boolean {
  if (text.length > 24) return false
  const trimmed = text.trim()
  return (
    trimmed.length >= 2 && trimmed.length <= 20 && trimmed.split(/和|与|及|、/).every((part) => sectionNames.has(part))
  )
}

/** The rank a bare section title takes: that of 一、, the plan's sections. */
export const bareSectionRank = 3

/**
 * Whether a line numbers a section or a part of one (一、, （一）, 第一章):
 * where a document has none, a section's bare name is its heading.
 */
export function numbersSection(text: string): boolean {
  return (matchOutlineMarker(text)?.rank ?? Infinity) <= bareSectionRank + 1
}
