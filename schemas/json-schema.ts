/**
 * The JSON Schema (draft 2020-12) generated from the zod record schema.
 */
import {z} from 'zod'
import {PolicyRecord, schemaVersion} from './record.js'

/** Serialised JSON Schema text, exactly as committed in `schemas/json/`. */
export function policyRecordJsonSchema(): string {
  const schema = z.toJSONSchema(PolicyRecord, {
    target: 'draft-2020-12',
    io: 'output',
    unrepresentable: 'throw'
  })
  const document = {
    ...schema,
    $id: 'https://zhengce.dev/schemas/policy-record-' + schemaVersion + '.schema.json'
  }
  return JSON.stringify(document, null, 2) + '\n'
}
