/**
 * `zhengce table`: records into long-format tables for analysis — one row per
 * item, typed columns, the document's attributes joined on — as Parquet
 * (hyparquet-writer), CSV (csv-stringify) or NDJSON.
 *
 * Tables: `documents`, `targets`, `deadlines`, `columns`, `references`,
 * `diagnostics` (`table-specs.ts`; the column dictionary is in
 * `docs/tables.md`). Records are encoded a batch at a time
 * (`table-encode.ts`), in worker threads where they can be (`table-batches.ts`),
 * and each table file is put together from its chunks in order.
 */
import {appendFileSync, mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {stringify} from 'csv-stringify/sync'
import {ParquetWriter, fileWriter} from 'hyparquet-writer'
import type {EngineStreams} from './report.js'
import {batchStream, recordFileGroups} from './table-batches.js'
import {encodeColumns, parquetSchema, type Chunk, type EncodeOptions, type TableFormat} from './table-encode.js'
import {specs, tableColumns, type ColumnType, type Table} from './table-specs.js'
import {WriteGuard} from './guard.js'
import {temporaryFor} from './write.js'

export {tablesOf, type Table} from './table-specs.js'

type FileOptions = EncodeOptions & {bom?: boolean}

/**
 * A table file put together from chunks in order: Parquet row groups (their
 * offsets moved to where they land) or lines; into a temporary file renamed
 * into place by `close`, so a table is whole or absent.
 */
export class TableFile {
  readonly file: string
  rows = 0
  readonly #temporary: string
  readonly #parquet: ParquetWriter | undefined

  constructor(
    name: string,
    columns: Array<[string, ColumnType]>,
    folder: string,
    format: TableFormat,
    options: FileOptions
  ) {
    this.file = path.join(folder, name + '.' + format)
    this.#temporary = temporaryFor(this.file)
    if (format === 'parquet')
      this.#parquet = new ParquetWriter({
        writer: fileWriter(this.#temporary),
        schema: parquetSchema(columns),
        statistics: false
      })
    else
      writeFileSync(
        this.#temporary,
        format === 'csv' ? (options.bom ? '\ufeff' : '') + stringify([columns.map(([column]) => column)]) : ''
      )
  }

  append(chunk: Chunk): void {
    if (chunk.rows === 0) return
    this.rows += chunk.rows
    const parquet = this.#parquet
    if (!parquet) {
      appendFileSync(this.#temporary, chunk.bytes)
      return
    }
    // Note: the chunk's offsets count from the start of a file of its own (after its 4-byte magic number).
    const shift = BigInt(parquet.writer.offset - 4)
    const group = chunk.group!
    for (const column of group.columns) {
      column.file_offset += shift
      const meta = column.meta_data!
      meta.data_page_offset += shift
      if (meta.dictionary_page_offset !== undefined) meta.dictionary_page_offset += shift
    }
    parquet.writer.appendBytes(chunk.bytes)
    parquet.row_groups.push(group)
    parquet.num_rows += group.num_rows
  }

  close(): string {
    this.#parquet?.finish()
    renameSync(this.#temporary, this.file)
    return this.file
  }

  abandon(): void {
    rmSync(this.#temporary, {force: true})
  }
}

/** Write `table` into `folder` as `format`; returns the file written. */
export function writeTable(table: Table, folder: string, format: TableFormat, options: FileOptions = {}): string {
  const file = new TableFile(table.name, table.columns, folder, format, options)
  const data = table.columns.map((_, at) => table.rows.map((row) => row[at] ?? null))
  file.append(encodeColumns(table.columns, data, table.rows.length, format, options))
  return file.close()
}

/**
 * Run `table`; resolves to the exit code. Records stream through a batch at
 * a time: memory holds the batches in flight, not the records.
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
  const files = specs.map((spec) => new TableFile(spec.name, tableColumns(spec), options.to, format, options))
  try {
    for await (const chunks of batchStream(inputs, groups, format, options))
      for (const [index, file] of files.entries()) file.append(chunks[index]!)
  } catch (error) {
    for (const file of files) file.abandon()
    streams.stderr.write('error: ' + (error instanceof Error ? error.message : String(error)).split('\n')[0] + '\n')
    return 1
  }
  for (const file of files) streams.stderr.write(file.close() + ': ' + file.rows + ' rows\n')
  return 0
}
