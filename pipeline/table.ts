/**
 * `zhengce table`: records into long-format tables for analysis — one row per
 * item, typed columns, the document's attributes joined on — as Parquet
 * (hyparquet-writer), CSV (csv-stringify) or NDJSON.
 *
 * Tables: `documents`, `targets`, `deadlines`, `columns`, `references`,
 * `diagnostics`. The column dictionary is in `docs/tables.md`.
 */
import {appendFileSync, mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {stringify} from 'csv-stringify/sync'
import {ParquetWriter, fileWriter, schemaFromColumnData} from 'hyparquet-writer'
import type {PolicyRecord, Target, Value} from '../schemas/record.js'
import type {EngineStreams} from './report.js'
import {recordFileGroups, rowStream} from './table-rows.js'
import {formulaSafe} from './escape.js'
import {WriteGuard} from './guard.js'
import {temporaryFor} from './write.js'

/** A column's type: what Parquet stores and what a CSV reader should parse. */
type ColumnType = 'STRING' | 'DOUBLE' | 'INT32' | 'BOOLEAN'
export type Cell = string | number | boolean | null

/** A table: its columns in order with their types, and its rows. */
export interface Table {
  name: string
  columns: Array<[string, ColumnType]>
  rows: Cell[][]
}

/** The document's attributes every table carries first. */
const documentColumns: Array<[string, ColumnType]> = [
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
interface TableSpec {
  name: string
  columns: Array<[string, ColumnType]>
  rowsOf(record: PolicyRecord): Cell[][]
}

const specs: TableSpec[] = [
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
    columns: [...documentColumns, ...spec.columns],
    rows: [] as Cell[][]
  }))
  for (const record of records) {
    const base = documentCells(record)
    for (const [index, spec] of specs.entries())
      for (const row of spec.rowsOf(record)) tables[index]!.rows.push([...base, ...row])
  }
  return tables
}

type TableFormat = 'parquet' | 'csv' | 'ndjson'

/**
 * A table file written as rows come: Parquet a row group at a time
 * (`rowGroup` rows held), CSV and NDJSON a chunk at a time; into a temporary
 * file renamed into place by `close`, so a table is whole or absent.
 */
class TableFile {
  readonly file: string
  rows = 0
  readonly #temporary: string
  readonly #columns: Array<[string, ColumnType]>
  readonly #format: TableFormat
  readonly #options: {bom?: boolean; rawCsv?: boolean}
  /** The rows held, column by column (what Parquet writes). */
  #pending: Cell[][]
  #held = 0
  #parquet: ParquetWriter | undefined

  constructor(
    name: string,
    columns: Array<[string, ColumnType]>,
    folder: string,
    format: TableFormat,
    options: {bom?: boolean; rawCsv?: boolean}
  ) {
    this.file = path.join(folder, name + '.' + format)
    this.#temporary = temporaryFor(this.file)
    this.#columns = columns
    this.#format = format
    this.#options = options
    this.#pending = columns.map(() => [])
    if (format === 'parquet') {
      const schema = schemaFromColumnData({
        columnData: columns.map(([column, type]) => ({name: column, type, data: []}))
      })
      // Note: no min/max statistics: comparing every string was a tenth of the writing, and row groups of 100 000 rows gain little from them.
      this.#parquet = new ParquetWriter({writer: fileWriter(this.#temporary), schema, statistics: false})
    } else {
      writeFileSync(
        this.#temporary,
        format === 'csv' ? (options.bom ? '\ufeff' : '') + stringify([columns.map(([column]) => column)]) : ''
      )
    }
  }

  /** Add rows of `base` (the document's cells) followed by each of `rows`. */
  add(rows: Cell[][], base: Cell[] = []): void {
    const pending = this.#pending
    for (const row of rows) {
      for (let at = 0; at < base.length; at++) pending[at]!.push(base[at]!)
      for (let at = 0; at < row.length; at++) pending[base.length + at]!.push(row[at]!)
    }
    this.#held += rows.length
    this.rows += rows.length
    if (this.#held >= rowGroup) this.#flush()
  }

  close(): string {
    this.#flush()
    this.#parquet?.finish()
    renameSync(this.#temporary, this.file)
    return this.file
  }

  abandon(): void {
    rmSync(this.#temporary, {force: true})
  }

  #flush(): void {
    const columns = this.#pending
    const count = this.#held
    this.#pending = this.#columns.map(() => [])
    this.#held = 0
    if (count === 0) return
    if (this.#parquet) {
      this.#parquet.write({
        columnData: this.#columns.map(([name], at) => ({name, data: columns[at]!})),
        rowGroupSize: count
      })
      return
    }
    const rows = Array.from({length: count}, (_, index) => columns.map((column) => column[index] ?? null))
    if (this.#format === 'csv') {
      const cells = this.#options.rawCsv ? rows : rows.map((row) => row.map(formulaSafe))
      appendFileSync(this.#temporary, stringify(cells, {cast: {boolean: (value) => (value ? 'true' : 'false')}}))
      return
    }
    const names = this.#columns.map(([name]) => name)
    appendFileSync(
      this.#temporary,
      rows
        .map((row) => JSON.stringify(Object.fromEntries(names.map((name, at) => [name, row[at] ?? null]))))
        .join('\n') + '\n'
    )
  }
}

/** Rows held per table before they are written (a Parquet row group). */
const rowGroup = 100_000

/** Write `table` into `folder` as `format`; returns the file written. */
export function writeTable(
  table: Table,
  folder: string,
  format: TableFormat,
  options: {bom?: boolean; rawCsv?: boolean} = {}
): string {
  const file = new TableFile(table.name, table.columns, folder, format, options)
  file.add(table.rows)
  return file.close()
}

/**
 * Run `table`; resolves to the exit code. Records stream through: each is
 * read, turned into rows and let go, so memory holds a row group per table,
 * not the records.
 */
export async function runTable(
  inputs: string[],
  options: {to: string; format: string; bom: boolean; rawCsv: boolean},
  streams: EngineStreams
): Promise<number> {
  if (options.format !== 'parquet' && options.format !== 'csv' && options.format !== 'ndjson') {
    streams.stderr.write('error: --format must be parquet, csv or ndjson\n')
    return 2
  }
  const format = options.format
  // Note: a table is never written over a file it was made from (records.ndjson in --to, say).
  const groups = await recordFileGroups(inputs)
  const guard = new WriteGuard(groups.flat())
  for (const spec of specs) {
    const refused = guard.refusal(path.join(options.to, spec.name + '.' + format), options.to)
    if (refused) {
      streams.stderr.write('error: ' + refused + '\n')
      return 2
    }
  }
  mkdirSync(options.to, {recursive: true})
  const files = specs.map(
    (spec) => new TableFile(spec.name, [...documentColumns, ...spec.columns], options.to, format, options)
  )
  try {
    for await (const {base, rows} of rowStream(inputs, groups)) {
      for (const [index, file] of files.entries()) file.add(rows[index]!, base)
    }
  } catch (error) {
    for (const file of files) file.abandon()
    streams.stderr.write('error: ' + (error instanceof Error ? error.message : String(error)).split('\n')[0] + '\n')
    return 1
  }
  for (const file of files) streams.stderr.write(file.close() + ': ' + file.rows + ' rows\n')
  return 0
}
