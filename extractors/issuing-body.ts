/**
 * Issuing bodies (发文机关), 成文日期 and 印发日期.
 *
 * Issuers come from the masthead (`…文件`) and the signature above the date,
 * in that order; where neither names one, from the organ opening the title
 * (`包头市人民政府办公室关于印发…`).
 */
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import type {DateValue, Issuer} from '../schemas/record.js'
import {blocksOf, spanOf, type Block} from './util/blocks.js'
import {dateExpression, toIsoDate} from './util/date.js'
import {dateLineExpression, frontOf, organNames} from './util/front.js'
import {messageAt} from './util/message-at.js'

declare module 'vfile' {
  interface DataMap {
    issuers: Issuer[]
    date: DateValue | null
    printDate: DateValue | null
  }
}

const printDateExpression = new RegExp('^(.{0,60}?)\\s*' + dateExpression.source + '\\s*印发$')
const labelledIssuerExpression = /^(?:发文机关|发布部门|制定机关|发布机关)[:：]\s*(.+)$/
const titleOrganExpression = /^(.{2,60}?)关于/

/** Extract issuers and dates. */
const extractIssuingBody: Plugin<[], Root> = function () {
  return function (tree, file) {
    const front = frontOf(tree)
    const blocks = blocksOf(tree)
    const issuers: Issuer[] = []
    const add = (block: Block, name: string) => {
      const start = block.text.indexOf(name)
      if (start === -1 || issuers.some((issuer) => issuer.name === name)) return
      issuers.push({name, position: spanOf(block, start, start + name.length)})
    }
    for (const block of front.masthead) {
      for (const name of block.text.trim().replace(/\s*文件$/, '').split(/[\s\u3000]+/)) add(block, name)
    }
    for (const block of blocks.slice(0, front.bodyStart)) {
      const labelled = labelledIssuerExpression.exec(block.text.trim())
      if (labelled?.[1]) for (const name of labelled[1].split(/[\s\u3000、，,；;]+/)) if (name) add(block, name)
    }
    for (const block of front.signature) for (const name of organNames(block.text)) add(block, name)
    if (front.date) {
      const signedOnLine = dateLineExpression.exec(front.date.text.trim())?.[1]?.replace(/^成文日期[:：]/, '')
      if (signedOnLine) for (const name of organNames(signedOnLine)) add(front.date, name)
    }
    const titleBlock = front.title[0]
    if (issuers.length === 0 && titleBlock && front.titleText) {
      const organ = titleOrganExpression.exec(titleBlock.text.trim())?.[1]
      if (organ) for (const name of organ.split(/[\s\u3000]+/)) if (name.length >= 2) add(titleBlock, name)
    }
    file.data.issuers = issuers
    file.data.date = front.date ? dateValue(front.date, dateExpression, file) : null
    const printed = blocks.findLast((block) => block.node.type === 'paragraph' && printDateExpression.test(block.text.trim()))
    file.data.printDate = printed ? dateValue(printed, dateExpression, file) : null
  }
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
