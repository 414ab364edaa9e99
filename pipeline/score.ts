/**
 * The scorer: compare records with hand-made gold annotations
 * (`../shared/gold/*.gold.json`, format in that folder's README).
 *
 * `npm run score` extracts the seeds, the real documents and the work reports
 * in-process and prints per-document results and a TOTAL line for each set:
 * header accuracy, targets P/R/F1, 专栏 F1, deadlines P/R; for the work
 * reports, recall, precision inside the 主要预期目标 passage and the GDP growth target.
 */
import {access, readFile, readdir} from 'node:fs/promises'
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
  targets: Array<{
    indicator: string
    value: number | string | {min: number; max: number}
    unit?: string | null
    year?: number | null
  }>
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
  return fold(text)
    .replace(/\([^()]{1,6}\)$/, '')
    .replace(/^(?:每|全市|全区)/, '')
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

/**
 * A record taken as the gold of another reading of the same document (its
 * scan read by OCR against its text, say): its header, its targets with a
 * value, its boxes and its deadlines.
 */
export function goldOf(record: PolicyRecord): Gold {
  return {
    file: record.source.path,
    kind: record.kind,
    title: record.title?.text ?? null,
    issuers: record.issuers.map((issuer) => issuer.name),
    docNumber: record.docNumber?.text ?? null,
    date: record.date?.value ?? null,
    enclosedTitle: record.enclosed?.title ?? null,
    jurisdiction: record.jurisdiction?.name ?? null,
    targets: record.targets.flatMap(({indicator, value, unit, year}) =>
      value
        ? [
            {
              indicator,
              unit,
              year,
              value:
                value.kind === 'number'
                  ? value.number
                  : value.kind === 'range'
                    ? {min: value.min, max: value.max}
                    : value.text
            }
          ]
        : []
    ),
    columns: record.columns.map(({number, title}) => ({number, title})),
    deadlines: record.deadlines.flatMap(({year, text}) => (year === null ? [] : [{year, quote: text}]))
  }
}

/** Score one record against its gold annotation. */
export function scoreRecord(record: PolicyRecord, gold: Gold): Score {
  const ours = headerValues(record)
  const theirs = goldValues(gold)
  const wrong = headerFields
    .filter((field) => ours[field] !== theirs[field])
    .map((field) => field + ': got `' + ours[field] + '`, want `' + theirs[field] + '`')
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
      found: gold.deadlines.filter((expected) => record.deadlines.some((deadline) => contains(deadline, expected)))
        .length,
      gold: gold.deadlines.length,
      correct: record.deadlines.filter((deadline) => gold.deadlines.some((expected) => contains(deadline, expected)))
        .length,
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
    targets: {
      matched: sum((s) => s.targets.matched),
      predicted: sum((s) => s.targets.predicted),
      gold: sum((s) => s.targets.gold)
    },
    columns: {
      matched: sum((s) => s.columns.matched),
      predicted: sum((s) => s.columns.predicted),
      gold: sum((s) => s.columns.gold)
    },
    deadlines: {
      found: sum((s) => s.deadlines.found),
      gold: sum((s) => s.deadlines.gold),
      correct: sum((s) => s.deadlines.correct),
      predicted: sum((s) => s.deadlines.predicted)
    }
  }
}

/** One line of results. */
export function formatScore(score: Score): string {
  const targets = f1(score.targets)
  const columns = f1(score.columns)
  return [
    'header ' +
      (100 * ratio(score.header.right, score.header.total)).toFixed(1) +
      '% (' +
      score.header.right +
      '/' +
      score.header.total +
      ')',
    'targets P ' +
      targets.precision.toFixed(3) +
      ' R ' +
      targets.recall.toFixed(3) +
      ' F1 ' +
      targets.f1.toFixed(3) +
      ' (' +
      score.targets.matched +
      '/' +
      score.targets.predicted +
      '/' +
      score.targets.gold +
      ')',
    '专栏 F1 ' +
      columns.f1.toFixed(3) +
      ' (' +
      score.columns.matched +
      '/' +
      score.columns.predicted +
      '/' +
      score.columns.gold +
      ')',
    'deadlines P ' +
      ratio(score.deadlines.correct, score.deadlines.predicted).toFixed(3) +
      ' R ' +
      ratio(score.deadlines.found, score.deadlines.gold).toFixed(3) +
      ' (' +
      score.deadlines.found +
      '/' +
      score.deadlines.gold +
      ')'
  ].join(' | ')
}

/** Score the seeds against the gold folder; resolves to the report lines. */
export async function scoreSeeds(
  seeds: string,
  goldFolder: string,
  label = 'seeds'
): Promise<{lines: string[]; total: Score}> {
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
  lines.push('TOTAL ' + label + ': ' + formatScore(sum))
  return {lines, total: sum}
}

/** A work report's gold (`../shared/real/workreports/gold`): the targets of its 主要预期目标 passage. */
export interface ReportGold {
  file: string
  year: number
  passageFound: boolean
  /** The opening of the passage, verbatim. */
  quote: string
  targets: ReportGoldTarget[]
}

export interface ReportGoldTarget {
  indicator: string
  canonical?: string
  unit?: string | null
  value: number | string | {min: number; max: number}
  comparator?: string
  approx?: boolean
  stretch?: boolean
  measure?: string
}

/** Counts of a work report: recall of the gold targets, precision inside the passage, and its GDP growth target. */
export interface ReportScore {
  targets: Counts
  /** Targets found inside the passage, and how many of them match a gold target. */
  inPassage: {matched: number; predicted: number}
  gdp: {right: number; total: number}
  /** Wrong or missed, for the report lines. */
  problems: string[]
}

/** Names of the GDP indicator as reports print it. */
const gdpExpression = /^(?:地区|国内)?生产总值$|^GDP$/

/**
 * Where the passage ends in the text: the sentence after its targets (确定上述目标…), else the first
 * sentence that ends a line. Note: written apart from the extractor's `passageEndExpression` on
 * purpose — the scorer follows the gold's README, not the code it judges.
 */
function passageSpan(text: string, quote: string): [number, number] | undefined {
  const start = text.indexOf(quote)
  if (start === -1) return undefined
  const rest = text.slice(start)
  const close = /确定上述目标|确定这些目标|实现上述目标|实现这些目标|完成上述目标|重点做好|着力抓好/.exec(rest)
  const line = /[。；]\s*(?:\r?\n|$)/.exec(rest)
  const ends = [close?.index, line ? line.index + 1 : undefined].filter((end): end is number => end !== undefined)
  return [start, start + (ends.length > 0 ? Math.min(...ends) : rest.length)]
}

function sameReportTarget(target: PolicyRecord['targets'][number], gold: ReportGoldTarget): boolean {
  const ours = foldIndicator(target.indicator).replace(/(?:增长|增速|涨幅)$/, '')
  const names = [gold.indicator, gold.canonical].filter((name): name is string => Boolean(name)).map(foldIndicator)
  return (
    names.some((name) => ours === name || ours.includes(name) || name.includes(ours)) &&
    sameValue(target.value, gold.value)
  )
}

/** Score one work report's record against its gold: `text` is the decoded source the positions point into. */
export function scoreReport(record: PolicyRecord, gold: ReportGold, text: string): ReportScore {
  const problems: string[] = []
  const span = passageSpan(text, gold.quote)
  const inside = span
    ? record.targets.filter(
        (target) => target.position.start.offset >= span[0] && target.position.start.offset < span[1]
      )
    : []
  const targets = matchCount(record.targets, gold.targets, sameReportTarget)
  const inPassage = matchCount(inside, gold.targets, sameReportTarget)
  for (const expected of gold.targets)
    if (!record.targets.some((target) => sameReportTarget(target, expected)))
      problems.push('missed ' + expected.indicator + ' ' + JSON.stringify(expected.value))
  for (const target of inside)
    if (!gold.targets.some((expected) => sameReportTarget(target, expected)))
      problems.push('extra ' + target.indicator + ' ' + JSON.stringify(target.value))
  // The classic growth-target variable: the GDP entry without stretch, its value, comparator, approx and stretch exact.
  const gdp = gold.targets.filter(
    (expected) => gdpExpression.test(expected.canonical ?? expected.indicator) || gdpExpression.test(expected.indicator)
  )
  let right = 0
  for (const expected of gdp) {
    const found = inside.find(
      (target) => sameReportTarget(target, expected) && Boolean(target.stretch) === Boolean(expected.stretch)
    )
    const comparator = found?.value?.kind === 'number' ? found.value.comparator : undefined
    if (
      found &&
      comparator === expected.comparator &&
      Boolean(found.approx) === Boolean(expected.approx) &&
      found.measure === (expected.measure ?? 'level')
    )
      right++
    else
      problems.push(
        'GDP: got ' +
          (found ? JSON.stringify(found.value) + (found.approx ? ' approx' : '') + ' ' + found.measure : 'none') +
          ', want ' +
          (expected.comparator ?? '') +
          JSON.stringify(expected.value) +
          (expected.approx ? ' approx' : '') +
          (expected.stretch ? ' stretch' : '')
      )
  }
  return {
    targets,
    inPassage: {matched: inPassage.matched, predicted: inPassage.predicted},
    gdp: {right, total: gdp.length},
    problems
  }
}

/** One line of a work report's results. */
export function formatReportScore(score: ReportScore): string {
  return [
    'targets R ' +
      ratio(score.targets.matched, score.targets.gold).toFixed(3) +
      ' (' +
      score.targets.matched +
      '/' +
      score.targets.gold +
      ')',
    'P in passage ' +
      ratio(score.inPassage.matched, score.inPassage.predicted).toFixed(3) +
      ' (' +
      score.inPassage.matched +
      '/' +
      score.inPassage.predicted +
      ')',
    'GDP growth target ' +
      ratio(score.gdp.right, score.gdp.total).toFixed(3) +
      ' (' +
      score.gdp.right +
      '/' +
      score.gdp.total +
      ')'
  ].join(' | ')
}

/** Score the work reports of `texts` against the gold folder; resolves to the report lines. */
export async function scoreReports(texts: string, goldFolder: string): Promise<{lines: string[]; total: ReportScore}> {
  const lines: string[] = []
  const sum: ReportScore = {
    targets: {matched: 0, predicted: 0, gold: 0},
    inPassage: {matched: 0, predicted: 0},
    gdp: {right: 0, total: 0},
    problems: []
  }
  for (const name of (await readdir(goldFolder)).filter((file) => file.endsWith('.gold.json')).sort()) {
    const gold = JSON.parse(String(await readFile(path.join(goldFolder, name)))) as ReportGold
    const source = path.join(texts, gold.file)
    const format = formatOf(source)
    if (!format) continue
    const {record, file} = await extractDocument(await readFile(source), gold.file, format)
    const score = scoreReport(record, gold, String(file.value))
    lines.push(gold.file + ': ' + formatReportScore(score))
    for (const problem of score.problems) lines.push('  ' + problem)
    sum.targets.matched += score.targets.matched
    sum.targets.predicted += score.targets.predicted
    sum.targets.gold += score.targets.gold
    sum.inPassage.matched += score.inPassage.matched
    sum.inPassage.predicted += score.inPassage.predicted
    sum.gdp.right += score.gdp.right
    sum.gdp.total += score.gdp.total
  }
  lines.push('TOTAL work reports: ' + formatReportScore(sum))
  return {lines, total: sum}
}

/**
 * `npm run score`: the seeds (`../shared/gold`), the real documents
 * (`../shared/real/gold`) and the work reports (`../shared/real/workreports`),
 * one TOTAL line each; a set whose folder is missing is said so and passed over.
 * `npm run score -- seeds|real|reports` scores one set.
 */
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const shared = path.join(root, '..', 'shared')
  const only = process.argv[2]
  const sets: Array<[string, string, () => Promise<{lines: string[]}>]> = [
    [
      'seeds',
      path.join(shared, 'gold'),
      () => scoreSeeds(path.join(root, 'seeds'), path.join(shared, 'gold'), 'seeds')
    ],
    [
      'real',
      path.join(shared, 'real', 'gold'),
      () => scoreSeeds(path.join(shared, 'real', 'docs'), path.join(shared, 'real', 'gold'), 'real documents')
    ],
    [
      'reports',
      path.join(shared, 'real', 'workreports', 'gold'),
      () =>
        scoreReports(
          path.join(shared, 'real', 'workreports', 'texts'),
          path.join(shared, 'real', 'workreports', 'gold')
        )
    ]
  ]
  for (const [name, gold, run] of sets) {
    if (only && only !== name) continue
    try {
      await access(gold)
    } catch {
      process.stdout.write(name + ': no gold at ' + gold + '\n')
      continue
    }
    const {lines} = await run()
    process.stdout.write('# ' + name + '\n' + lines.join('\n') + '\n\n')
  }
}
