/**
 * Line up the targets of several records: one row per indicator, one column
 * per document, every merge explained.
 *
 * Matching is conservative: the same canonical key (`indicatorKey`, whose
 * lexicon rules are named when the wordings differ), or a word-level
 * similarity (nodejieba tokens) of at least `minSimilarity` between keys that
 * measure the same scope. Scope words — 累计/新增, 万人 vs a total, 认知度 vs
 * 满意度, 高价值 — must agree, or two wordings never merge; near misses are
 * listed as suggestions.
 */
import {createRequire} from 'node:module'
import {indicatorKey} from './lexicon/indicator-key.js'
import type {PolicyRecord, Target, Value} from '../schemas/record.js'

/** One document's target in a row. */
export interface DiffCell {
  target: Target
  /** Other targets of the same document under this row (the same indicator restated with another value). */
  others: Target[]
}

/** How an indicator string came into a row. */
export interface DiffMember {
  document: number
  indicator: string
  reason: 'first' | 'same key' | 'lexicon' | 'user lexicon' | 'similarity'
  similarity?: number
}

/** One aligned indicator. */
export interface DiffRow {
  key: string
  label: string
  cells: Array<DiffCell | null>
  members: DiffMember[]
  /** Units differ in a way that cannot be converted exactly. */
  hasUnitConflict: boolean
}

/** A pair that came close but was not merged. */
export interface DiffSuggestion {
  keys: [string, string]
  similarity: number
  why: string
}

/** The whole comparison. */
export interface Diff {
  documents: Array<{label: string; path: string; id: string}>
  rows: DiffRow[]
  suggestions: DiffSuggestion[]
}

/** Options of `diff`. */
export interface DiffOptions {
  /** Merge by similarity at or above this (0–1, default 0.75). */
  minSimilarity?: number
  /** List as suggestions from this similarity up (default 0.5). */
  minSuggestion?: number
  /** The user's synonyms (`--lexicon`): an indicator's key → the key it is to line up under. */
  synonyms?: Map<string, string>
}

/**
 * A user's synonyms, keyed the way rows are (`indicatorKey`): from pairs of
 * an indicator and the one it means.
 */
export function synonymsOf(pairs: Array<[string, string]>): Map<string, string> {
  return new Map(pairs.map(([variant, canonical]) => [indicatorKey(variant), indicatorKey(canonical)]))
}

/** Words that change what an indicator measures; two keys merge by similarity only when they share the same ones. */
const scopeWords = [
  '累计',
  '新增',
  '年度',
  '年均',
  '年',
  '万人',
  '万企',
  '每十亿元',
  '百亿元',
  '亿元GDP',
  '高价值',
  '认知度',
  '满意度',
  '增长',
  '比重',
  '率',
  '总额',
  '总数',
  '有效',
  '海外',
  '国际',
  'PCT',
  '马德里',
  '省级',
  '市级',
  '国家'
]
const kindLabels: Record<PolicyRecord['kind'], string> = {
  notice: '通知',
  plan: '规划',
  outline: '纲要',
  opinion: '意见',
  evaluation: '评估',
  report: '报告',
  other: '文件'
}

/** Compare the targets of `records`. */
export function diffTargets(records: PolicyRecord[], options: DiffOptions = {}): Diff {
  const minimum = options.minSimilarity ?? 0.75
  const suggestFrom = options.minSuggestion ?? 0.5
  const rows: DiffRow[] = []
  const byKey = new Map<string, DiffRow>()
  const suggestions: DiffSuggestion[] = []
  for (const [document, record] of records.entries()) {
    // Note: of one indicator's targets for several years (2023年, 2024年, 2025年), the plan's last year's leads its cell.
    const end = record.period?.end
    const yearRank = (target: Target) => (end != null && target.year === end ? 0 : 1)
    const ordered = [...record.targets].sort(
      (a, b) =>
        originRank(a) - originRank(b) || yearRank(a) - yearRank(b) || a.position.start.offset - b.position.start.offset
    )
    for (const target of ordered) {
      const own = indicatorKey(target.indicator)
      const key = options.synonyms?.get(own) ?? own
      let row = byKey.get(key)
      let member: DiffMember = {
        document,
        indicator: target.indicator,
        reason: key === own ? 'same key' : 'user lexicon'
      }
      if (!row) {
        const match = bestMatch(key, rows, document, suggestFrom)
        if (match && match.similarity >= minimum && match.isSameScope) {
          row = match.row
          member = {document, indicator: target.indicator, reason: 'similarity', similarity: round(match.similarity)}
        } else {
          if (match)
            suggestions.push({
              keys: [match.row.key, key],
              similarity: round(match.similarity),
              why: whyApart(match.row.key, key, match.isSameScope)
            })
          row = {key, label: target.indicator, cells: records.map(() => null), members: [], hasUnitConflict: false}
          rows.push(row)
          member = {document, indicator: target.indicator, reason: 'first'}
        }
        byKey.set(key, row)
      } else if (key === own && !row.members.some((existing) => existing.indicator === target.indicator)) {
        member = {document, indicator: target.indicator, reason: 'lexicon'}
      }
      const cell = row.cells[document]
      if (cell) cell.others.push(target)
      else row.cells[document] = {target, others: []}
      if (!row.members.some((existing) => existing.document === document && existing.indicator === target.indicator))
        row.members.push(member)
    }
  }
  for (const row of rows) row.hasUnitConflict = hasUnitConflict(row)
  rows.sort((a, b) => presence(b) - presence(a) || a.key.localeCompare(b.key, 'zh'))
  return {
    documents: records.map((record) => ({label: documentLabel(record), path: record.source.path, id: record.id})),
    rows,
    suggestions
  }
}

function whyApart(a: string, b: string, isSameScope: boolean): string {
  if (isSameScope) return 'below --min-similarity'
  const words = differingWords(a, b)
  return !sameScope(a, b) ? 'different scope words' : 'different words: ' + words.join(' / ')
}

function originRank(target: Target): number {
  return ['table', 'text', 'column'].indexOf(target.origin)
}

function presence(row: DiffRow): number {
  return row.cells.filter(Boolean).length
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

/** `浦口区 规划 2021–2025`. */
export function documentLabel(record: PolicyRecord): string {
  const kind =
    record.kind === 'notice' && record.enclosed ? enclosedKind(record.enclosed.title) : kindLabels[record.kind]
  const period = record.period?.start && record.period.end ? ' ' + record.period.start + '–' + record.period.end : ''
  return (record.jurisdiction?.name ?? record.source.path) + ' ' + kind + period
}

function enclosedKind(title: string): string {
  const match = /(规划|纲要|意见|方案|计划|办法)(?:[(（][^()（）]*[)）])?$/.exec(title)
  return match?.[1] ?? '文件'
}

function bestMatch(key: string, rows: DiffRow[], document: number, floor: number) {
  let best: {row: DiffRow; similarity: number; isSameScope: boolean} | undefined
  for (const row of rows) {
    // A document's own indicators never merge with each other by similarity.
    if (row.cells[document]) continue
    const similarity = tokenSimilarity(key, row.key)
    if (similarity < floor || (best && similarity <= best.similarity)) continue
    best = {row, similarity, isSameScope: sameScope(key, row.key) && differingWords(key, row.key).length === 0}
  }
  return best
}

/** Whether two keys carry the same scope words. */
export function sameScope(a: string, b: string): boolean {
  return scopeWords.every((word) => a.includes(word) === b.includes(word))
}

interface Segmenter {
  cut(text: string): string[]
  load(): void
  insertWord(word: string): boolean
}

const require = createRequire(import.meta.url)
let segmenter: Segmenter | undefined
const tokenCache = new Map<string, string[]>()

/** The segmenter, loaded on first use: ~1–3 s and ~250 MB, so only `diff` pays it. */
function jieba(): Segmenter {
  if (!segmenter) {
    const loaded = require('nodejieba') as Segmenter
    loaded.load()
    for (const word of ['万人', '高价值', '布图设计', '十四五', '贯标', '专栏']) loaded.insertWord(word)
    segmenter = loaded
  }
  return segmenter
}

/** Words of a key. */
function tokens(key: string): string[] {
  let cached = tokenCache.get(key)
  if (!cached) {
    cached = jieba()
      .cut(key)
      .filter((token) => token.trim().length > 0)
    tokenCache.set(key, cached)
  }
  return cached
}

/** Words that may differ between two wordings of one indicator. */
const fillerWords = new Set([
  '的',
  '数',
  '量',
  '数量',
  '个数',
  '总',
  '总量',
  '全',
  '全市',
  '全区',
  '全县',
  '全省',
  '知识产权'
])

/** The content words only one of two keys has (`专利密集型` vs `版权`); [] when they differ only in filler. */
export function differingWords(a: string, b: string): string[] {
  const left = new Set(tokens(a))
  const right = new Set(tokens(b))
  return [...[...left].filter((token) => !right.has(token)), ...[...right].filter((token) => !left.has(token))].filter(
    (token) => !fillerWords.has(token)
  )
}

/** Dice similarity of the word sets of two keys, 0–1. */
export function tokenSimilarity(a: string, b: string): number {
  const left = new Set(tokens(a))
  const right = new Set(tokens(b))
  if (left.size === 0 || right.size === 0) return 0
  let shared = 0
  for (const token of left) if (right.has(token)) shared++
  return (2 * shared) / (left.size + right.size)
}

const unitScales: Array<Record<string, number>> = [
  {元: 1, 万元: 1e4, 亿元: 1e8, 万亿元: 1e12},
  {件: 1, 万件: 1e4},
  {人: 1, 万人: 1e4},
  {家: 1, 户: 1}
]

/** A number in `to` units, when `from` converts exactly. */
export function convert(value: number, from: string | null, to: string | null): number | undefined {
  if (from === to) return value
  for (const scale of unitScales) {
    const a = from === null ? undefined : scale[from]
    const b = to === null ? undefined : scale[to]
    if (a !== undefined && b !== undefined) return (value * a) / b
  }
  return undefined
}

function hasUnitConflict(row: DiffRow): boolean {
  const units = row.cells.flatMap((cell) => (cell?.target.unit ? [cell.target.unit] : []))
  const first = units[0]
  return units.some((unit) => convert(1, unit, first ?? null) === undefined)
}

/** A value as printed in a cell: `≥20 家`, `2–3 家`, `全覆盖`, in the row's unit where that converts. */
export function formatValue(value: Value | null, unit: string | null, rowUnit: string | null): string {
  if (!value) return '—'
  const comparators = {'>=': '≥', '>': '>', '<=': '≤', '<': '<'}
  if (value.kind === 'text') return value.text
  const show = (number: number) => {
    const converted = rowUnit && unit && unit !== rowUnit ? convert(number, unit, rowUnit) : undefined
    return converted === undefined || converted === number
      ? String(number) + (unit ? ' ' + unit : '')
      : String(round(converted)) + ' ' + rowUnit + ' (=' + number + ' ' + unit + ')'
  }
  if (value.kind === 'range') return show(value.min).replace(/ .*$/, '') + '–' + show(value.max)
  return (value.comparator ? comparators[value.comparator] : '') + show(value.number)
}
