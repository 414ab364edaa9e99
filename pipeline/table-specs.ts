/**
 * The six tables of `zhengce table`: their columns and the rows a record adds
 * to each, the document's attributes first on every row. The column
 * dictionary is in `docs/tables.md`.
 */
import type {PolicyRecord, Target, Value} from '../schemas/record.js'

/** A column's type: what Parquet stores and what a CSV reader should parse. */
export type ColumnType = 'STRING' | 'DOUBLE' | 'INT32' | 'BOOLEAN'
export type Cell = string | number | boolean | null

/** A table: its columns in order with their types, and its rows. */
export interface Table {
  name: string
  columns: Array<[string, ColumnType]>
  rows: Cell[][]
}

/** The document's attributes every table carries first. */
export const documentColumns: Array<[string, ColumnType]> = [
  ['record_id', 'STRING'],
  ['source_path', 'STRING'],
  ['kind', 'STRING'],
  ['title', 'STRING'],
  ['jurisdiction', 'STRING'],
  ['jurisdiction_level', 'STRING'],
  ['jurisdiction_code', 'STRING'],
  ['province', 'STRING'],
  ['city', 'STRING'],
  ['period_start', 'INT32'],
  ['period_end', 'INT32'],
  ['issuers', 'STRING'],
  ['doc_number', 'STRING'],
  ['date', 'STRING']
]

function documentCells(record: PolicyRecord): Cell[] {
  const jurisdiction = record.jurisdiction
  return [
    record.id,
    record.source.path,
    record.kind,
    record.title?.text ?? record.enclosed?.title ?? null,
    jurisdiction?.name ?? null,
    jurisdiction?.level ?? null,
    jurisdiction?.code ?? null,
    jurisdiction?.province ?? null,
    jurisdiction?.city ?? null,
    record.period?.start ?? null,
    record.period?.end ?? null,
    record.issuers.length > 0 ? record.issuers.map((issuer) => issuer.name).join('；') : null,
    record.docNumber?.text ?? null,
    record.date?.value ?? null
  ]
}

/** A value as typed cells: number, min, max, text, comparator. */
function valueCells(value: Value | null): Cell[] {
  if (!value) return [null, null, null, null, null]
  if (value.kind === 'number') return [value.number, null, null, null, value.comparator ?? null]
  if (value.kind === 'range') return [null, value.min, value.max, null, null]
  return [null, null, null, value.text, null]
}

function latestActual(target: Target): [number | null, number | null] {
  const last = target.actuals.at(-1)
  return last && last.value.kind === 'number' ? [last.year, last.value.number] : [last?.year ?? null, null]
}

/** One table: its name, its columns after the document's, and its rows for a record (after the document's cells). */
export interface TableSpec {
  name: string
  columns: Array<[string, ColumnType]>
  rowsOf(record: PolicyRecord): Cell[][]
}

export const specs: TableSpec[] = [
  {
    name: 'documents',
    columns: [
      ['targets', 'INT32'],
      ['columns', 'INT32'],
      ['deadlines', 'INT32'],
      ['warnings', 'INT32'],
      ['unread_goal_numbers', 'INT32']
    ],
    rowsOf(record) {
      let warnings = 0
      let unread = 0
      for (const diagnostic of record.diagnostics) {
        if (diagnostic.severity !== 'info') warnings++
        if (diagnostic.rule === 'unread-goal-number') unread++
      }
      return [[record.targets.length, record.columns.length, record.deadlines.length, warnings, unread]]
    }
  },
  {
    name: 'targets',
    columns: [
      ['target_id', 'STRING'],
      ['indicator', 'STRING'],
      ['key', 'STRING'],
      ['category', 'STRING'],
      ['unit', 'STRING'],
      ['value_number', 'DOUBLE'],
      ['value_min', 'DOUBLE'],
      ['value_max', 'DOUBLE'],
      ['value_text', 'STRING'],
      ['comparator', 'STRING'],
      ['approx', 'BOOLEAN'],
      ['stretch', 'BOOLEAN'],
      ['measure', 'STRING'],
      ['relative_to', 'STRING'],
      ['year', 'INT32'],
      ['baseline_year', 'INT32'],
      ['baseline_number', 'DOUBLE'],
      ['latest_actual_year', 'INT32'],
      ['latest_actual_number', 'DOUBLE'],
      ['status', 'STRING'],
      ['origin', 'STRING'],
      ['section', 'STRING'],
      ['column_id', 'STRING'],
      ['mentions', 'INT32'],
      ['quote', 'STRING'],
      ['line', 'INT32'],
      ['col', 'INT32']
    ],
    rowsOf: (record) =>
      record.targets.map((target) => [
        target.id,
        target.indicator,
        target.key,
        target.category,
        target.unit,
        ...valueCells(target.value),
        target.approx ?? false,
        target.stretch ?? false,
        target.measure,
        target.relativeTo ?? null,
        target.year,
        target.baseline?.year ?? null,
        target.baseline?.value.kind === 'number' ? target.baseline.value.number : null,
        ...latestActual(target),
        target.status,
        target.origin,
        target.section,
        target.column,
        target.mentions.length,
        target.quote,
        target.position.start.line,
        target.position.start.column
      ])
  },
  {
    name: 'deadlines',
    columns: [
      ['deadline_id', 'STRING'],
      ['year', 'INT32'],
      ['month', 'INT32'],
      ['deadline_kind', 'STRING'],
      ['text', 'STRING'],
      ['target_ids', 'STRING'],
      ['line', 'INT32'],
      ['col', 'INT32']
    ],
    rowsOf: (record) =>
      record.deadlines.map((deadline) => [
        deadline.id,
        deadline.year,
        deadline.month,
        deadline.kind,
        deadline.text,
        deadline.targets.join(' ') || null,
        deadline.position.start.line,
        deadline.position.start.column
      ])
  },
  {
    name: 'columns',
    columns: [
      ['column_id', 'STRING'],
      ['number', 'INT32'],
      ['label', 'STRING'],
      ['column_title', 'STRING'],
      ['section', 'STRING'],
      ['line', 'INT32']
    ],
    rowsOf: (record) =>
      record.columns.map((column) => [
        column.id,
        column.number,
        column.label,
        column.title,
        column.section,
        column.position.start.line
      ])
  },
  {
    name: 'references',
    columns: [
      ['cited_title', 'STRING'],
      ['cited_number', 'STRING'],
      ['times', 'INT32'],
      ['line', 'INT32']
    ],
    rowsOf: (record) =>
      record.references.map((reference) => [
        reference.title,
        reference.documentNumber,
        reference.positions.length,
        reference.position.start.line
      ])
  },
  {
    name: 'diagnostics',
    columns: [
      ['severity', 'STRING'],
      ['rule', 'STRING'],
      ['message', 'STRING'],
      ['line', 'INT32'],
      ['col', 'INT32']
    ],
    rowsOf: (record) =>
      record.diagnostics.map((diagnostic) => [
        diagnostic.severity,
        diagnostic.rule,
        diagnostic.message,
        diagnostic.position?.start.line ?? null,
        diagnostic.position?.start.column ?? null
      ])
  }
]

/** A table's columns: the document's, then its own. */
export function tableColumns(spec: TableSpec): Array<[string, ColumnType]> {
  return [...documentColumns, ...spec.columns]
}

/** A record's cells: the document's, and each table's rows (in the order of the tables). */
export interface RecordRows {
  base: Cell[]
  rows: Cell[][][]
}

/** The cells `record` adds to the tables. */
export function recordRows(record: PolicyRecord): RecordRows {
  return {base: documentCells(record), rows: specs.map((spec) => spec.rowsOf(record))}
}

/** Build the six tables of `records` in memory (`runTable` streams them instead). */
export function tablesOf(records: PolicyRecord[]): Table[] {
  const tables = specs.map((spec) => ({
    name: spec.name,
    columns: tableColumns(spec),
    rows: [] as Cell[][]
  }))
  for (const record of records) {
    const base = documentCells(record)
    for (const [index, spec] of specs.entries())
      for (const row of spec.rowsOf(record)) tables[index]!.rows.push([...base, ...row])
  }
  return tables
}
