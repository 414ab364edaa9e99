/**
 * Canonical indicator keys and the similarity used to tell whether two
 * wordings in one document state the same goal.
 *
 * The rules live in `pipeline/lexicon/data/indicator-lexicon.json`, reviewed by
 * hand: 每万人口 → 万人, 占GDP的比重 → 占GDP比重, 高价值有效发明专利 →
 * 高价值发明专利. Scope words (累计, 新增, 年度) stay in the key.
 */
import lexicon from './data/indicator-lexicon.json' with {type: 'json'}
import {toHalfWidth} from './text.js'

const quoteExpression = /[“”"'‘’《》〈〉「」]/g

/**
 * `compute` with a bounded memo: keys, bigrams and population words are asked
 * for again and again, for the same few indicators, while targets merge.
 */
function memoised<T>(compute: (indicator: string) => T): (indicator: string) => T {
  const cache = new Map<string, T>()
  return function (indicator) {
    let value = cache.get(indicator)
    if (value === undefined) {
      value = compute(indicator)
      if (cache.size > 50_000) cache.clear()
      cache.set(indicator, value)
    }
    return value
  }
}

/** The canonical key of an indicator name. */
export const indicatorKey: (indicator: string) => string = memoised(computeKey)

/** A per-head scope printed after the name (`高价值发明专利拥有量（每万人）`): it belongs before it. */
const trailingScopeExpression = /[（(](?:每)?万人口?[)）]$/

function computeKey(indicator: string): string {
  let key = toHalfWidth(indicator).replace(/\s+/g, '').replace(quoteExpression, '')
  key = trailingScopeExpression.test(key)
    ? '万人' + key.replace(trailingScopeExpression, '')
    : key.replace(/[（(][^（）()]*[)）]$/, '')
  for (const prefix of lexicon.dropPrefixes)
    if (key.startsWith(prefix) && key.length > prefix.length + 2) key = key.slice(prefix.length)
  for (const [from, to] of lexicon.rewrites as Array<[string, string]>) key = key.split(from).join(to)
  for (const [from, to] of lexicon.endRewrites as Array<[string, string]>) {
    if (key.endsWith(from)) {
      key = key.slice(0, key.length - from.length) + to
      break
    }
  }
  return key.replace(/^每/, '')
}

/** The key without words every indicator of the genre shares. */
function core(indicator: string): string {
  let text = indicatorKey(indicator)
  for (const word of lexicon.genericWords) text = text.split(word).join('')
  return text
}

function bigrams(text: string): string[] {
  const result: string[] = []
  for (let index = 0; index < text.length - 1; index++) result.push(text.slice(index, index + 2))
  return result
}

const bigramsOf = memoised((indicator) => bigrams(core(indicator)))

/** Dice similarity of two indicator names over character bigrams of their cores, 0–1. */
export function indicatorSimilarity(a: string, b: string): number {
  const left = bigramsOf(a)
  const right = bigramsOf(b)
  if (left.length === 0 || right.length === 0) return 0
  const pool = [...right]
  let shared = 0
  for (const gram of left) {
    const index = pool.indexOf(gram)
    if (index === -1) continue
    shared++
    pool.splice(index, 1)
  }
  return (2 * shared) / (left.length + right.length)
}

/** Whether one key contains the other (a shorter wording of the same indicator). */
export function isContained(a: string, b: string): boolean {
  const left = indicatorKey(a)
  const right = indicatorKey(b)
  return left.length >= 2 && right.length >= 2 && (left.includes(right) || right.includes(left))
}

/** Whether both name a population and the populations differ (权利人 vs 全社会). */
export function hasConflictingPopulation(a: string, b: string): boolean {
  const left = populationsOf(a)
  const right = populationsOf(b)
  return left.length > 0 && right.length > 0 && !left.some((word) => right.includes(word))
}

/** The population words an indicator names. */
const populationsOf = memoised((indicator) => lexicon.populationQualifiers.filter((word) => indicator.includes(word)))
