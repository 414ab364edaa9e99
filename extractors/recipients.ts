/**
 * 主送机关 (recipients), 抄送 (cc) and the publicity note (（此件公开发布）).
 */
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import type {Publicity, Recipient} from '../schemas/record.js'
import {blocksOf, spanOf, type Block} from '../pipeline/tree/blocks.js'
import {frontOf} from '../pipeline/lexicon/front.js'

declare module 'vfile' {
  interface DataMap {
    recipients: Recipient[]
    cc: Recipient[]
    publicity: Publicity | null
  }
}

const recipientsExpression = /^([^。；:：]{2,400})[:：]$/
const ccExpression = /^抄\s*送[:：]\s*(.+?)。?$/
const publicityExpression = /^[（(]\s*此件[^（）()]{1,20}[)）]$/
/** 主送机关 of different kinds are separated by ，; of one kind by 、 (GB/T 9704 §7.3.2). */
const recipientSeparatorExpression = /[，,；;]/
const ccSeparatorExpression = /[，,、；;]/

/** Extract recipients, cc and publicity. */
const extractRecipients: Plugin<[], Root> = function () {
  return function (tree, file) {
    const front = frontOf(tree)
    const blocks = blocksOf(tree)
    const after = front.title.at(-1)?.index
    const limit = front.date?.index ?? front.bodyStart
    const addressee =
      after === undefined
        ? undefined
        : blocks
            .slice(after + 1, Math.max(after + 1, limit))
            .slice(0, 3)
            .find(isAddressee)
    file.data.recipients = addressee ? split(addressee, 0, recipientSeparatorExpression) : []
    const cc = blocks.findLast((block) => block.node.type === 'paragraph' && ccExpression.test(block.text.trim()))
    file.data.cc = cc ? split(cc, cc.text.search(/[:：]/) + 1, ccSeparatorExpression) : []
    const publicity = blocks.find(
      (block) => block.node.type === 'paragraph' && publicityExpression.test(block.text.trim())
    )
    file.data.publicity = publicity
      ? {
          text: publicity.text.trim(),
          position: spanOf(publicity, publicity.text.indexOf(publicity.text.trim()), publicity.text.length)
        }
      : null
  }
}

function isAddressee(block: Block): boolean {
  return (
    block.node.type === 'paragraph' &&
    recipientsExpression.test(block.text.trim()) &&
    !/^(?:发文字号|签发人|附件)/.test(block.text.trim())
  )
}

/** Names in `block.text` from `from`, split by `separator`, with their spans. */
function split(block: Block, from: number, separator: RegExp): Recipient[] {
  const names: Recipient[] = []
  const text = block.text
  let start = from
  for (let index = from; index <= text.length; index++) {
    const character = text[index]
    if (character !== undefined && !separator.test(character) && !/[:：。]/.test(character)) continue
    const raw = text.slice(start, index)
    const lead = raw.length - raw.trimStart().length
    const name = raw.trim()
    if (name.length > 0) names.push({name, position: spanOf(block, start + lead, start + lead + name.length)})
    start = index + 1
  }
  return names
}

export default extractRecipients
