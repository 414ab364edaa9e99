/**
 * `zhengce diff`: load records (or extract source documents on the fly) and
 * print the comparison.
 */
import type {PolicyRecord} from '../schemas/record.js'
import {diffTargets} from './diff.js'
import {columnGrid, deadlineGrid, render, targetGrid, type DiffFormat} from './diff-format.js'
import type {EngineStreams} from './report.js'
import {recordsOf} from './records.js'

const formats = ['table', 'md', 'csv', 'json', 'html']
const sections = ['targets', 'columns', 'deadlines']

/** Run `diff`; resolves to the exit code. */
export async function runDiff(inputs: string[], options: {format: string; section: string; minSimilarity: number; rawCsv?: boolean}, streams: EngineStreams): Promise<number> {
  if (!formats.includes(options.format) || !sections.includes(options.section) || !(options.minSimilarity >= 0 && options.minSimilarity <= 1)) {
    streams.stderr.write('zhengce diff: --format is one of ' + formats.join(', ') + '; --section one of ' + sections.join(', ') + '; --min-similarity 0–1\n')
    return 2
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
    const grid = options.section === 'columns' ? columnGrid(records) : options.section === 'deadlines' ? deadlineGrid(records) : targetGrid(diffTargets(records, {minSimilarity: options.minSimilarity}))
    const explained = options.section === 'targets'
    streams.stdout.write(diffPage(explained ? grid.map((row) => row.slice(0, -1)) : grid, explained ? grid.slice(1).map((row) => row.at(-1) ?? '') : []))
    return 0
  }
  const format = options.format as DiffFormat
  const csv = {rawCsv: Boolean(options.rawCsv)}
  if (options.section === 'columns') streams.stdout.write(render(columnGrid(records), format, undefined, csv))
  else if (options.section === 'deadlines') streams.stdout.write(render(deadlineGrid(records), format, undefined, csv))
  else {
    const diff = diffTargets(records, {minSimilarity: options.minSimilarity})
    streams.stdout.write(render(targetGrid(diff), format, diff, csv))
    if (format === 'table' && diff.suggestions.length > 0) {
      streams.stdout.write('\nnot merged (suggestions):\n')
      for (const suggestion of diff.suggestions) streams.stdout.write('  ' + suggestion.keys.join(' ~ ') + '  similarity ' + suggestion.similarity + ', ' + suggestion.why + '\n')
    }
  }
  return 0
}
