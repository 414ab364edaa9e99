/**
 * Positioned messages with our rule ids and source.
 */
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import type {RuleId} from '../../schemas/rules.js'

/** Severity of a diagnostic, as the record prints it. */
export type Severity = 'error' | 'warning' | 'info'

/**
 * Add a message to `file` at `place`.
 *
 * `warning` is a doubtful or partial extraction, `info` a harmless note,
 * `error` a message that makes the file fail (vfile `fatal: true`).
 */
export function messageAt(
  file: VFile,
  reason: string,
  place: Position | undefined,
  ruleId: RuleId,
  severity: Severity = 'warning'
): void {
  // Note: a message is an Error; its stack trace says nothing about the document
  // and capturing it was a tenth of the extraction time.
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  let message
  try {
    message = file.message(reason, {place, ruleId, source: 'zhengce'})
  } finally {
    Error.stackTraceLimit = limit
  }
  // Note: `fatal: undefined` is info, `false` a warning, `true` an error.
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
}
