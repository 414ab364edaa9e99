/**
 * Records into the bytes of the table files, in any thread. A batch of
 * records becomes one chunk per table: a Parquet row group (the offsets in
 * its metadata counted from the chunk's first byte; `TableFile` moves them to
 * where the chunk lands) or CSV / NDJSON lines. Worker threads encode batches
 * side by side and the files are put together in the batches' order, so
 * their bytes do not depend on how many threads there were.
 */
import {stringify} from 'csv-stringify/sync'
import type {RowGroup} from 'hyparquet'
import {ByteWriter, ParquetWriter, schemaFromColumnData} from 'hyparquet-writer'
import type {PolicyRecord} from '../schemas/record.js'
import {formulaSafe} from './escape.js'
import {recordRows, specs, tableColumns, type Cell, type ColumnType} from './table-specs.js'

export type TableFormat = 'parquet' | 'csv' | 'ndjson'

export interface EncodeOptions {
  /** CSV cells as they are, formulas included (else a leading `=+-@` is defused). */
  rawCsv?: boolean
}

/**
 * A table's part of a batch: its row count and bytes, and for Parquet the row
 * group's metadata, its offsets those of a file holding the chunk alone (after
 * the file's 4-byte magic number).
 */
export interface Chunk {
  rows: number
  bytes: Uint8Array
  group?: RowGroup
}

/** Records per batch: a batch is one row group of each table, and what one worker encodes at a time. */
export const batchRecords = 1000

/** The schema of a Parquet table with `columns`. */
export function parquetSchema(columns: Array<[string, ColumnType]>) {
  return schemaFromColumnData({columnData: columns.map(([name, type]) => ({name, type, data: []}))})
}

/** Encode `records` as one chunk per table, in the tables' order. */
export function encodeBatch(records: PolicyRecord[], format: TableFormat, options: EncodeOptions = {}): Chunk[] {
  const columns = specs.map((spec) => tableColumns(spec).map((): Cell[] => []))
  const counts = specs.map(() => 0)
  for (const record of records) {
    const {base, rows} = recordRows(record)
    for (let table = 0; table < specs.length; table++) {
      const data = columns[table]!
      for (const row of rows[table]!) {
        for (let at = 0; at < base.length; at++) data[at]!.push(base[at]!)
        for (let at = 0; at < row.length; at++) data[base.length + at]!.push(row[at]!)
      }
      counts[table]! += rows[table]!.length
    }
  }
  return specs.map((spec, table) => encodeColumns(tableColumns(spec), columns[table]!, counts[table]!, format, options))
}

/** Encode `rows` rows held column by column (`data`) as `format`. */
export function encodeColumns(
  columns: Array<[string, ColumnType]>,
  data: Cell[][],
  rows: number,
  format: TableFormat,
  options: EncodeOptions = {}
): Chunk {
  if (rows === 0) return {rows, bytes: new Uint8Array()}
  if (format === 'parquet') {
    const writer = new ByteWriter()
    // Note: no min/max statistics (comparing every string was a tenth of the writing) and no page index (its offsets would need moving too).
    const parquet = new ParquetWriter({writer, schema: parquetSchema(columns), statistics: false})
    void parquet.write({
      columnData: columns.map(([name], at) => ({name, data: data[at]!, offsetIndex: false})),
      rowGroupSize: rows
    })
    // Note: the writer opened with the 4-byte magic number `PAR1`; the chunk is what follows.
    return {rows, bytes: writer.getBytes().slice(4), group: parquet.row_groups[0]!}
  }
  const lines = Array.from({length: rows}, (_, index) => data.map((column) => column[index] ?? null))
  const text =
    format === 'csv'
      ? stringify(options.rawCsv ? lines : lines.map((row) => row.map(formulaSafe)), {
          cast: {boolean: (value) => (value ? 'true' : 'false')}
        })
      : lines
          .map((row) => JSON.stringify(Object.fromEntries(columns.map(([name], at) => [name, row[at] ?? null]))))
          .join('\n') + '\n'
  // Note: bytes of their own (not a slice of Node's shared pool), so that a worker can hand them over.
  return {rows, bytes: new TextEncoder().encode(text)}
}
