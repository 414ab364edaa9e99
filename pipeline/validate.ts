/**
 * Validate emitted JSON against the published JSON Schema with ajv, the way
 * a downstream consumer would. The validator is ajv's standalone code,
 * generated with the schema (`npm run schema`), so nothing compiles at start.
 */
import type {ValidateFunction} from 'ajv'
import generated from '../schemas/validate-record.js'

const validate = generated as unknown as ValidateFunction

/** Problems with one record object; [] when it is valid. */
export function validateRecord(record: unknown): string[] {
  if (validate(record)) return []
  return (validate.errors ?? []).map((error) => (error.instancePath || '/') + ' ' + error.message)
}

/**
 * Problems with the records in `text` (one JSON record, an array, or NDJSON);
 * [] when all are valid.
 */
export function validateRecords(text: string): string[] {
  let records: unknown[]
  try {
    const parsed: unknown = JSON.parse(text)
    records = Array.isArray(parsed) ? parsed : [parsed]
  } catch {
    try {
      records = text.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as unknown)
    } catch {
      return ['not JSON or NDJSON']
    }
  }
  if (records.length === 0) return ['no record']
  const problems: string[] = []
  for (const [index, record] of records.entries()) {
    for (const problem of validateRecord(record)) problems.push('record ' + (index + 1) + ': ' + problem)
  }
  return problems
}
