/**
 * Jurisdiction: the administrative area the document governs.
 *
 * Looked for in the issuers, then the titles, then (for documents without
 * either) the division the body names most often. The most specific division
 * of the first source that names one wins: `南京市浦口区人民政府办公室` governs
 * 浦口区. National organs (国务院, 部委) govern 全国.
 */
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import type {Jurisdiction, Position} from '../schemas/record.js'
import {blocksOf, positionOf, spanOf, type Block} from '../pipeline/tree/blocks.js'
import {
  findDivisions,
  findProvincesAndCities,
  levelRanks,
  type Division,
  type DivisionMention
} from '../pipeline/lexicon/divisions.js'
import {frontOf} from '../pipeline/lexicon/front.js'
import {messageAt} from '../pipeline/tree/message-at.js'
import {matchesOf} from '../pipeline/lexicon/text.js'

declare module 'vfile' {
  interface DataMap {
    jurisdiction: Jurisdiction | null
  }
}

const nationalOrganExpression =
  /^(?:国务院|中共中央|中央|全国|国家|最高人民)|^[^省市县区州盟旗]{1,12}(?:部|总局|署)(?:办公厅)?$/

interface Found {
  mention: DivisionMention
  position: Position
}

/** Extract the jurisdiction. */
const extractJurisdiction: Plugin<[], Root> = function () {
  return function (tree, file) {
    const blocks = blocksOf(tree)
    const front = frontOf(tree)
    const issuers = file.data.issuers ?? []
    file.data.jurisdiction = null
    const issuerMentions = issuers.flatMap((issuer) =>
      findDivisions(issuer.name, 2).map((mention) => ({
        mention,
        position: within(issuer.position, mention.start, mention.end)
      }))
    )
    const national = issuers.find((issuer) => nationalOrganExpression.test(issuer.name))
    if (national && issuerMentions.length === 0) {
      file.data.jurisdiction = {
        name: '全国',
        level: 'national',
        province: null,
        city: null,
        code: null,
        position: national.position
      }
      return
    }
    // An issuer that names a county or a district governs it: no unknown division or zone is looked for.
    const namesCounty = isBelowCity(issuerMentions)
    const unknown = namesCounty ? undefined : unknownDivision(issuers)
    if (unknown) {
      messageAt(
        file,
        'Division `' + unknown.name + '` is not in the 2023 division table: kept without a code',
        unknown.position,
        'unknown-division',
        'warning'
      )
      file.data.jurisdiction = unknown
      return
    }
    const titles = [
      ...front.title.map((block) => ({text: block.text, position: positionOf(block)})),
      ...(file.data.enclosed ? [{text: file.data.enclosed.title, position: file.data.enclosed.position}] : [])
    ]
    const zone = namesCounty ? undefined : zoneOf(issuers, titles)
    if (zone) {
      file.data.jurisdiction = zone
      return
    }
    const titleMentions = front.title.flatMap((block) => mentionsIn(block, 0, block.text.length, 2))
    const enclosed = file.data.enclosed
    const enclosedBlock = enclosed
      ? blocks.find((block) => block.node.position?.start.offset === enclosed.position.start.offset)
      : undefined
    const enclosedMentions = enclosedBlock ? mentionsIn(enclosedBlock, 0, enclosedBlock.text.length, 2) : []
    const header =
      mostSpecific(issuerMentions) ??
      mostSpecific(titleMentions) ??
      mostSpecific(enclosedMentions) ??
      zoneOf([], titles)
    // Without a header that names it: a text addressed to every province is the centre's; else the scope the
    // text speaks for (全国, 全省, 全市) and the places it names.
    const evidence = header ? undefined : (addressedToProvinces(file.data.recipients ?? [], blocks) ?? byScope(blocks))
    if (evidence) {
      messageAt(
        file,
        'Jurisdiction `' + evidence.name + '` read from the text: no header names it',
        evidence.position,
        'jurisdiction-from-text',
        'info'
      )
      file.data.jurisdiction = evidence
      return
    }
    const chosen = header ?? mostFrequent(blocks)
    if (!chosen) {
      file.data.jurisdiction = nationalByDefault(blocks) ?? null
      if (file.data.jurisdiction)
        messageAt(
          file,
          'Jurisdiction `全国` read from the text: it names no place and speaks as the centre does',
          file.data.jurisdiction.position,
          'jurisdiction-from-text',
          'info'
        )
      return
    }
    if (!('mention' in chosen)) {
      file.data.jurisdiction = chosen
      return
    }
    // Note: a name several divisions share (鼓楼区) is told by the parents the header names, else the body's opening.
    const division =
      resolve(chosen.mention, [...issuerMentions, ...titleMentions, ...enclosedMentions]) ??
      (chosen.mention.candidates.length > 1 ? resolve(chosen.mention, openingMentions(blocks)) : undefined)
    if (!division) {
      messageAt(
        file,
        'Place name `' + chosen.mention.name + '` matches several divisions',
        chosen.position,
        'ambiguous-division'
      )
    }
    const first = chosen.mention.candidates[0]!
    file.data.jurisdiction = {
      name: chosen.mention.name,
      level: (division ?? first).level,
      province:
        division?.province ??
        (chosen.mention.candidates.every((candidate) => candidate.province === first.province) ? first.province : null),
      city: division?.city ?? null,
      code: division?.code ?? null,
      position: chosen.position
    }
    if (division?.until)
      messageAt(
        file,
        'Division `' +
          division.name +
          '` is no longer in the 2023 table (last listed in GB/T 2260 revision ' +
          division.until +
          '): its code as it was',
        chosen.position,
        'historical-division',
        'info'
      )
  }
}

/** Whether one of the mentions is of a county or a district. */
function isBelowCity(found: Found[]): boolean {
  return found.some((item) =>
    item.mention.candidates.some((candidate) => levelRanks[candidate.level] >= levelRanks.county)
  )
}

/** A zone's name: an area run by a 管委会 rather than a division (江北新区, 苏州工业园区, 常熟经济技术开发区). */
const zoneNameSource =
  '\\p{Script=Han}{2,24}?(?:新区|开发区|经开区|高新区|园区|保税区|自贸区|试验区|示范区|合作区|度假区)'
/** The organ of a zone (南京江北新区管理委员会, 中共某开发区工作委员会). */
const zoneOrganExpression = new RegExp(
  '^(?:中共)?(?<name>' + zoneNameSource + ')(?:党工委|工委|工作委员会|管理委员会|管委会|管理办公室|管理局|办公室)',
  'u'
)
/** A title that opens with a zone's name (江北新区“十四五”知识产权发展规划). */
const zoneTitleExpression = new RegExp(
  '^(?:中共)?(?<name>' + zoneNameSource + ')(?=[“"]|关于|\\s*(?:19|20)\\d{2}|知识产权|国民经济)',
  'u'
)

/**
 * The zone an issuer is the organ of, or (without issuers) a title opens
 * with. Its name is as the titles print it, often without the city before
 * it (南京江北新区管理委员会 issues the 江北新区 plan); its parents are the
 * divisions named before it (南京 → 南京市).
 */
function zoneOf(
  issuers: Array<{name: string; position: Position}>,
  titles: Array<{text: string; position: Position}>
): Jurisdiction | undefined {
  const sources =
    issuers.length > 0
      ? issuers.map((issuer) => ({text: issuer.name, position: issuer.position, expression: zoneOrganExpression}))
      : titles.map((title) => ({...title, expression: zoneTitleExpression}))
  for (const source of sources) {
    const found = source.expression.exec(source.text)?.groups?.name
    if (!found) continue
    const end = source.text.indexOf(found) + found.length
    const nameStart = end - found.length
    // The divisions the name opens with (江苏省 of 江苏省常熟经济技术开发区) are its parents, not its name.
    const leading = findDivisions(found, 2).filter((mention) => mention.end <= found.length - 4)
    let start = Math.max(nameStart, ...leading.map((mention) => nameStart + mention.end))
    // The longest ending of the name that the titles print (江北新区 of 南京江北新区), past the organ a notice's title opens with.
    const printed = titles.map((title) =>
      title.text
        .slice(title.text.indexOf('关于') + 1)
        .split(source.text)
        .join('')
    )
    let isPrinted = false
    for (let at = start; at <= end - 4 && !isPrinted; at++) {
      if (printed.some((text) => text.includes(source.text.slice(at, end)))) {
        start = at
        isPrinted = true
      }
    }
    // Else the short form the titles print (常州高新区 for 常州国家高新技术产业开发区), its city the two characters it opens with.
    const short = isPrinted ? undefined : shortFormIn(source.text.slice(start, end), titles)
    const before = short ? short.name.slice(0, 2) : source.text.slice(nameStart, start)
    const parents =
      leading.length > 0 ? leading : before.length >= 2 && before.length <= 3 ? findDivisions(before + '市', 3) : []
    const candidates = parents.flatMap((mention) => mention.candidates)
    const city = candidates.find((candidate) => candidate.level === 'city')
    return {
      name: short?.name ?? source.text.slice(start, end),
      level: 'zone',
      province: city?.province ?? candidates.find((candidate) => candidate.level === 'province')?.name ?? null,
      city: city?.name ?? null,
      code: null,
      position: short?.position ?? within(source.position, start, end)
    }
  }
  return undefined
}

const zoneNameExpression = new RegExp(zoneNameSource, 'gu')

/**
 * A shorter name of the zone `full` that a title prints: it opens as the full
 * name does and keeps its characters in their order (常州高新区 of
 * 常州国家高新技术产业开发区, 常熟经开区 of 常熟经济技术开发区).
 */
function shortFormIn(
  full: string,
  titles: Array<{text: string; position: Position}>
): {name: string; position: Position} | undefined {
  for (const title of titles) {
    for (const match of matchesOf(zoneNameExpression, title.text)) {
      const name = match[0]
      if (name.length < full.length && name.slice(0, 2) === full.slice(0, 2) && isSubsequence(name, full))
        return {name, position: within(title.position, match.index, match.index + name.length)}
    }
  }
  return undefined
}

function isSubsequence(short: string, full: string): boolean {
  let at = 0
  for (const character of short) {
    at = full.indexOf(character, at) + 1
    if (at === 0) return false
  }
  return true
}

/** An organ of a county or district (铜山县人民政府, 中共某区委): the division's name, then the organ. */
const countyOrganExpression =
  /^(?:中共)?(?<name>\p{Script=Han}{1,12}?(?:自治县|自治旗|县|旗|区))(?:委员会|委|人民政府|政府|人大常委会|政协|党委|办公室)/u
/** Zones named like districts that are no divisions (开发区, 园区, 新区 …). */
const zoneExpression =
  /开发区|经开区|高新区|园区|新区|保税区|综保区|自贸区|经济区|示范区|试验区|工业区|度假区|风景区|景区|合作区|实验区|功能区|片区|管理区|城区|街道/

/**
 * The county or district an issuer names where the division table does not
 * know it (renamed since mid-2023, or an older name): its parents are the
 * divisions named before it (徐州市铜山县 → 徐州市, 江苏省).
 */
function unknownDivision(issuers: Array<{name: string; position: Position}>): Jurisdiction | undefined {
  for (const issuer of issuers) {
    const found = countyOrganExpression.exec(issuer.name)?.groups?.name
    if (!found || zoneExpression.test(found)) continue
    const end = issuer.name.indexOf(found) + found.length
    // The divisions named before it, inside the same name (徐州市 of 徐州市铜山县), are its parents.
    const parents = findDivisions(issuer.name, 2).filter((mention) => mention.end < end)
    const start = Math.max(end - found.length, ...parents.map((mention) => mention.end))
    if (end - start < 2) continue
    const candidates = parents.flatMap((mention) => mention.candidates)
    const city = candidates.find((candidate) => candidate.level === 'city')
    const name = issuer.name.slice(start, end)
    return {
      name,
      level: name.endsWith('区') ? 'district' : 'county',
      province: city?.province ?? candidates.find((candidate) => candidate.level === 'province')?.name ?? null,
      city: city?.name ?? null,
      code: null,
      position: within(issuer.position, start, end)
    }
  }
  return undefined
}

function mentionsIn(block: Block, from: number, length: number, minimumLength: number): Found[] {
  return findDivisions(block.text.slice(from, from + length), minimumLength).map((mention) => ({
    mention,
    position: spanOf(block, from + mention.start, from + mention.end)
  }))
}

/** The part `start`–`end` of a one-line span. */
function within(position: Position, start: number, end: number): Position {
  const point = position.start
  const at = (delta: number) => ({line: point.line, column: point.column + delta, offset: (point.offset ?? 0) + delta})
  return {start: at(start), end: at(end)}
}

function mostSpecific(found: Found[]): Found | undefined {
  let best: Found | undefined
  for (const item of found) {
    const rank = Math.max(...item.mention.candidates.map((candidate) => levelRanks[candidate.level]))
    const bestRank = best ? Math.max(...best.mention.candidates.map((candidate) => levelRanks[candidate.level])) : -1
    if (rank > bestRank) best = item
  }
  return best
}

/** How much of the body is read for the division it names most often: its opening says where it governs. */
const openingBlocks = 40
const openingCharacters = 3000

/** The division the opening of the body names most often (three characters or more), first mention on ties. */
function mostFrequent(blocks: Block[]): Found | undefined {
  const counts = new Map<string, {count: number; first: Found}>()
  for (const found of openingMentions(blocks)) {
    const entry = counts.get(found.mention.name)
    if (entry) entry.count++
    else counts.set(found.mention.name, {count: 1, first: found})
  }
  let best: {count: number; first: Found} | undefined
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry
  return best && best.count >= 2 ? best.first : undefined
}

/** How much of the body is read for the scope it speaks for. */
const scopeCharacters = 20000

/** Words of the scope a text speaks for, by level. */
const comparativeSource =
  '(?!领先|前列|一流|先进|首|第|重要|知名|排名|平均|水平|性|影响|同类|乃至|同行|推广|示范|率先|标杆)'
const scopeExpressions = {
  national: new RegExp('我国|全国' + comparativeSource, 'g'),
  province: new RegExp('我省|本省|全省' + comparativeSource, 'g'),
  city: new RegExp('我市|本市|全市' + comparativeSource, 'g')
} as const

/**
 * The jurisdiction a text without a header speaks for: the scope word it uses most
 * (全国/我国 → 全国; 全省 → the province it names most, or the one province its cities
 * lie in; 全市 → the city it names most). Undefined where the words are too few or the
 * place cannot be told.
 */
function byScope(blocks: Block[]): Jurisdiction | undefined {
  const parts: Array<{block: Block; text: string}> = []
  let read = 0
  for (const block of blocks) {
    if (block.node.type === 'table') continue
    if (read > scopeCharacters) break
    read += block.text.length
    parts.push({block, text: block.text})
  }
  // Note: a text speaks of its own area as 我省/我市; 全省 and 全国 also compare (走在全国前列), and are left out where they do.
  const count = (expression: RegExp) => parts.reduce((sum, part) => sum + (part.text.match(expression)?.length ?? 0), 0)
  const national = count(scopeExpressions.national)
  const province = count(scopeExpressions.province)
  const city = count(scopeExpressions.city)
  if (Math.max(national, province, city) < 2) return undefined
  const place = (level: 'province' | 'city') => namedMost(parts, level)
  // A province's or city's own text names it and its places again and again; a national text compares
  // with provinces but names none so often. So a scope with its place named thrice beats 全国.
  const provincial = province >= 2 && province >= city ? place('province') : undefined
  if (provincial && (provincial.count >= 3 || province > national)) return jurisdictionOf(provincial, parts)
  const municipal = city >= 2 ? place('city') : undefined
  if (municipal && (municipal.count >= 3 || city > national)) return jurisdictionOf(municipal, parts)
  if (national >= 2 && national > province && national > city) {
    const first = parts.find((part) => /全国|我国/.test(part.text))!
    const at = first.text.search(/全国|我国/)
    return {
      name: '全国',
      level: 'national',
      province: null,
      city: null,
      code: null,
      position: spanOf(first.block, at, at + 2)
    }
  }
  return undefined
}

/** Recipients that are every province (各省、自治区、直辖市…, 各省（区、市）): only the centre writes to them. */
const allProvincesExpression = /^\s*各省(?:、自治区、直辖市|[（(]区、市[）)]|级)/

function addressedToProvinces(
  recipients: Array<{name: string; position: Position}>,
  blocks: Block[]
): Jurisdiction | undefined {
  const recipient = recipients.find((candidate) => allProvincesExpression.test(candidate.name))
  if (recipient)
    return {name: '全国', level: 'national', province: null, city: null, code: null, position: recipient.position}
  // Note: a body without a header may open with the recipients' line itself.
  const opening = blocks
    .slice(0, 2)
    .find(
      (block) =>
        block.node.type === 'paragraph' && allProvincesExpression.test(block.text) && /[：:]\s*$/.test(block.text)
    )
  return opening
    ? {name: '全国', level: 'national', province: null, city: null, code: null, position: spanOf(opening, 0, 2)}
    : undefined
}

/** What only a national text says: 我国, 各省（区、市）, 各地, 国家标准 and the like. */
const nationalSignalExpression =
  /我国|各省[（(]区、市[）)]|各省、自治区、直辖市|各地区|各地方|地方各级|国家(?:级|标准|战略|重大|层面)|全国(?:范围|统一|各地)/

/**
 * A text that names no province or city at all and speaks as the centre does (我国, 各省（区、市）,
 * 国家标准): national. Undefined where it names a place or says nothing of the kind.
 */
function nationalByDefault(blocks: Block[]): Jurisdiction | undefined {
  let read = 0
  let signal: {block: Block; at: number; length: number} | undefined
  for (const block of blocks) {
    if (block.node.type === 'table') continue
    if (read > scopeCharacters) break
    read += block.text.length
    if (findProvincesAndCities(block.text).length > 0 || findDivisions(block.text, 3).length > 0) return undefined
    const match = signal ? null : nationalSignalExpression.exec(block.text)
    if (match) signal = {block, at: match.index, length: match[0].length}
  }
  return signal
    ? {
        name: '全国',
        level: 'national',
        province: null,
        city: null,
        code: null,
        position: spanOf(signal.block, signal.at, signal.at + signal.length)
      }
    : undefined
}

interface Named {
  count: number
  division: Division
  block: Block
  start: number
  end: number
}

/** The province (or city) a text names most, a city counting for its province; undefined on a tie. */
function namedMost(
  parts: Array<{block: Block; text: string; places?: ReturnType<typeof findProvincesAndCities>}>,
  level: 'province' | 'city'
): Named | undefined {
  const tally = new Map<string, Named>()
  for (const part of parts) {
    // Note: found once per part, for both levels.
    part.places ??= findProvincesAndCities(part.text)
    for (const found of part.places) {
      const division =
        level === 'province' && found.division.level === 'city' ? provinceOf(found.division) : found.division
      if (!division || division.level !== level) continue
      const entry = tally.get(division.name)
      if (entry) entry.count++
      else tally.set(division.name, {count: 1, division, block: part.block, start: found.start, end: found.end})
    }
  }
  let best: Named | undefined
  let tie = false
  for (const entry of tally.values()) {
    if (!best || entry.count > best.count) {
      best = entry
      tie = false
    } else if (entry.count === best.count) tie = true
  }
  return best && !tie ? best : undefined
}

/** The jurisdiction of a named division, its position where the text prints its full name (山东省), else its first mention (山东). */
function jurisdictionOf(
  {division, block, start, end}: Named,
  parts: Array<{block: Block; text: string}>
): Jurisdiction {
  const full = parts.find((part) => part.text.includes(division.name))
  const position = full
    ? spanOf(full.block, full.text.indexOf(division.name), full.text.indexOf(division.name) + division.name.length)
    : spanOf(block, start, end)
  return {
    name: division.name,
    level: division.level,
    province: division.province,
    city: division.city,
    code: division.code,
    position
  }
}

/** The province a city lies in. */
function provinceOf(city: Division): Division | undefined {
  return city.province
    ? findDivisions(city.province, 2)
        .find((mention) => mention.name === city.province)
        ?.candidates.find((candidate) => candidate.level === 'province')
    : undefined
}

/** The divisions the opening of the document names, in order. */
function openingMentions(blocks: Block[]): Found[] {
  const found: Found[] = []
  let read = 0
  for (const block of blocks.slice(0, openingBlocks)) {
    if (block.node.type === 'table') continue
    if ((read += block.text.length) > openingCharacters) break
    found.push(...mentionsIn(block, 0, block.text.length, 3))
  }
  return found
}

/** One division for a name: unique, or the one whose parents are named alongside. */
function resolve(mention: DivisionMention, context: Found[]): Division | undefined {
  if (mention.candidates.length === 1) return mention.candidates[0]
  const names = new Set(context.map((found) => found.mention.name))
  const fitting = mention.candidates.filter(
    (candidate) =>
      (candidate.city && names.has(candidate.city)) ||
      (candidate.province && names.has(candidate.province) && candidate.level !== 'province')
  )
  return fitting.length === 1 ? fitting[0] : undefined
}

export default extractJurisdiction
