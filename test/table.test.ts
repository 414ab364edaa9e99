/**
 * `zhengce table`: the committed records of the seeds as long-format tables,
 * read back with a real Parquet reader (hyparquet) and as CSV.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdtemp, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parquetReadObjects} from 'hyparquet'
import {describe, expect, test} from 'vitest'
import {recordsOf} from '../pipeline/records.js'
import {runTable, TableFile, tablesOf, writeTable} from '../pipeline/table.js'
import {encodeBatch} from '../pipeline/table-encode.js'
import {specs, tableColumns} from '../pipeline/table-specs.js'
import {extractText} from './helpers/extract.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const seeds = path.join(root, 'output', 'seeds')

function sink() {
  let text = ''
  return {
    stream: {write: (chunk: string) => ((text += chunk), true)} as unknown as NodeJS.WritableStream,
    text: () => text
  }
}

async function readParquet(file: string): Promise<Array<Record<string, unknown>>> {
  const buffer = await readFile(file)
  return parquetReadObjects({file: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength)})
}

describe('zhengce table', () => {
  test('should write one row per item of every record of an output folder, as typed Parquet columns', async () => {
    const records = await recordsOf([seeds])
    expect(records).toHaveLength(5)
    const to = await mkdtemp(path.join(tmpdir(), 'zhengce-table-'))
    const stderr = sink()
    expect(
      await runTable(
        [seeds],
        {to, format: 'parquet', bom: false, rawCsv: false},
        {stdout: sink().stream, stderr: stderr.stream}
      )
    ).toBe(0)
    const targets = await readParquet(path.join(to, 'targets.parquet'))
    expect(targets).toHaveLength(records.reduce((sum, record) => sum + record.targets.length, 0))
    const documents = await readParquet(path.join(to, 'documents.parquet'))
    expect(documents.map((row) => row.record_id).sort()).toEqual(records.map((record) => record.id).sort())
    const deadlines = await readParquet(path.join(to, 'deadlines.parquet'))
    expect(deadlines).toHaveLength(records.reduce((sum, record) => sum + record.deadlines.length, 0))
    // Typed: numbers as numbers, flags as booleans, absent as null, the document joined on.
    const first = records[0]!.targets[0]!
    const row = targets.find((candidate) => candidate.record_id === records[0]!.id && candidate.target_id === first.id)!
    expect(row.indicator).toBe(first.indicator)
    expect(row.value_number).toBe(first.value?.kind === 'number' ? first.value.number : null)
    expect(typeof row.approx).toBe('boolean')
    expect(row.year).toBe(first.year)
    expect(row.jurisdiction).toBe(records[0]!.jurisdiction?.name ?? null)
    expect(stderr.text()).toMatch(/targets\.parquet: \d+ rows/)
  })

  test('should read each record of a folder once, though the run wrote its NDJSON beside the records', async () => {
    const {cp, writeFile} = await import('node:fs/promises')
    const folder = await mkdtemp(path.join(tmpdir(), 'zhengce-table-'))
    await cp(seeds, folder, {recursive: true})
    const lines = (await recordsOf([seeds])).map((record) => JSON.stringify(record)).join('\n') + '\n'
    await writeFile(path.join(folder, 'all.ndjson'), lines)
    expect(await recordsOf([folder])).toHaveLength(5)
    // A glob over an output folder names its manifest too: it is passed over.
    expect(
      await recordsOf([path.join(seeds, 'manifest.json'), path.join(seeds, '000_3463f909dcea441a.json')])
    ).toHaveLength(1)
  })

  test('should split a value into number, range and text columns and keep measure, approx and stretch', async () => {
    const record = await extractText(
      '各位代表：\n\n一、2023年工作回顾\n\n过去一年，经济平稳。\n\n二、2024年工作安排\n\n今年主要预期目标是：地区生产总值增长5.5%左右、力争6%以上，新增城镇就业2—3万人，实现行政村5G全覆盖。\n'
    )
    const targets = tablesOf([record]).find((table) => table.name === 'targets')!
    const names = targets.columns.map(([name]) => name)
    const pick = (row: unknown[], name: string) => row[names.indexOf(name)]
    expect(
      targets.rows.map((row) => [
        pick(row, 'indicator'),
        pick(row, 'value_number'),
        pick(row, 'value_min'),
        pick(row, 'value_max'),
        pick(row, 'value_text'),
        pick(row, 'comparator'),
        pick(row, 'measure'),
        pick(row, 'approx'),
        pick(row, 'stretch'),
        pick(row, 'year')
      ])
    ).toEqual([
      ['地区生产总值', 5.5, null, null, null, null, 'growth', true, false, 2024],
      ['地区生产总值', 6, null, null, null, '>=', 'growth', false, true, 2024],
      ['新增城镇就业', null, 2, 3, null, null, 'level', false, false, 2024],
      ['行政村5G', null, null, null, '全覆盖', null, 'level', false, false, 2024]
    ])
  })

  test('should write CSV with a byte order mark on request and defuse cells a spreadsheet would run', async () => {
    const record = await extractText('=HYPERLINK("x")关于印发某市规划的通知\n\n各部门：\n\n现印发给你们。\n')
    const to = await mkdtemp(path.join(tmpdir(), 'zhengce-table-'))
    const documents = tablesOf([record]).find((table) => table.name === 'documents')!
    const file = writeTable(documents, to, 'csv', {bom: true})
    const text = await readFile(file, 'utf8')
    expect(text.startsWith('\ufeffrecord_id,source_path,kind,title')).toBe(true)
    expect(text).toContain('"\'=HYPERLINK(""x"")关于印发某市规划的通知"')
    const raw = await readFile(writeTable(documents, to, 'csv', {rawCsv: true}), 'utf8')
    expect(raw).toContain('"=HYPERLINK(""x"")关于印发某市规划的通知"')
  })
})

describe('a table file put together from batches encoded apart', () => {
  test('should read back as the rows of all the batches, in order, as Parquet and as CSV', async () => {
    const records = await recordsOf([seeds])
    const expected = tablesOf(records)
    const to = await mkdtemp(path.join(tmpdir(), 'zhengce-table-'))
    // Note: one record a batch, as workers would encode them: each Parquet row group's offsets moved to where it lands.
    const batches = records.map((record) => encodeBatch([record], 'parquet'))
    const csvBatches = records.map((record) => encodeBatch([record], 'csv'))
    for (const [index, spec] of specs.entries()) {
      const parquet = new TableFile(spec.name, tableColumns(spec), to, 'parquet', {})
      for (const chunks of batches) parquet.append(chunks[index]!)
      const rows = await readParquet(parquet.close())
      const names = tableColumns(spec).map(([name]) => name)
      expect(rows.map((row) => names.map((name) => row[name]))).toEqual(
        expected[index]!.rows.map((row) => row.map((cell) => cell ?? null))
      )
      const csv = new TableFile(spec.name, tableColumns(spec), to, 'csv', {})
      for (const chunks of csvBatches) csv.append(chunks[index]!)
      const whole = await readFile(
        writeTable(expected[index]!, await mkdtemp(path.join(tmpdir(), 'zc-')), 'csv'),
        'utf8'
      )
      expect(await readFile(csv.close(), 'utf8')).toBe(whole)
    }
  })
})

describe('zhengce table (built, records parsed in worker threads)', () => {
  test('should write the same rows as the tables made in one thread, each record once', async () => {
    const cli = path.join(root, 'dist', 'pipeline', 'cli.js')
    if (!existsSync(cli)) execFileSync('npm', ['run', 'build'], {cwd: root, stdio: 'ignore'})
    const to = await mkdtemp(path.join(tmpdir(), 'zhengce-table-'))
    // Note: the folder twice: its records are read once per input, as recordsOf reads them.
    const run = spawnSync(process.execPath, [cli, 'table', seeds, seeds, '--to', to, '-f', 'ndjson'], {
      encoding: 'utf8'
    })
    expect(run.status, run.stderr).toBe(0)
    const expected = tablesOf(await recordsOf([seeds, seeds]))
    for (const table of expected) {
      const lines = (await readFile(path.join(to, table.name + '.ndjson'), 'utf8')).split('\n').filter(Boolean)
      const names = table.columns.map(([name]) => name)
      expect(lines.map((line) => names.map((name) => (JSON.parse(line) as Record<string, unknown>)[name]))).toEqual(
        table.rows.map((row) => row.map((cell) => cell ?? null))
      )
    }
  })
})
