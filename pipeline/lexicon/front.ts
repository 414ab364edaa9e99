/**
 * The front of a document (版头 and the notice around the title): which
 * blocks are the masthead, the title and the signature.
 *
 * Rules follow GB/T 9704-2012: 发文机关标志 (`…文件`) and 发文字号 above the
 * title; 主送机关 after it, ending in a colon; the signature (发文机关署名)
 * right above the 成文日期; 版记 (抄送, 印发) at the very end.
 */
import type {Root} from 'mdast'
import {blocksOf, type Block} from '../tree/blocks.js'
import {dateExpression} from './date.js'
import {findDivisions} from './divisions.js'
import {labelledFields} from './labelled.js'
import {compact, documentTypeExpression} from './text.js'

/** What the front of a document holds, as block indexes. */
export interface Front {
  /** Index of the first block of the body outline (first numbered heading), or the block count. */
  bodyStart: number
  masthead: Block[]
  /** Blocks that make up the title (a title wrapped over lines has several). */
  title: Block[]
  /** The title text, lines joined and compacted. */
  titleText: string | undefined
  /** The block holding the 成文日期, if found. */
  date: Block | undefined
  /** The signature blocks above the date. */
  signature: Block[]
}

const mastheadExpression = /^(.{2,60}?)文件$/
const attachmentExpression = /^附件\s*[\d一二三四五六七八九十]*[:：]?$/
const labelExpression = /^[\p{Script=Han}]{2,6}[:：]/u
/** What a title may end with on a line of its own, in brackets: its period, edition or status (（2021—2025年）, （2021版）, （试行）). */
const bracketTailExpression =
  /^[(（]\s*(?:\d{4}\s*[-—–－~～至]+\s*\d{4}\s*年?|\d{4}\s*年?\s*(?:修订)?版|试行|暂行|修订|修订稿|征求意见稿|送审稿|草案)\s*[)）]$/
/** A date alone, optionally labelled or signed on the same line; `印发` dates are print dates. */
export const dateLineExpression = new RegExp('^(?:成文日期[:：])?(.{0,60}?)\\s*' + dateExpression.source + '$')
const organSuffixExpression =
  /(?:人民政府|政府|办公室|办公厅|委员会|委|局|厅|部|院|署|会|中心|党组|公司|集团|小组|办|处|所|馆|队|社|联|行)$/
const docNumberLineExpression =
  /〔\s*\d{4}\s*〕|\[\s*\d{4}\s*\]|［\s*\d{4}\s*］|【\s*\d{4}\s*】|[（(]\s*\d{4}\s*[)）]\s*第?\s*\d+\s*号/

/** The most lines a title is printed on. */
const maximumTitleLines = 6

const cache = new WeakMap<Root, Front>()

/** The front of `tree`, computed once. */
export function frontOf(tree: Root): Front {
  let front = cache.get(tree)
  if (!front) {
    front = analyse(blocksOf(tree))
    cache.set(tree, front)
  }
  return front
}

function analyse(blocks: Block[]): Front {
  let bodyStart = blocks.findIndex((block) => block.node.type === 'heading' && (block.node.data?.rank ?? -1) >= 0)
  if (bodyStart === -1) bodyStart = blocks.length
  const masthead: Block[] = jointMasthead(blocks)
  let title: Block[] = []
  for (const block of blocks.slice((masthead.at(-1)?.index ?? -1) + 1, Math.min(bodyStart, 40))) {
    const text = compact(block.text)
    // A metadata table (gov.cn pages: 索引号, 发文机关, 发文字号 …) may stand above the title.
    if (block.node.type === 'table' && labelledFields(block.text).length >= 2) continue
    if (block.node.type === 'table') break
    // Note: a masthead names organs (`溧阳市人民政府办公室文件`); a breadcrumb ending in 政策文件 does not.
    if (title.length === 0 && text.length <= 64 && isMasthead(block)) {
      masthead.push(block)
      continue
    }
    if (isSkippable(text)) continue
    if (text.length > 100 || /[。；]/.test(text)) break
    title = titleFrom(blocks, block.index)
    if (title.length > 0) break
  }
  const titleText = title.length > 0 ? compact(title.map((block) => block.text).join('')) : undefined
  const after = title.at(-1)?.index ?? masthead.at(-1)?.index ?? -1
  const date = findDate(blocks, after + 1, bodyStart)
  return {bodyStart, masthead, title, titleText, date, signature: date ? signatureAbove(blocks, date) : []}
}

/** A masthead line: organs, then 文件 (`溧阳市人民政府办公室文件`). */
function isMasthead(block: Block): boolean {
  return mastheadExpression.test(compact(block.text)) && organNames(mastheadOrgans(block.text)).length > 0
}

/** The organs of a masthead line: the line without its 文件. */
export function mastheadOrgans(text: string): string {
  return text.trim().replace(/\s*文\s*件$/, '')
}

/**
 * The masthead of a joint document (联合行文): the organs one a line, the
 * last followed by 文件 (on its line or on a line of its own).
 */
function jointMasthead(blocks: Block[]): Block[] {
  const organs: Block[] = []
  for (const block of blocks.slice(0, 10)) {
    if (block.node.type !== 'paragraph') break
    const text = compact(block.text)
    // Note: the registration number of a 规范性文件 may stand above; a PDF's text may give the 发文字号 before the 文件
    // printed beside the organs (their middle line): neither is part of the masthead, nor ends it.
    if (registrationExpression.test(text) || (organs.length > 0 && docNumberLineExpression.test(text))) continue
    if (organs.length > 0 && (text === '文件' || isMasthead(block))) return [...organs, block]
    if (organNames(block.text).length === 0) break
    organs.push(block)
  }
  return []
}

/** The registration number of a 规范性文件 (规范性文件统一登记号) printed above its masthead: `JNCR—2022—0040001`. */
const registrationExpression = /^[A-Z]{2,8}\d{0,2}[—–－-]+\d{4}[—–－-]+\d{2,10}$/

function isSkippable(text: string): boolean {
  return (
    text.length === 0 ||
    attachmentExpression.test(text) ||
    registrationExpression.test(text) ||
    (docNumberLineExpression.test(text) && text.length <= 60) ||
    (labelExpression.test(text) && !text.includes('关于')) ||
    labelledFields(text).length > 0 ||
    dateLineExpression.test(text) ||
    /^[（(].{0,12}[)）]$/.test(text) ||
    /^(?:签发人|密级|紧急程度|特急|加急|机密|秘密|绝密)/.test(text) ||
    navigationExpression.test(text)
  )
}

/** A web page's navigation above the title: 首页, 当前位置：…, 首页 > 政务公开 > 政策文件. */
const navigationExpression =
  /^(?:网站)?首页$|^导航$|^(?:首页|当前位置|您的位置|您现在的位置)\s*[:：>＞»›]|[>＞»›]\s*[^>＞»›]+[>＞»›]/

/** The title starting at `index`: short lines without sentence punctuation, wrapped lines joined. */
function titleFrom(blocks: Block[], index: number): Block[] {
  const first = blocks[index]
  if (!first || !isTitleLine(first)) return []
  const title = [first]
  let joined = compact(first.text)
  // Note: a title runs a few lines at most; a long run of short lines is not one (and would cost quadratic time).
  for (
    let next = blocks[index + 1];
    next && title.length < maximumTitleLines && isTitleLine(next);
    next = blocks[next.index + 1]
  ) {
    const text = compact(next.text)
    const isTail = bracketTailExpression.test(text)
    if (documentTypeExpression.test(joined) && !isTail) break
    if (!isAdjacent(title.at(-1)!, next) && !isTail && !documentTypeExpression.test(joined + text)) break
    title.push(next)
    joined += text
  }
  const isTitle =
    documentTypeExpression.test(joined) || joined.includes('关于') || /(?:规划|纲要|方案|意见)/.test(joined)
  return isTitle ? title : []
}

function isTitleLine(block: Block): boolean {
  const text = compact(block.text)
  if (block.node.type === 'table' || text.length === 0 || text.length > 100 || labelledFields(block.text).length > 0)
    return false
  if (block.node.type === 'heading' && (block.node.data?.rank ?? -1) >= 0) return false
  return (
    !/[。；：:，]$/.test(text) &&
    !/[。；]/.test(text) &&
    !dateLineExpression.test(text) &&
    !preambleExpression.test(text)
  )
}

/** The purpose a preamble opens with (为深入贯彻…，…制定如下措施): prose, though its sentence may lack its 。. */
const preambleExpression = /^(?:为了?|根据|按照|依据|依照)[^，,]{2,80}[，,]/

function isAdjacent(previous: Block, next: Block): boolean {
  const end = previous.node.position?.end.line
  const start = next.node.position?.start.line
  return end !== undefined && start !== undefined && start === end + 1
}

/** The 成文日期: the first date line after the title in the front, else the last one in the document. */
function findDate(blocks: Block[], from: number, bodyStart: number): Block | undefined {
  const isDate = (block: Block) => {
    const text = block.text.trim()
    return block.node.type !== 'table' && text.length <= 80 && dateLineExpression.test(text) && !/印发$/.test(text)
  }
  const inFront = blocks.slice(from, bodyStart).find(isDate)
  if (inFront) return inFront
  return blocks.slice(Math.max(bodyStart, blocks.length - 12)).findLast(isDate)
}

/** Organ lines directly above the date (the signature). */
function signatureAbove(blocks: Block[], date: Block): Block[] {
  const signature: Block[] = []
  for (let index = date.index - 1; index >= 0 && signature.length < 6; index--) {
    const block = blocks[index]!
    if (block.node.type !== 'paragraph' || organNames(block.text).length === 0) break
    signature.unshift(block)
  }
  return signature
}

/** The organ names in a signature line (`中共南京市委 南京市人民政府`), or [] when it is not one. */
export function organNames(text: string): string[] {
  const trimmed = text.trim()
  if (trimmed.length === 0 || trimmed.length > 80 || /[，。：:；、]/.test(trimmed)) return []
  const names = splitOrgans(trimmed)
  return names.every((name) => name.length >= 2 && name.length <= 40 && organSuffixExpression.test(name)) ? names : []
}

/** A wide gap between two organs: a full-width space, a tab, or two spaces or more. */
const organGapExpression = /[ \u00a0]*[\u3000\t][\s\u3000]*| {2,}/
/** What only ends an organ's name (`国 务 院  办 公 厅`): it belongs to the name before it. */
const bareSuffixExpression = /^(?:办公室|办公厅|委员会|人民政府|管委会|党组)$/

/**
 * Organ names separated by spaces (`中共南京市委 南京市人民政府`); a name
 * typeset with a space between every character (`国 务 院`) is one name, and
 * so is each of two such names set apart by a wide gap
 * (`中 共 南 京 市 委　　南 京 市 人 民 政 府`).
 */
export function splitOrgans(text: string): string[] {
  const names: string[] = []
  for (const group of text.trim().split(organGapExpression)) {
    const parts = group.trim().split(/\s+/).filter(Boolean)
    for (const name of parts.length > 1 && parts.every((part) => part.length === 1) ? [parts.join('')] : parts) {
      if (names.length > 0 && bareSuffixExpression.test(name)) names[names.length - 1] += name
      else names.push(...gluedOrgans(name))
    }
  }
  return names
}

/** Where an organ's name may end: the organ words, then another name may follow. */
const organEndExpression = /(?:委员会|人民政府|办公厅|办公室|委|局|厅)(?=\p{Script=Han})/gu

/**
 * Organs printed with no gap between them (中共南京市委南京市人民政府, as a
 * page that lost its layout prints a joint signature): a name ends at an
 * organ word where another begins, with 中共 or a division (南京市).
 */
function gluedOrgans(name: string): string[] {
  // Note: two organs take eight characters at the least (某市委某县政府 is seven, and rare).
  if (name.length < 8) return [name]
  const names: string[] = []
  let start = 0
  for (const match of name.matchAll(organEndExpression)) {
    const end = match.index + match[0].length
    const rest = name.slice(end)
    if (end - start < 4 || rest.length < 4) continue
    if (rest.startsWith('中共') || findDivisions(rest.slice(0, 12), 3)[0]?.start === 0) {
      names.push(name.slice(start, end))
      start = end
    }
  }
  names.push(name.slice(start))
  return names
}
