/**
 * The scorer: compare records with hand-made gold annotations
 * (`../shared/gold/*.gold.json`, format in that folder's README).
 *
 * `npm run score` extracts the seeds in-process and prints per-document
 * results and totals: header accuracy, targets P/R/F1, 专栏 F1, deadlines P/R.
 */
import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {PolicyRecord, Value} from '../schemas/record.js'
import {extractDocument, formatOf} from './document.js'

/** A gold annotation (the fields the scorer reads). */
export interface Gold {
  file: string
  kind: string
  title: string | null
  issuers: string[]
  docNumber: string | null
  date: string | null
  enclosedTitle: string | null
  jurisdiction: string | null
  targets: Array<{indicator: string; value: number | string | {min: number; max: number}; unit?: string | null; year?: number | null}>
  columns: Array<{number: number | null; title: string}>
  deadlines: Array<{year: number; quote: string}>
}

/** Counts for one document or the total. */
export interface Score {
  header: {right: number; total: number; wrong: string[]}
  targets: Counts
  columns: Counts
  deadlines: {found: number; gold: number; correct: number; predicted: number}
}

interface Counts {
  matched: number
  predicted: number
  gold: number
}

export const headerFields = ['kind', 'title', 'issuers', 'docNumber', 'date', 'enclosedTitle', 'jurisdiction'] as const

/** Whitespace removed, brackets folded to one pair, full-width digits read as ASCII ones (the record quotes them as printed). */
export function fold(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/[〔［\[（(]/g, '(')
    .replace(/[〕］\]）)]/g, ')')
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
}

/** Indicator normalisation: whitespace, bracketed units and a leading 每/全市/全区 removed. */
export function foldIndicator(text: string): string {
  return fold(text).replace(/\([^()]{1,6}\)$/, '').replace(/^(?:每|全市|全区)/, '')
}

function headerValues(record: PolicyRecord): Record<(typeof headerFields)[number], string> {
  return {
    kind: record.kind,
    title: fold(record.title?.text ?? ''),
    issuers: record.issuers.map((issuer) => fold(issuer.name)).join('|'),
    docNumber: fold(record.docNumber?.text ?? ''),
    date: record.date?.value ?? '',
    enclosedTitle: fold(record.enclosed?.title ?? ''),
    jurisdiction: record.jurisdiction?.name ?? ''
  }
}

function goldValues(gold: Gold): Record<(typeof headerFields)[number], string> {
  return {
    kind: gold.kind,
    title: fold(gold.title ?? ''),
    issuers: gold.issuers.map(fold).join('|'),
    docNumber: fold(gold.docNumber ?? ''),
    date: gold.date ?? '',
    enclosedTitle: fold(gold.enclosedTitle ?? ''),
    jurisdiction: gold.jurisdiction ?? ''
  }
}

function sameValue(value: Value | null, gold: Gold['targets'][number]['value']): boolean {
  if (!value) return false
  if (typeof gold === 'number') return value.kind === 'number' && Math.abs(value.number - gold) < 1e-9
  if (typeof gold === 'string') return value.kind === 'text' && fold(value.text) === fold(gold)
  return value.kind === 'range' && value.min === gold.min && value.max === gold.max
}

/** Score one record against its gold annotation. */
export function scoreRecord(record: PolicyRecord, gold: Gold): Score {
  const ours = headerValues(record)
  const theirs = goldValues(gold)
  const wrong = headerFields.filter((field) => ours[field] !== theirs[field]).map((field) => field + ': got `' + ours[field] + '`, want `' + theirs[field] + '`')
  const targets = matchCount(record.targets, gold.targets, (target, expected) => {
    const a = foldIndicator(target.indicator)
    const b = foldIndicator(expected.indicator)
    return (a === b || a.includes(b) || b.includes(a)) && sameValue(target.value, expected.value)
  })
  const columns = matchCount(record.columns, gold.columns, (column, expected) => {
    return column.number === expected.number && fold(column.title) === fold(expected.title)
  })
  const contains = (deadline: PolicyRecord['deadlines'][number], expected: Gold['deadlines'][number]) =>
    deadline.year === expected.year && fold(deadline.text).includes(fold(expected.quote))
  return {
    header: {right: headerFields.length - wrong.length, total: headerFields.length, wrong},
    targets,
    columns,
    deadlines: {
      found: gold.deadlines.filter((expected) => record.deadlines.some((deadline) => contains(deadline, expected))).length,
      gold: gold.deadlines.length,
      correct: record.deadlines.filter((deadline) => gold.deadlines.some((expected) => contains(deadline, expected))).length,
      predicted: record.deadlines.length
    }
  }
}

/** Greedy one-to-one matching, in document order. */
function matchCount<A, B>(predicted: A[], gold: B[], isMatch: (a: A, b: B) => boolean): Counts {
  const used = new Set<number>()
  let matched = 0
  for (const item of predicted) {
    const index = gold.findIndex((expected, at) => !used.has(at) && isMatch(item, expected))
    if (index === -1) continue
    used.add(index)
    matched++
  }
  return {matched, predicted: predicted.length, gold: gold.length}
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole
}

function f1(counts: Counts): {precision: number; recall: number; f1: number} {
  const precision = ratio(counts.matched, counts.predicted)
  const recall = ratio(counts.matched, counts.gold)
  return {precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)}
}

/** Add scores up. */
export function total(scores: Score[]): Score {
  const sum = (pick: (score: Score) => number) => scores.reduce((accumulator, score) => accumulator + pick(score), 0)
  return {
    header: {right: sum((s) => s.header.right), total: sum((s) => s.header.total), wrong: []},
    targets: {matched: sum((s) => s.targets.matched), predicted: sum((s) => s.targets.predicted), gold: sum((s) => s.targets.gold)},
    columns: {matched: sum((s) => s.columns.matched), predicted: sum((s) => s.columns.predicted), gold: sum((s) => s.columns.gold)},
    deadlines: {found: sum((s) => s.deadlines.found), gold: sum((s) => s.deadlines.gold), correct: sum((s) => s.deadlines.correct), predicted: sum((s) => s.deadlines.predicted)}
  }
}

/** One line of results. */
export function formatScore(score: Score): string {
  const targets = f1(score.targets)
  const columns = f1(score.columns)
  return [
    'header ' + (100 * ratio(score.header.right, score.header.total)).toFixed(1) + '% (' + score.header.right + '/' + score.header.total + ')',
    'targets P ' + targets.precision.toFixed(3) + ' R ' + targets.recall.toFixed(3) + ' F1 ' + targets.f1.toFixed(3) + ' (' + score.targets.matched + '/' + score.targets.predicted + '/' + score.targets.gold + ')',
    '专栏 F1 ' + columns.f1.toFixed(3) + ' (' + score.columns.matched + '/' + score.columns.predicted + '/' + score.columns.gold + ')',
    'deadlines P ' + ratio(score.deadlines.correct, score.deadlines.predicted).toFixed(3) + ' R ' + ratio(score.deadlines.found, score.deadlines.gold).toFixed(3) + ' (' + score.deadlines.found + '/' + score.deadlines.gold + ')'
  ].join(' | ')
}

/** Score the seeds against the gold folder; resolves to the report lines. */
export async function scoreSeeds(seeds: string, goldFolder: string): Promise<{lines: string[]; total: Score}> {
  const lines: string[] = []
  const scores: Score[] = []
  for (const name of (await readdir(goldFolder)).filter((file) => file.endsWith('.gold.json')).sort()) {
    const gold = JSON.parse(String(await readFile(path.join(goldFolder, name)))) as Gold
    const seed = path.join(seeds, gold.file)
    const format = formatOf(seed)
    if (!format) continue
    const {record} = await extractDocument(await readFile(seed), gold.file, format)
    const score = scoreRecord(record, gold)
    scores.push(score)
    lines.push(gold.file + ': ' + formatScore(score))
    for (const problem of score.header.wrong) lines.push('  ' + problem)
  }
  const sum = total(scores)
  lines.push('TOTAL: ' + formatScore(sum))
  return {lines, total: sum}
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const {lines} = await scoreSeeds(path.join(root, 'seeds'), process.argv[2] ?? path.join(root, '..', 'shared', 'gold'))
  process.stdout.write(lines.join('\n') + '\n')
}
