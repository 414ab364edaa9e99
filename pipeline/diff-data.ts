/**
 * The comparison as data, apart from its display: `diff --format json` (the
 * whole, `schemas/json/diff.schema.json`) and `--format csv` (one row per
 * indicator and document, typed columns: the value, its bounds, unit, year
 * and comparator each in its own, the unit conflict a column of its own).
 */
import type {DiffCellData, DiffData} from '../schemas/outputs.js'
import type {Diff, DiffCell} from './diff.js'
import {toolVersion} from './version.js'

/** `diff` as data. */
export function diffData(diff: Diff): DiffData {
  return {
    tool: toolVersion,
    documents: diff.documents.map((document, index) => ({index, ...document})),
    rows: diff.rows.map((row) => ({
      key: row.key,
      label: row.label,
      unitConflict: row.hasUnitConflict,
      matchedBy: row.members.map((member) => ({
        document: member.document,
        indicator: member.indicator,
        reason: member.reason,
        similarity: member.similarity ?? null
      })),
      cells: row.cells.flatMap((cell, document) => (cell ? [cellData(cell, document)] : []))
    })),
    suggestions: diff.suggestions
  }
}

function cellData(cell: DiffCell, document: number): DiffCellData {
  const {target} = cell
  const value = target.value
  const latest = target.actuals.at(-1)
  return {
    document,
    indicator: target.indicator,
    valueKind: value?.kind ?? null,
    value: value?.kind === 'number' ? value.number : null,
    min: value?.kind === 'range' ? value.min : null,
    max: value?.kind === 'range' ? value.max : null,
    text: value?.kind === 'text' ? value.text : null,
    comparator: value?.kind === 'number' ? (value.comparator ?? null) : null,
    unit: target.unit,
    year: target.year,
    approx: target.approx ?? false,
    measure: target.measure ?? null,
    status: target.status ?? null,
    latestActualYear: latest?.year ?? null,
    latestActualValue: latest?.value.kind === 'number' ? latest.value.number : null,
    otherValues: cell.others.length,
    line: target.position.start.line,
    quote: target.quote
  }
}

/** The columns of the CSV, in order. */
export const diffCsvColumns = [
  'key',
  'label',
  'unit_conflict',
  'document',
  'document_label',
  'document_path',
  'indicator',
  'matched_by',
  'value_kind',
  'value',
  'min',
  'max',
  'text',
  'comparator',
  'unit',
  'year',
  'approx',
  'measure',
  'status',
  'latest_actual_year',
  'latest_actual_value',
  'other_values',
  'line',
  'quote'
] as const

/** One row per indicator and document that has it (long format, for pandas, R or DuckDB). */
export function diffCsvRows(data: DiffData): Array<Array<string | number | boolean | null>> {
  const rows: Array<Array<string | number | boolean | null>> = []
  for (const row of data.rows) {
    for (const cell of row.cells) {
      const document = data.documents[cell.document]!
      const member = row.matchedBy.find(
        (candidate) => candidate.document === cell.document && candidate.indicator === cell.indicator
      )
      const matched = member ? member.reason + (member.similarity !== null ? ' ' + member.similarity : '') : null
      rows.push([
        row.key,
        row.label,
        row.unitConflict,
        cell.document,
        document.label,
        document.path,
        cell.indicator,
        matched,
        cell.valueKind,
        cell.value,
        cell.min,
        cell.max,
        cell.text,
        cell.comparator,
        cell.unit,
        cell.year,
        cell.approx,
        cell.measure,
        cell.status,
        cell.latestActualYear,
        cell.latestActualValue,
        cell.otherValues,
        cell.line,
        cell.quote
      ])
    }
  }
  return rows
}
