import {readFile} from 'node:fs/promises'
import {describe, expect, test} from 'vitest'
import {policyRecordJsonSchema, standaloneValidator} from '../schemas/json-schema.js'
import {validateRecords} from '../pipeline/validate.js'
import {extractText} from './helpers/extract.js'

describe('schema', () => {
  test('should have a committed JSON Schema that is current (run `npm run schema` when it is not)', async () => {
    const committed = String(await readFile(new URL('../schemas/json/policy-record.schema.json', import.meta.url)))
    expect(committed).toBe(policyRecordJsonSchema())
  })

  test('should have a committed standalone validator that is current (run `npm run schema` when it is not)', async () => {
    const committed = String(await readFile(new URL('../schemas/validate-record.ts', import.meta.url)))
    expect(committed).toBe(standaloneValidator())
  })

  test('should accept an emitted record with ajv and reject a broken one', async () => {
    const record = await extractText('关于印发某市“十四五”规划的通知\n\n各部门：\n\n现印发给你们。\n\n某市人民政府\n\n2022年1月5日\n')
    expect(validateRecords(JSON.stringify(record))).toEqual([])
    const broken = {...record, kind: 'memo', title: ''}
    expect(validateRecords(JSON.stringify(broken)).length).toBeGreaterThan(0)
    expect(validateRecords('not json')).toEqual(['not JSON or NDJSON'])
  })
})
