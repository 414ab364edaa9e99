/**
 * Document number (发文字号): `溧政办发〔2022〕71号`, also `[2022]`, `［2022］`,
 * `（2022）`, `(2022)`, with or without 第.
 */
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import type {DocumentNumber} from '../schemas/record.js'
import {blocksOf, spanOf} from '../pipeline/tree/blocks.js'
import {frontOf} from '../pipeline/lexicon/front.js'
import {labelledFields} from '../pipeline/lexicon/labelled.js'
import {documentNumberExpression} from '../pipeline/lexicon/citations.js'
import {messageAt} from '../pipeline/tree/message-at.js'

declare module 'vfile' {
  interface DataMap {
    docNumber: DocumentNumber | null
  }
}

/** The whole line may hold only the number, a label, and 签发人 — or the number in brackets, as under a Party committee's title. */
const lineExpression = /^(?:【?\s*(?:发文字号|文号)\s*[】:：]\s*)?[（(]?(.+?号)[）)]?(?:\s+签发人[:：].*)?$/

/**
 * Extract the document number.
 *
 * Only short lines before the body are searched: numbers cited in the body
 * (`根据宁发改规划字〔2023〕217号…`) belong to other documents.
 */
const extractDocumentNumber: Plugin<[], Root> = function () {
  return function (tree, file) {
    const front = frontOf(tree)
    file.data.docNumber = null
    for (const block of blocksOf(tree).slice(0, front.bodyStart)) {
      const field = labelledFields(block.text).find(
        (candidate) => candidate.label === '发文字号' || candidate.label === '文号'
      )
      if (block.node.type === 'table' && !field) continue
      const line = lineExpression.exec(field ? field.value.trim() : block.text.trim())
      if (!line?.[1] || line[1].length > 40) continue
      const match = documentNumberExpression.exec(
        field ? block.text.slice(field.start, field.start + field.value.length) : block.text
      )
      if (!match?.[1] || !match[2] || !match[3]) continue
      const base = field ? field.start : 0
      const agency = match[1].replace(/^.*(?:发文字号|文号)[】:：]?\s*/, '')
      const start = base + match.index + match[0].indexOf(agency)
      const end = base + match.index + match[0].length
      const year = Number(match[2])
      const position = spanOf(block, start, end)
      if (year > new Date().getFullYear()) {
        messageAt(file, 'Document number names a future year `' + year + '`', position, 'future-document-year')
      }
      file.data.docNumber = {text: block.text.slice(start, end), agency, year, serial: Number(match[3]), position}
      return
    }
  }
}

export default extractDocumentNumber
