import {readFile} from 'node:fs/promises'
import {describe, expect, test} from 'vitest'
import {policyRecordJsonSchema, standaloneValidator} from '../schemas/json-schema.js'
import {validateRecord, validateRecords} from '../pipeline/validate.js'
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
    expect(await validateRecords(JSON.stringify(record))).toEqual([])
    const broken = {...record, kind: 'memo', title: {text: '', position: record.title?.position}}
    // The fast check stops at the first problem; the report lists every one.
    expect(validateRecord(broken)).toHaveLength(1)
    expect(await validateRecords(JSON.stringify(broken))).toEqual(['record 1: /kind must be equal to one of the allowed values', 'record 1: /title/text must NOT have fewer than 1 characters', 'record 1: /title must be null', 'record 1: /title must match a schema in anyOf'])
    expect(await validateRecords('not json')).toEqual([expect.stringMatching(/^line 1: not JSON/)])
  })
})
