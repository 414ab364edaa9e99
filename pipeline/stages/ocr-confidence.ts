/**
 * What OCR read carries the model's confidence: each target the lowest
 * confidence of the recognised lines it was read from, and a warning where
 * that is low and the line holds digits (a misread 8/3 in a target is worse
 * than no target).
 */
import type {VFile} from 'vfile'
import type {ConfidenceSpan} from '../convert/ocr.js'
import {messageAt} from '../tree/message-at.js'

/** What OCR read of a document: its pages, and the confidence of each recognised line's span of the text. */
export interface OcrRead {
  pages: number
  spans: ConfidenceSpan[]
}

/** Below this, a target's digits are worth checking against the page. */
export const lowConfidence = 0.9

/** Set the confidence of the targets read from recognised text; warn where it is low. */
export function carryConfidence(file: VFile, read: OcrRead): void {
  const spans = read.spans
  file.info(
    'Read ' +
      read.pages +
      (read.pages === 1 ? ' page' : ' pages') +
      ' by OCR (mean confidence ' +
      meanConfidence(spans).toFixed(3) +
      '); positions point into the recognised text (--dump-intermediate writes it)',
    {ruleId: 'ocr-text', source: 'zhengce'}
  )
  for (const target of file.data.targets ?? []) {
    const start = target.position.start.offset ?? 0
    const end = target.position.end.offset ?? start
    let lowest: number | undefined
    for (const span of spans) if (span.start < end && span.end > start) lowest = Math.min(lowest ?? 1, span.confidence)
    if (lowest === undefined) continue
    target.confidence = Math.round(lowest * 1000) / 1000
    if (lowest < lowConfidence && /\d/.test(target.quote))
      messageAt(
        file,
        'Read by OCR with confidence ' +
          lowest.toFixed(2) +
          ': check the number of `' +
          target.quote +
          '` against the page',
        target.position,
        'low-ocr-confidence',
        'warning'
      )
  }
}

/** The mean confidence over the recognised characters (each line's weighted by its length). */
export function meanConfidence(spans: ConfidenceSpan[]): number {
  let characters = 0
  let sum = 0
  for (const span of spans) {
    characters += span.end - span.start
    sum += (span.end - span.start) * span.confidence
  }
  return characters === 0 ? 0 : Math.round((sum / characters) * 1000) / 1000
}
