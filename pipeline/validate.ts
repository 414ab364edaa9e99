/**
 * Validate emitted JSON against the published JSON Schema with ajv, the way
 * a downstream consumer would.
 */
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import schema from '../schemas/json/policy-record.schema.json' with {type: 'json'}

const ajv = new Ajv2020({strict: true, allErrors: true})
addFormats.default(ajv)
const validate = ajv.compile(schema)

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
