/**
 * `zhengce table`: records into long-format tables for analysis — one row per
 * item, typed columns, the document's attributes joined on — as Parquet
 * (hyparquet-writer), CSV (csv-stringify) or NDJSON.
 *
 * Tables: `documents`, `targets`, `deadlines`, `columns`, `references`,
 * `diagnostics`. The column dictionary is in the README.
 */
import {mkdirSync} from 'node:fs'
import path from 'node:path'
import {stringify} from 'csv-stringify/sync'
import {parquetWriteFile} from 'hyparquet-writer'
import type {PolicyRecord, Target, Value} from '../schemas/record.js'
import type {EngineStreams} from './report.js'
import {recordFilesOf, recordsOf} from './records.js'
import {formulaSafe} from './escape.js'
import {WriteGuard} from './guard.js'
import {writeAtomic} from './write.js'

/** A column's type: what Parquet stores and what a CSV reader should parse. */
type ColumnType = 'STRING' | 'DOUBLE' | 'INT32' | 'BOOLEAN'
type Cell = string | number | boolean | null

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

/** Build the six tables of `records`. */
export function tablesOf(records: PolicyRecord[]): Table[] {
  const tables: Record<string, Table> = {
    documents: {
      name: 'documents',
      columns: [...documentColumns, ['targets', 'INT32'], ['columns', 'INT32'], ['deadlines', 'INT32'], ['warnings', 'INT32'], ['unread_goal_numbers', 'INT32']],
      rows: []
    },
    targets: {
      name: 'targets',
      columns: [
        ...documentColumns,
        ['target_id', 'STRING'], ['indicator', 'STRING'], ['key', 'STRING'], ['category', 'STRING'], ['unit', 'STRING'],
        ['value_number', 'DOUBLE'], ['value_min', 'DOUBLE'], ['value_max', 'DOUBLE'], ['value_text', 'STRING'], ['comparator', 'STRING'],
        ['approx', 'BOOLEAN'], ['stretch', 'BOOLEAN'], ['measure', 'STRING'], ['relative_to', 'STRING'], ['year', 'INT32'],
        ['baseline_year', 'INT32'], ['baseline_number', 'DOUBLE'], ['latest_actual_year', 'INT32'], ['latest_actual_number', 'DOUBLE'],
        ['status', 'STRING'], ['origin', 'STRING'], ['section', 'STRING'], ['column_id', 'STRING'], ['mentions', 'INT32'], ['quote', 'STRING'], ['line', 'INT32'], ['col', 'INT32']
      ],
      rows: []
    },
    deadlines: {
      name: 'deadlines',
      columns: [...documentColumns, ['deadline_id', 'STRING'], ['year', 'INT32'], ['month', 'INT32'], ['deadline_kind', 'STRING'], ['text', 'STRING'], ['target_ids', 'STRING'], ['line', 'INT32'], ['col', 'INT32']],
      rows: []
    },
    columns: {
      name: 'columns',
      columns: [...documentColumns, ['column_id', 'STRING'], ['number', 'INT32'], ['label', 'STRING'], ['column_title', 'STRING'], ['section', 'STRING'], ['line', 'INT32']],
      rows: []
    },
    references: {
      name: 'references',
      columns: [...documentColumns, ['cited_title', 'STRING'], ['cited_number', 'STRING'], ['times', 'INT32'], ['line', 'INT32']],
      rows: []
    },
    diagnostics: {
      name: 'diagnostics',
      columns: [...documentColumns, ['severity', 'STRING'], ['rule', 'STRING'], ['message', 'STRING'], ['line', 'INT32'], ['col', 'INT32']],
      rows: []
    }
  }
  for (const record of records) {
    const base = documentCells(record)
    const warnings = record.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info').length
    const unread = record.diagnostics.filter((diagnostic) => diagnostic.rule === 'unread-goal-number').length
    tables.documents!.rows.push([...base, record.targets.length, record.columns.length, record.deadlines.length, warnings, unread])
    for (const target of record.targets) {
      const start = target.position.start
      tables.targets!.rows.push([
        ...base, target.id, target.indicator, target.key, target.category, target.unit, ...valueCells(target.value),
        target.approx ?? false, target.stretch ?? false, target.measure, target.relativeTo ?? null, target.year,
        target.baseline?.year ?? null, target.baseline?.value.kind === 'number' ? target.baseline.value.number : null, ...latestActual(target),
        target.status, target.origin, target.section, target.column, target.mentions.length, target.quote, start.line, start.column
      ])
    }
    for (const deadline of record.deadlines) {
      tables.deadlines!.rows.push([...base, deadline.id, deadline.year, deadline.month, deadline.kind, deadline.text, deadline.targets.join(' ') || null, deadline.position.start.line, deadline.position.start.column])
    }
    for (const column of record.columns) {
      tables.columns!.rows.push([...base, column.id, column.number, column.label, column.title, column.section, column.position.start.line])
    }
    for (const reference of record.references) {
      tables.references!.rows.push([...base, reference.title, reference.documentNumber, reference.positions.length, reference.position.start.line])
    }
    for (const diagnostic of record.diagnostics) {
      tables.diagnostics!.rows.push([...base, diagnostic.severity, diagnostic.rule, diagnostic.message, diagnostic.position?.start.line ?? null, diagnostic.position?.start.column ?? null])
    }
  }
  return Object.values(tables)
}

/** Write `table` into `folder` as `format`; resolves to the file written. */
export function writeTable(table: Table, folder: string, format: 'parquet' | 'csv' | 'ndjson', options: {bom?: boolean; rawCsv?: boolean} = {}): string {
  const file = path.join(folder, table.name + '.' + format)
  if (format === 'parquet') {
    parquetWriteFile({
      filename: file,
      columnData: table.columns.map(([name, type], at) => ({name, type, data: table.rows.map((row) => row[at] ?? null)}))
    })
    return file
  }
  if (format === 'csv') {
    const rows = options.rawCsv ? table.rows : table.rows.map((row) => row.map(formulaSafe))
    const text = stringify([table.columns.map(([name]) => name), ...rows], {cast: {boolean: (value) => (value ? 'true' : 'false')}})
    writeAtomic(file, (options.bom ? '\ufeff' : '') + text)
    return file
  }
  const names = table.columns.map(([name]) => name)
  writeAtomic(file, table.rows.map((row) => JSON.stringify(Object.fromEntries(names.map((name, at) => [name, row[at] ?? null])))).join('\n') + (table.rows.length > 0 ? '\n' : ''))
  return file
}

/** Run `table`; resolves to the exit code. */
export async function runTable(inputs: string[], options: {to: string; format: string; bom: boolean; rawCsv: boolean}, streams: EngineStreams): Promise<number> {
  if (options.format !== 'parquet' && options.format !== 'csv' && options.format !== 'ndjson') {
    streams.stderr.write('error: --format must be parquet, csv or ndjson\n')
    return 2
  }
  let records: PolicyRecord[]
  try {
    records = await recordsOf(inputs)
  } catch (error) {
    streams.stderr.write('error: ' + (error instanceof Error ? error.message : String(error)).split('\n')[0] + '\n')
    return 1
  }
  // Note: a table is never written over a file it was made from (records.ndjson in --to, say).
  const guard = new WriteGuard(await recordFilesOf(inputs))
  const tables = tablesOf(records)
  for (const table of tables) {
    const refused = guard.refusal(path.join(options.to, table.name + '.' + options.format), options.to)
    if (refused) {
      streams.stderr.write('error: ' + refused + '\n')
      return 2
    }
  }
  mkdirSync(options.to, {recursive: true})
  for (const table of tables) {
    const file = writeTable(table, options.to, options.format, options)
    streams.stderr.write(file + ': ' + table.rows.length + ' rows\n')
  }
  return 0
}
