/**
 * Validate emitted JSON against the published JSON Schema with ajv, the way
 * a downstream consumer would. The validator is ajv's standalone code,
 * generated with the schema (`npm run schema`), so nothing compiles at start;
 * it stops at the first problem. Only when a record fails is a validator
 * that lists every problem compiled (`validateRecords`).
 */
import type {ValidateFunction} from 'ajv'
import generated from '../schemas/validate-record.js'

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
 * NDJSON); [] when all are valid.
 */
export async function validateRecords(text: string): Promise<string[]> {
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
  let complete: ValidateFunction | undefined
  for (const [index, record] of records.entries()) {
    if (validate(record)) continue
    // Note: loads zod and compiles the schema (~0.5 s), for failing records only.
    complete ??= (await import('../schemas/json-schema.js')).completeValidator()
    complete(record)
    for (const problem of describe(complete.errors)) problems.push('record ' + (index + 1) + ': ' + problem)
  }
  return problems
}
