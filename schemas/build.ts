/**
 * Write `schemas/json/policy-record.schema.json` from the zod schema, and
 * `schemas/validate-record.ts`, its precompiled ajv validator; and the JSON
 * Schemas of the manifest and of `diff --format json` (`schemas/outputs.ts`).
 *
 * Run by `npm run schema`; the file is committed because consumers read it,
 * and `test/schema.test.ts` fails when it is stale.
 */
import {writeFile} from 'node:fs/promises'
import {outputJsonSchemas, policyRecordJsonSchema, standaloneValidator} from './json-schema.js'

await writeFile(new URL('json/policy-record.schema.json', import.meta.url), policyRecordJsonSchema())
await writeFile(new URL('validate-record.ts', import.meta.url), standaloneValidator())
for (const [name, text] of Object.entries(outputJsonSchemas()))
  await writeFile(new URL('json/' + name, import.meta.url), text)
