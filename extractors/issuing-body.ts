/**
 * Issuing bodies (发文机关), 成文日期 and 印发日期.
 *
 * Issuers come from the masthead (`…文件`) and the signature above the date,
 * in that order; where neither names one, from the organ opening the title
 * (`包头市人民政府办公室关于印发…`), the organs under a cover's title, or the
 * organ's name a report ends with, undated.
 */
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import type {DateValue, Issuer} from '../schemas/record.js'
import {blocksOf, spanOf, type Block} from '../pipeline/tree/blocks.js'
import {dateExpression, toIsoDate} from '../pipeline/lexicon/date.js'
import {dateLineExpression, frontOf, mastheadOrgans, organNames, splitOrgans} from '../pipeline/lexicon/front.js'
import {labelledFields, numericDate, type LabelledField} from '../pipeline/lexicon/labelled.js'
import {messageAt} from '../pipeline/tree/message-at.js'

declare module 'vfile' {
  interface DataMap {
    issuers: Issuer[]
    date: DateValue | null
    printDate: DateValue | null
  }
}

const printDateExpression = new RegExp('^(.{0,60}?)\\s*' + dateExpression.source + '\\s*印发$')
const issuerLabelExpression = /^(?:发文机关|发布部门|制定机关|发布机关|发布机构)$/
const dateLabelExpression = /^(?:成文日期|发布日期|公布日期)$/
const titleOrganExpression = /^(.{2,60}?)关于/

/**
 * The organs a signature line names; a name its line broke (某市城乡交通 / 运输局)
 * leaves the end of an organ named already, and is none of its own.
 */
function signedOrgans(block: Block, issuers: Issuer[]): string[] {
  return organNames(block.text).filter(
    (name) => !issuers.some((issuer) => issuer.name.length > name.length && issuer.name.endsWith(name))
  )
}

/** Extract issuers and dates. */
const extractIssuingBody: Plugin<[], Root> = function () {
  return function (tree, file) {
    const front = frontOf(tree)
    const blocks = blocksOf(tree)
    const issuers: Issuer[] = []
    const add = (block: Block, name: string) => {
      if (name.length === 0) return
      const found = findSpaced(block.text, name)
      if (!found || issuers.some((issuer) => issuer.name === name)) return
      issuers.push({name, position: spanOf(block, found.start, found.end)})
    }
    for (const block of front.masthead) {
      for (const name of splitOrgans(mastheadOrgans(block.text))) add(block, name)
    }
    const labelled = blocks
      .slice(0, front.bodyStart)
      .flatMap((block) => labelledFields(block.text).map((field) => ({block, field})))
    for (const {block, field} of labelled) {
      if (issuerLabelExpression.test(field.label))
        for (const name of field.value.split(/[\s\u3000、，,；;]+/)) if (name) add(block, name)
    }
    for (const block of front.signature) for (const name of signedOrgans(block, issuers)) add(block, name)
    if (front.date) {
      const signedOnLine = dateLineExpression.exec(front.date.text.trim())?.[1]?.replace(/^成文日期[:：]/, '')
      if (signedOnLine) for (const name of organNames(signedOnLine)) add(front.date, name)
    }
    if (issuers.length === 0 && front.title.length > 0 && front.titleText) {
      // The organs may fill the title's first line (中共某县委　某县人民政府 / 关于…的实施意见).
      const organ = titleOrganExpression.exec(front.title.map((block) => block.text.trim()).join(' '))?.[1]
      for (const name of organ ? splitOrgans(organ) : []) {
        const block = front.title.find((candidate) => findSpaced(candidate.text, name))
        if (block && name.length >= 2) add(block, name)
      }
    }
    // A plan printed without a notice names its organs on the cover, right below the title, one a line.
    const lastTitle = front.title.at(-1)
    if (issuers.length === 0 && lastTitle) {
      for (const block of blocks.slice(lastTitle.index + 1, Math.min(front.bodyStart, lastTitle.index + 8))) {
        if (block.node.type !== 'paragraph') break
        const names = organNames(block.text)
        if (names.length === 0 && issuers.length > 0) break
        for (const name of names) add(block, name)
      }
    }
    // A report may end with its organ's name alone, undated (某市知识产权局): that is its signature.
    const last = blocks.findLast((block) => block.node.type === 'paragraph' && block.text.trim().length > 0)
    if (issuers.length === 0 && last && last.index >= front.bodyStart)
      for (const name of organNames(last.text)) add(last, name)
    file.data.issuers = issuers
    file.data.date = front.date
      ? dateValue(front.date, dateExpression, file)
      : (labelledDate(labelled) ?? bracketedDate(front.title.at(-1), blocks, file) ?? bylineDate(blocks, file))
    const printed = blocks.findLast(
      (block) =>
        block.node.type === 'paragraph' &&
        block.text.trimEnd().endsWith('印发') &&
        printDateExpression.test(block.text.trim())
    )
    file.data.printDate = printed ? dateValue(printed, dateExpression, file) : null
  }
}

/** Where `name` is printed in `text`, allowing spaces between its characters (`国 务 院`). */
function findSpaced(text: string, name: string): {start: number; end: number} | undefined {
  const start = text.indexOf(name)
  if (start !== -1) return {start, end: start + name.length}
  const pattern = new RegExp(
    [...name].map((character) => character.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\u3000]*')
  )
  const match = pattern.exec(text)
  return match ? {start: match.index, end: match.index + match[0].length} : undefined
}

/** A date alone in brackets on the line under the title (（2022年3月1日）), as a Party committee's document prints its 成文日期. */
const bracketedDateExpression = new RegExp('^[（(]\\s*' + dateExpression.source + '\\s*[）)]$')

/** The byline of a report or speech (（2024年3月5日在第十四届全国人民代表大会第二次会议上）): the day it was delivered. */
const bylineExpression = new RegExp(
  '^[（(]?\\s*' + dateExpression.source + '\\s*在[^。，]{2,60}?(?:会议|大会)上\\s*[）)]?$'
)

function bylineDate(blocks: Block[], file: Parameters<typeof messageAt>[0]): DateValue | null {
  const byline = blocks
    .slice(0, 4)
    .find((block) => block.node.type === 'paragraph' && bylineExpression.test(block.text.trim()))
  return byline ? dateValue(byline, dateExpression, file) : null
}

function bracketedDate(
  title: Block | undefined,
  blocks: Block[],
  file: Parameters<typeof messageAt>[0]
): DateValue | null {
  const next = title ? blocks[title.index + 1] : undefined
  return next?.node.type === 'paragraph' && bracketedDateExpression.test(next.text.trim())
    ? dateValue(next, dateExpression, file)
    : null
}

/** A date from a labelled field (成文日期 first, then 发布日期/公布日期). */
function labelledDate(labelled: Array<{block: Block; field: LabelledField}>): DateValue | null {
  const ranked = labelled
    .filter(({field}) => dateLabelExpression.test(field.label))
    .sort((a, b) => Number(b.field.label === '成文日期') - Number(a.field.label === '成文日期'))
  for (const {block, field} of ranked) {
    const numeric = numericDate(field.value)
    const printed = dateExpression.exec(field.value)
    const iso =
      numeric?.iso ??
      (printed?.[1] && printed[2] && printed[3] ? toIsoDate(printed[1], printed[2], printed[3]) : undefined)
    const text = numeric?.text ?? printed?.[0]
    if (!iso || !text) continue
    const start = field.start + field.value.indexOf(text)
    return {value: iso, text, position: spanOf(block, start, start + text.length)}
  }
  return null
}

function dateValue(block: Block, expression: RegExp, file: Parameters<typeof messageAt>[0]): DateValue | null {
  const match = expression.exec(block.text)
  if (!match || !match[1] || !match[2] || !match[3]) return null
  const position = spanOf(block, match.index, match.index + match[0].length)
  const value = toIsoDate(match[1], match[2], match[3])
  if (!value) {
    messageAt(file, 'Not a calendar date: `' + match[0] + '`', position, 'invalid-date')
    return null
  }
  return {value, text: match[0], position}
}

export default extractIssuingBody
