/**
 * Render a diff: a terminal table with CJK-aware widths, Markdown, CSV
 * (with a BOM, so Excel reads the Chinese right) or JSON. Also the 专栏 and
 * deadline views (`--section`).
 */
import {stringify} from 'csv-stringify/sync'
import {formulaSafe, markdownCell} from './escape.js'
import stringWidth from 'string-width'
import type {PolicyRecord} from '../schemas/record.js'
import {documentLabel, formatValue, type Diff, type DiffCell, type DiffRow} from './diff.js'

/** Output formats of `diff`. */
export type DiffFormat = 'table' | 'md' | 'csv' | 'json'

/** A grid of strings: a header row, then data rows. */
export type Grid = string[][]

/** The target grid: indicator, one column per document, how the row was matched. */
export function targetGrid(diff: Diff): Grid {
  const header = ['指标 indicator', ...diff.documents.map((document) => document.label), '匹配 matched by']
  const rows = diff.rows.map((row) => {
    const unit = row.cells.find((cell) => cell?.target.unit)?.target.unit ?? null
    return [
      row.label + (row.hasUnitConflict ? ' ⚠单位不同' : ''),
      ...row.cells.map((cell) => cellText(cell, unit)),
      explain(row)
    ]
  })
  return [header, ...rows]
}

function cellText(cell: DiffCell | null, rowUnit: string | null): string {
  if (!cell) return ''
  const target = cell.target
  let text = formatValue(target.value, target.unit, rowUnit) + (target.year ? ' (' + target.year + ')' : '')
  const latest = target.actuals.at(-1)
  if (latest && latest.value.kind === 'number') {
    text += ' · ' + latest.year + ': ' + latest.value.number
    const share = shareAchieved(latest.value.number, target.value, target.unit)
    if (share !== undefined) text += ' (' + Math.round(100 * share) + '%)'
  }
  if (target.status) text += ' · ' + target.status
  // Note: another year's target says its year (15 件 (2025) · 另 11.5 件 (2023)).
  if (cell.others.length > 0)
    text +=
      ' · 另 ' +
      cell.others
        .map(
          (other) =>
            formatValue(other.value, other.unit, rowUnit) +
            (other.year && other.year !== target.year ? ' (' + other.year + ')' : '')
        )
        .join(', ')
  return text
}

/**
 * Share of the target an actual reaches. A target printed with a scale (＞5 万)
 * whose actuals are far larger (20809) counts its actuals in units.
 */
export function shareAchieved(
  actual: number,
  value: DiffCell['target']['value'],
  unit: string | null
): number | undefined {
  if (value?.kind !== 'number' || value.number <= 0) return undefined
  const scale = unit?.startsWith('亿') ? 1e8 : unit?.startsWith('万') ? 1e4 : unit?.startsWith('千') ? 1e3 : 1
  const target = scale > 1 && actual / value.number > 50 ? value.number * scale : value.number
  return actual / target
}

function explain(row: DiffRow): string {
  const merged = row.members.filter((member) => member.reason !== 'first' && member.indicator !== row.label)
  if (merged.length === 0) return ''
  return merged
    .map(
      (member) =>
        member.indicator +
        ' [' +
        (member.reason === 'similarity' ? 'similarity ' + member.similarity : member.reason) +
        ']'
    )
    .join('; ')
}

/** 专栏 titles side by side: one row per title. */
export function columnGrid(records: PolicyRecord[]): Grid {
  const titles = [...new Set(records.flatMap((record) => record.columns.map((column) => column.title)))].sort((a, b) =>
    a.localeCompare(b, 'zh')
  )
  return [
    ['专栏 column', ...records.map(documentLabel)],
    ...titles.map((title) => [
      title,
      ...records.map((record) => {
        const column = record.columns.find((candidate) => candidate.title === title)
        return column ? (column.label ?? '专栏') : ''
      })
    ])
  ]
}

/** Deadlines by year side by side: one row per year. */
export function deadlineGrid(records: PolicyRecord[]): Grid {
  const years = [...new Set(records.flatMap((record) => record.deadlines.map((deadline) => deadline.year ?? 0)))].sort(
    (a, b) => a - b
  )
  return [
    ['年 year', ...records.map(documentLabel)],
    ...years.map((year) => [
      year === 0 ? '—' : String(year),
      ...records.map((record) => {
        const due = record.deadlines.filter((deadline) => (deadline.year ?? 0) === year)
        return due.length === 0
          ? ''
          : due.length + ': ' + due.map((deadline) => truncate(deadline.text, 24)).join(' / ')
      })
    ])
  ]
}

function truncate(text: string, width: number): string {
  let result = ''
  for (const character of text) {
    if (stringWidth(result + character) > width) return result + '…'
    result += character
  }
  return result
}

/** Render a grid in a format. */
export function render(grid: Grid, format: DiffFormat, json?: unknown, options: {rawCsv?: boolean} = {}): string {
  if (format === 'json') return JSON.stringify(json ?? grid, null, 2) + '\n'
  // Note: headers too: a document's title heads its column.
  if (format === 'csv') return stringify(options.rawCsv ? grid : grid.map((row) => row.map(formulaSafe)), {bom: true})
  if (format === 'md') return markdown(grid)
  return table(grid)
}

function markdown(grid: Grid): string {
  const escape = markdownCell
  const [header = [], ...rows] = grid
  const lines = ['| ' + header.map(escape).join(' | ') + ' |', '|' + header.map(() => ' --- ').join('|') + '|']
  for (const row of rows) lines.push('| ' + row.map(escape).join(' | ') + ' |')
  return lines.join('\n') + '\n'
}

/** A plain terminal table, columns padded by display width (CJK characters are two columns). */
function table(grid: Grid): string {
  const widths = grid[0]!.map((_, column) =>
    Math.min(48, Math.max(...grid.map((row) => stringWidth(row[column] ?? ''))))
  )
  const pad = (cell: string, width: number) => {
    const shown = stringWidth(cell) > width ? truncate(cell, width - 1) : cell
    return shown + ' '.repeat(Math.max(0, width - stringWidth(shown)))
  }
  const line = (row: string[]) =>
    row
      .map((cell, column) => pad(cell, widths[column]!))
      .join('  ')
      .trimEnd()
  const [header = [], ...rows] = grid
  return [line(header), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)].join('\n') + '\n'
}
