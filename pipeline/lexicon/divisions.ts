/**
 * Administrative divisions (GB/T 2260, 2023) by name, from the trimmed table
 * in `pipeline/lexicon/data/divisions-2023.json`.
 */
import table from './data/divisions-2023.json' with {type: 'json'}
import history from './data/divisions-history.json' with {type: 'json'}
import type {DivisionLevel} from '../../schemas/record.js'

/** One division. */
export interface Division {
  code: string
  name: string
  level: Exclude<DivisionLevel, 'national'>
  /** Name of the province it lies in (itself for a province). */
  province: string | null
  /** Name of the prefecture-level city it lies in, if any. */
  city: string | null
  /** For a division since abolished or renamed (莱芜市): the last GB/T 2260 revision listing it (201607); its code is the code it had. */
  until?: string
}

/** A division named in a text. */
export interface DivisionMention {
  start: number
  end: number
  name: string
  candidates: Division[]
}

const byCode = new Map<string, string>(table.divisions as Array<[string, string]>)
// Note: a parent abolished since (莱芜市 for 莱城区) is still named by its code as it was.
const formerly = new Map<string, string>(
  (history.divisions as Array<[string, string, string]>).map(([code, name]) => [code, name])
)
const byName = new Map<string, Division[]>()
for (const [code, name] of table.divisions as Array<[string, string]>) {
  const division = toDivision(code, name)
  const list = byName.get(name) ?? []
  list.push(division)
  byName.set(name, list)
}
// Divisions of the 2010–2016 revisions whose names the 2023 table no longer has (莱芜市, 密云县): a document of
// those years still names them, and they are resolved as they were.
for (const [code, name, until] of history.divisions as Array<[string, string, string]>) {
  const list = byName.get(name) ?? []
  list.push({...toDivision(code, name), until})
  byName.set(name, list)
}

/** A trie of the names read backwards from their last character: a node per character, `name` where one ends. */
interface ReverseTrie {
  next: Map<number, ReverseTrie>
  name: string | undefined
}
const reverseTrie: ReverseTrie = {next: new Map(), name: undefined}
for (const name of byName.keys()) {
  let node = reverseTrie
  for (let index = name.length - 1; index >= 0; index--) {
    const code = name.charCodeAt(index)
    let child = node.next.get(code)
    if (!child) node.next.set(code, (child = {next: new Map(), name: undefined}))
    node = child
  }
  node.name = name
}
/** Whether a UTF-16 code unit ends some name: a flat table, read for every character of a text. */
const isLastCharacter = new Uint8Array(0x10000)
for (const code of reverseTrie.next.keys()) isLastCharacter[code] = 1

function toDivision(code: string, name: string): Division {
  const province = byCode.get(code.slice(0, 2) + '0000') ?? formerly.get(code.slice(0, 2) + '0000') ?? null
  if (code.endsWith('0000')) return {code, name, level: 'province', province: name, city: null}
  if (code.endsWith('00')) return {code, name, level: 'city', province, city: name}
  const city = byCode.get(code.slice(0, 4) + '00') ?? formerly.get(code.slice(0, 4) + '00') ?? null
  return {code, name, level: name.endsWith('区') ? 'district' : 'county', province, city}
}

/** Rank of a level, most specific highest. */
export const levelRanks: Record<DivisionLevel, number> = {
  national: 0,
  province: 1,
  city: 2,
  county: 3,
  district: 3,
  zone: 3
}

/**
 * Every division named in `text`, longest match first at each place.
 *
 * Two-character names (沛县, 城区) are only matched when `minimumLength` allows:
 * in running text they are mostly other words.
 */
export function findDivisions(text: string, minimumLength = 3): DivisionMention[] {
  const mentions: DivisionMention[] = []
  let consumed = 0
  // Note: every name ends in one of a few characters (省 市 区 县 州 盟 旗 …);
  // from each place, the reverse trie reads backwards to the longest name that
  // ends there, without slicing: this runs over whole documents.
  for (let end = 1; end <= text.length; end++) {
    const code = text.charCodeAt(end - 1)
    if (isLastCharacter[code] === 0) continue
    let node = reverseTrie.next.get(code)
    let longest: string | undefined
    for (let start = end - 1; node;) {
      if (node.name !== undefined && node.name.length >= minimumLength) longest = node.name
      if (--start < consumed) break
      node = node.next.get(text.charCodeAt(start))
    }
    if (longest === undefined) continue
    mentions.push({start: end - longest.length, end, name: longest, candidates: byName.get(longest)!})
    consumed = end
  }
  return mentions
}

/** Provinces and prefecture-level cities by the short name running text gives them (山东, 济南): the name without its suffix. */
const shortNames = new Map<string, Division>()
for (const [name, divisions] of byName) {
  if (divisions.length !== 1) continue
  const division = divisions[0]!
  if (division.level !== 'province' && division.level !== 'city') continue
  const short = name.replace(/(?:壮族|回族|维吾尔)?(?:自治区|特别行政区|省|市)$/, '')
  if (short.length >= 2 && short !== name && !shortNames.has(short)) shortNames.set(short, division)
}
/** The short names by their first character, longest first: a scan tries only those a character can open. */
const shortNamesByFirst = new Map<number, string[]>()
for (const name of [...shortNames.keys()].sort((a, b) => b.length - a.length)) {
  const code = name.charCodeAt(0)
  const list = shortNamesByFirst.get(code)
  if (list) list.push(name)
  else shortNamesByFirst.set(code, [name])
}

/** Whether a UTF-16 code unit opens some short name: a flat table, read for every character. */
const opensShortName = new Uint8Array(0x10000)
for (const code of shortNamesByFirst.keys()) opensShortName[code] = 1

/** Provinces and prefecture-level cities named in `text`, by full or short name, with where (leftmost, longest first). */
export function findProvincesAndCities(text: string): Array<{start: number; end: number; division: Division}> {
  const found: Array<{start: number; end: number; division: Division}> = []
  // Note: a scan by character codes, not an alternation of 300 names: this runs over the opening of every document without a header.
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at)
    if (opensShortName[code] === 0) continue
    const names = shortNamesByFirst.get(code)
    if (!names) continue
    const name = names.find((candidate) => text.startsWith(candidate, at))
    if (!name) continue
    found.push({start: at, end: at + name.length, division: shortNames.get(name)!})
    at += name.length - 1
  }
  return found
}

/** Whether `name` is exactly the name of a division (浦口区, 山东省): a place, which names no indicator. */
export function isDivisionName(name: string): boolean {
  return byName.has(name) || shortNames.has(name)
}
