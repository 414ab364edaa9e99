/**
 * Validate emitted JSON against the published JSON Schema with ajv, the way
 * a downstream consumer would. The validator is ajv's standalone code,
 * generated with the schema (`npm run schema`), so nothing compiles at start;
 * it stops at the first problem. Only when a record fails is a validator
 * that lists every problem compiled (`validateRecords`).
 */
import type {ValidateFunction} from 'ajv'
import generated from './validate-record.js'

const validate = generated as unknown as ValidateFunction

/** The first problem with one record object; [] when it is valid. */
export function validateRecord(record: unknown): string[] {
  if (validate(record)) return []
  return describe(validate.errors)
}

function describe(errors: ValidateFunction['errors']): string[] {
  return (errors ?? []).map((error) => (error.instancePath || '/') + ' ' + error.message)
}

/**
 * Every problem with the records in `text` (one JSON record, an array, or
 * NDJSON); [] when all are valid. In NDJSON a line that is not JSON is one
 * problem, and the other lines are still checked.
 */
export async function validateRecords(text: string): Promise<string[]> {
  const problems: string[] = []
  const records: Array<{label: string; value: unknown}> = []
  try {
    const parsed: unknown = JSON.parse(text)
    const values = Array.isArray(parsed) ? parsed : [parsed]
    for (const [index, value] of values.entries()) records.push({label: 'record ' + (index + 1), value})
  } catch {
    for (const [index, line] of text.split('\n').entries()) {
      if (!line.trim()) continue
      try {
        records.push({label: 'line ' + (index + 1), value: JSON.parse(line) as unknown})
      } catch (error) {
        problems.push(
          'line ' + (index + 1) + ': not JSON (' + (error instanceof Error ? error.message : String(error)) + ')'
        )
      }
    }
  }
  if (records.length === 0 && problems.length === 0) return ['no record (the file is empty)']
  let complete: ValidateFunction | undefined
  for (const {label, value} of records) {
    if (validate(value)) continue
    // Note: loads zod and compiles the schema (~0.5 s), for failing records only.
    complete ??= (await import('./json-schema.js')).completeValidator()
    complete(value)
    for (const problem of describe(complete.errors)) problems.push(label + ': ' + problem)
  }
  return problems
}
