/**
 * The fields of the record's objects as the schema orders them, read from the
 * JSON Schema (`npm run schema` makes it from the zod schema in `record.ts`):
 * code that builds a record's object walks these instead of spelling the
 * fields out again, so a field added to the schema reaches it.
 */
import schema from './json/policy-record.schema.json' with {type: 'json'}
import type {Target} from './record.js'

type Definition = {properties: Record<string, unknown>; required?: readonly string[]}

/** A definition's fields in order, each with whether the schema requires it. */
function fieldsOf<T>(definition: Definition): Array<{name: keyof T; required: boolean}> {
  return Object.keys(definition.properties).map((name) => ({
    name: name as keyof T,
    required: definition.required?.includes(name) ?? false
  }))
}

/** A target's fields: an optional one (approx, stretch, relativeTo) is written only when set. */
export const targetFields = fieldsOf<Target>(schema.$defs.Target)
