/**
 * Write `schemas/json/policy-record.schema.json` from the zod schema, and
 * `schemas/validate-record.ts`, its precompiled ajv validator.
 *
 * Run by `npm run schema`; the file is committed because consumers read it,
 * and `test/schema.test.ts` fails when it is stale.
 */
import {writeFile} from 'node:fs/promises'
import {policyRecordJsonSchema, standaloneValidator} from './json-schema.js'

await writeFile(new URL('json/policy-record.schema.json', import.meta.url), policyRecordJsonSchema())
await writeFile(new URL('validate-record.ts', import.meta.url), standaloneValidator())
