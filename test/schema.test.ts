import {readFile} from 'node:fs/promises'
import {describe, expect, test} from 'vitest'
import {Ajv2020} from 'ajv/dist/2020.js'
import {outputJsonSchemas, policyRecordJsonSchema, standaloneValidator} from '../schemas/json-schema.js'
import {validateRecord, validateRecords} from '../schemas/validate.js'
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

  test('should publish current JSON Schemas of the manifest and of diff --format json (run `npm run schema` when not)', async () => {
    for (const [name, text] of Object.entries(outputJsonSchemas())) {
      expect(String(await readFile(new URL('../schemas/json/' + name, import.meta.url)))).toBe(text)
    }
  })

  test('should accept an emitted record with ajv and reject a broken one', async () => {
    const record = await extractText(
      '关于印发某市“十四五”规划的通知\n\n各部门：\n\n现印发给你们。\n\n某市人民政府\n\n2022年1月5日\n'
    )
    expect(await validateRecords(JSON.stringify(record))).toEqual([])
    const broken = {...record, kind: 'memo', title: {text: '', position: record.title?.position}}
    // The fast check stops at the first problem; the report lists every one.
    expect(validateRecord(broken)).toHaveLength(1)
    expect(await validateRecords(JSON.stringify(broken))).toEqual([
      'record 1: /kind must be equal to one of the allowed values',
      'record 1: /title/text must NOT have fewer than 1 characters',
      'record 1: /title must be null',
      'record 1: /title must match a schema in anyOf'
    ])
    expect(await validateRecords('not json')).toEqual([expect.stringMatching(/^line 1: not JSON/)])
  })

  test('should describe a real manifest and a real diff with their published JSON Schemas', async () => {
    const {runExtract} = await import('../pipeline/engine.js')
    const {diffTargets} = await import('../pipeline/diff.js')
    const {diffData} = await import('../pipeline/diff-data.js')
    const {mkdtemp} = await import('node:fs/promises')
    const {tmpdir} = await import('node:os')
    const path = await import('node:path')
    const {Writable} = await import('node:stream')
    const quiet = new Writable({write: (_chunk, _encoding, done) => done()})
    const out = await mkdtemp(path.join(tmpdir(), 'zhengce-schema-'))
    await runExtract(
      {inputs: [new URL('../seeds', import.meta.url).pathname], out, quiet: true},
      {stdout: quiet, stderr: quiet}
    )
    const schemas = outputJsonSchemas()
    const ajv = new Ajv2020({strict: true, allErrors: true})
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as {
      entries: Array<{record: string}>
    }
    const checkManifest = ajv.compile(JSON.parse(schemas['manifest.schema.json']!) as object)
    expect(checkManifest(manifest), JSON.stringify(checkManifest.errors)).toBe(true)
    const records = await Promise.all(
      manifest.entries.map(async (entry) => JSON.parse(await readFile(path.join(out, entry.record), 'utf8')))
    )
    const checkDiff = ajv.compile(JSON.parse(schemas['diff.schema.json']!) as object)
    const data = diffData(diffTargets(records))
    expect(checkDiff(data), JSON.stringify(checkDiff.errors)).toBe(true)
    expect(checkDiff({...data, rows: [{...data.rows[0], cells: [{...data.rows[0]!.cells[0], value: '15'}]}]})).toBe(
      false
    )
  })
})
