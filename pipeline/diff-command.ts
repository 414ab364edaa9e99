/**
 * `zhengce diff`: load records (or extract source documents on the fly) and
 * print the comparison.
 */
import type {PolicyRecord} from '../schemas/record.js'
import {readFile} from 'node:fs/promises'
import {parse} from 'csv-parse/sync'
import {diffTargets, synonymsOf} from './diff.js'
import {diffCsvColumns, diffCsvRows, diffData} from './diff-data.js'
import {columnGrid, deadlineGrid, render, targetGrid, type DiffFormat} from './diff-format.js'
import type {EngineStreams} from './report.js'
import {recordsOf} from './records.js'

const formats = ['table', 'md', 'csv', 'json', 'html']
const sections = ['targets', 'columns', 'deadlines']

/** Run `diff`; resolves to the exit code. */
export async function runDiff(
  inputs: string[],
  options: {format: string; section: string; minSimilarity: number; rawCsv?: boolean; lexicon?: string | undefined},
  streams: EngineStreams
): Promise<number> {
  if (
    !formats.includes(options.format) ||
    !sections.includes(options.section) ||
    !(options.minSimilarity >= 0 && options.minSimilarity <= 1)
  ) {
    streams.stderr.write(
      'zhengce diff: --format is one of ' +
        formats.join(', ') +
        '; --section one of ' +
        sections.join(', ') +
        '; --min-similarity 0–1\n'
    )
    return 2
  }
  let synonyms: Map<string, string> | undefined
  if (options.lexicon) {
    try {
      synonyms = synonymsOf(await readLexicon(options.lexicon))
    } catch (error) {
      streams.stderr.write(
        'zhengce diff: --lexicon ' +
          options.lexicon +
          ': ' +
          (error instanceof Error ? error.message : String(error)).split('\n')[0] +
          '\n'
      )
      return 2
    }
  }
  let records: PolicyRecord[]
  try {
    records = await recordsOf(inputs)
  } catch (error) {
    streams.stderr.write('zhengce diff: ' + (error instanceof Error ? error.message : String(error)) + '\n')
    return 1
  }
  if (options.format === 'html') {
    const {diffPage} = await import('./view/page.js')
    const grid =
      options.section === 'columns'
        ? columnGrid(records)
        : options.section === 'deadlines'
          ? deadlineGrid(records)
          : targetGrid(diffTargets(records, {minSimilarity: options.minSimilarity, ...(synonyms ? {synonyms} : {})}))
    const explained = options.section === 'targets'
    streams.stdout.write(
      diffPage(
        explained ? grid.map((row) => row.slice(0, -1)) : grid,
        explained ? grid.slice(1).map((row) => row.at(-1) ?? '') : []
      )
    )
    return 0
  }
  const format = options.format as DiffFormat
  const csv = {rawCsv: Boolean(options.rawCsv)}
  if (options.section === 'columns') streams.stdout.write(render(columnGrid(records), format, undefined, csv))
  else if (options.section === 'deadlines') streams.stdout.write(render(deadlineGrid(records), format, undefined, csv))
  else {
    const diff = diffTargets(records, {minSimilarity: options.minSimilarity, ...(synonyms ? {synonyms} : {})})
    if (format === 'json' || format === 'csv') {
      // Note: data, not display: typed values, the unit conflict in its own column (schemas/json/diff.schema.json).
      const data = diffData(diff)
      streams.stdout.write(
        format === 'json'
          ? JSON.stringify(data, null, 2) + '\n'
          : render([[...diffCsvColumns], ...diffCsvRows(data).map((row) => row.map(csvCell))], 'csv', undefined, csv)
      )
      return 0
    }
    streams.stdout.write(render(targetGrid(diff), format, diff, csv))
    if (format === 'table' && diff.suggestions.length > 0) {
      streams.stdout.write('\nnot merged (suggestions):\n')
      for (const suggestion of diff.suggestions)
        streams.stdout.write(
          '  ' + suggestion.keys.join(' ~ ') + '  similarity ' + suggestion.similarity + ', ' + suggestion.why + '\n'
        )
    }
  }
  return 0
}

/** A cell of the data CSV: empty for null, true/false, numbers as JavaScript prints them. */
function csvCell(value: string | number | boolean | null): string {
  return value === null ? '' : String(value)
}

/**
 * The user's synonyms: a JSON object `{"synonyms": {"variant": "canonical", …}}`
 * (or the object alone), or a CSV with the columns `indicator,canonical`.
 */
export async function readLexicon(file: string): Promise<Array<[string, string]>> {
  const text = await readFile(file, 'utf8')
  if (/\.csv$/i.test(file)) {
    const rows = parse(text, {columns: true, skip_empty_lines: true, trim: true, bom: true}) as Array<
      Record<string, string>
    >
    if (rows.length > 0 && !('indicator' in rows[0]! && 'canonical' in rows[0]!))
      throw new Error('a CSV lexicon has the columns indicator,canonical')
    return rows.map((row) => [row.indicator!, row.canonical!])
  }
  const parsed = JSON.parse(text) as {synonyms?: unknown}
  const synonyms = (parsed && typeof parsed === 'object' && 'synonyms' in parsed ? parsed.synonyms : parsed) as Record<
    string,
    unknown
  >
  if (!synonyms || typeof synonyms !== 'object' || Array.isArray(synonyms))
    throw new Error('a JSON lexicon is {"synonyms": {"variant": "canonical"}}')
  return Object.entries(synonyms).map(([variant, canonical]) => {
    if (typeof canonical !== 'string') throw new Error('the synonym of ' + variant + ' is not text')
    return [variant, canonical]
  })
}
