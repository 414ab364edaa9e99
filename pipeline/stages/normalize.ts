/**
 * `file.data` → PolicyRecord, checked against the schema before it is written.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Diagnostic, PolicyRecord, Position, Source} from '../../schemas/record.js'
import {schemaVersion} from '../../schemas/version.js'
import {toPosition} from '../tree/blocks.js'
import {validateRecord} from '../../schemas/validate.js'

/** Build the record of an extracted file; throws when it does not conform to the schema. */
export function normalize(file: VFile, source: Source): PolicyRecord {
  const data = file.data
  // Note: typed as the record, so that a field the schema requires and this leaves out fails the type check.
  const record: PolicyRecord = {
    schemaVersion,
    id: source.sha256.slice(0, 16),
    source,
    kind: data.kind ?? 'other',
    title: data.title ?? null,
    issuers: data.issuers ?? [],
    docNumber: data.docNumber ?? null,
    date: data.date ?? null,
    printDate: data.printDate ?? null,
    recipients: data.recipients ?? [],
    cc: data.cc ?? [],
    publicity: data.publicity ?? null,
    enclosed: data.enclosed ?? null,
    jurisdiction: data.jurisdiction ?? null,
    period: data.period ?? null,
    outline: data.outline ?? [],
    targets: data.targets ?? [],
    columns: data.columns ?? [],
    deadlines: data.deadlines ?? [],
    references: data.references ?? [],
    diagnostics: file.messages.map(toDiagnostic).sort(byPosition)
  }
  // Note: checked against the published JSON Schema (compiled by ajv, generated
  // from the zod schema): what consumers validate, and ~20× faster than zod here.
  const problems = validateRecord(record)
  if (problems.length > 0) throw new Error('record does not conform to the schema: ' + problems[0])
  return record
}

function toDiagnostic(message: VFileMessage): Diagnostic {
  return {
    severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
    rule: message.ruleId ?? 'unknown',
    message: message.reason,
    position: message.place ? placeOf(message.place) : null
  }
}

/** A message's place (a point or a span) as a record position. */
function placeOf(place: NonNullable<VFileMessage['place']>): Position {
  return toPosition('start' in place ? place : {start: place, end: place})
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (a.position?.start.offset ?? -1) - (b.position?.start.offset ?? -1) || a.rule.localeCompare(b.rule)
}
