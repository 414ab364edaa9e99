/**
 * Target values as printed: `≥20`, `＞3500 件`, `2-3家`, `1—2家`, `3～5个`,
 * `25%`, `95％以上`, `超过10亿元`, `达到千家`, `百分之九十`, `全覆盖`, `翻一番`.
 */
import type {Comparator, Value} from '../../schemas/record.js'
import {compact, toHalfWidth} from './text.js'
import {parseChineseNumber} from './zh-number.js'

/** A parsed value with its unit. */
export interface ParsedValue {
  value: Value
  unit: string | null
}

/**
 * Units that follow a number, longest first. A scale prefix (万, 亿, 千, 百)
 * is kept with its unit (`5万人`, `10亿元`): the exact value stays as printed.
 */
export const units = [
  '万亿元',
  '亿美元',
  '万美元',
  '亿元',
  '万元',
  '千元',
  '百元',
  '元',
  '美元',
  '万人次',
  '人次',
  '万人',
  '千人',
  '人',
  '名',
  '位',
  '万家',
  '千家',
  '百家',
  '家',
  '户',
  '万户',
  '个',
  '项',
  '件',
  '万件',
  '款',
  '种',
  '类',
  '批',
  '所',
  '座',
  '条',
  '套',
  '台',
  '部',
  '本',
  '篇',
  '场次',
  '场',
  '次',
  '期',
  '单',
  '笔',
  '宗',
  '万个',
  '万项',
  '万次',
  '万套',
  '万台',
  '万张',
  '万名',
  '万册',
  '万株',
  '个百分点',
  '百分点',
  '%',
  '‰',
  '分',
  '倍',
  '天',
  '小时',
  '年',
  '月',
  '亿',
  '万'
] as const

/**
 * Physical measures of plan indicators (environment, energy, land, health,
 * transport): `PM2.5平均浓度控制在25微克/立方米以内`, `人均预期寿命80岁`.
 * Prose goals read these too.
 */
export const measureUnits = [
  '微克/立方米',
  '毫克/立方米',
  '毫克/升',
  '立方米',
  '万立方米',
  '亿立方米',
  '吨标准煤',
  '万吨标准煤',
  '吨/万元',
  '吨',
  '万吨',
  '千克',
  '公斤',
  '平方公里',
  '平方米',
  '万平方米',
  '公里',
  '千米',
  '米',
  '公顷',
  '亩',
  '万亩',
  '千瓦',
  '万千瓦',
  '兆瓦',
  '千瓦时',
  '万千瓦时',
  '亿千瓦时',
  '岁',
  '张',
  '辆',
  '万辆',
  '艘',
  '标箱',
  '万标箱',
  '分贝',
  '分钟',
  '度',
  // Technical measures printed in Latin letters (声学过载点135dB, 算力128TFLOPS, 成形效率450cm3/h).
  'dB',
  'Pa',
  'pT',
  'nT',
  'TFLOPS/W',
  'TFLOPS/w',
  'TFLOPS',
  'TOPS/W',
  'TOPS',
  'cm3/h',
  'Gbps',
  'Mbps',
  'ms'
] as const

const unitAlternation = [...units, ...measureUnits]
  .sort((a, b) => b.length - a.length)
  .map((unit) => unit.replace('%', '%'))
  .join('|')

/** A number: Arabic (with decimals and thousands separators) or a Chinese numeral. */
const numberSource = '\\d+(?:,\\d{3})*(?:\\.\\d+)?'
const chineseSource = '[〇零一二两三四五六七八九十百千万亿]+(?:点[〇零一二三四五六七八九]+)?'
/** `2-3`, `1—2`, `3～5`, `3至5`. */
const rangeSeparator = '\\s*(?:-|—|–|－|~|～|至|到)\\s*'
/** A percent sign the first number of a range prints too (`50%—60%`). */
export const percentBeforeRange = '(?:\\s*[%％](?=\\s*(?:-|—|–|－|~|～|至|到)\\s*\\d))?'

const prefixComparators: ReadonlyArray<[RegExp, Comparator]> = [
  [/^(?:≥|>=|不低于|不少于|不小于|至少|大于等于)$/, '>='],
  [/^(?:>|＞|超过|突破|高于|大于|超)$/, '>'],
  [/^(?:≤|<=|不超过|不高于|不大于|控制在|小于等于)$/, '<='],
  [/^(?:<|＜|低于|小于|少于)$/, '<']
]
const suffixComparators: ReadonlyArray<[RegExp, Comparator]> = [
  [/^(?:以上|及以上|或以上)$/, '>='],
  [/^(?:以内|以下|及以下)$/, '<=']
]

/** Comparator prefix words, as one alternation. */
export const comparatorPrefixSource =
  '≥|>=|不低于|不少于|不小于|至少|大于等于|>|＞|超过|突破|高于|大于|超|≤|<=|不超过|不高于|不大于|控制在|小于等于|<|＜|低于|小于|少于'
const suffixSource = '及以上|或以上|以上|以内|及以下|以下|左右'

/**
 * The value expression, anchored nowhere: groups `prefix`, `first`, `second`
 * (range end), `unit`, `suffix`. Chinese numerals are only allowed with a unit,
 * so words such as 十四五 or 一批 are never read as values.
 */
export const valueExpression = new RegExp(
  '(?<prefix>' +
    comparatorPrefixSource +
    ')?\\s*(?:百分之(?<percent>' +
    chineseSource +
    ')|(?<first>' +
    numberSource +
    ')(?:' +
    percentBeforeRange +
    rangeSeparator +
    '(?<second>' +
    numberSource +
    '))?\\s*(?<unit>' +
    unitAlternation +
    ')?|(?<chinese>' +
    chineseSource +
    ')\\s*(?<chineseUnit>' +
    unitAlternation +
    '))\\s*(?<suffix>' +
    suffixSource +
    ')?',
  'u'
)

/** Values that are words, not numbers (全覆盖, 翻一番, 达到全国先进水平), as table cells print them. */
export const textValueExpression =
  /(全覆盖|全面覆盖|应保尽保|应收尽收|全部达标|动态清零|清零|翻两番|翻一番|翻番|倍增|达到全国先进水平|全国领先|全省领先|全国一流|国际先进)/
/**
 * Word values that quantify a goal in prose (coverage, clearance, doubling; group 1),
 * or a class of magnitude a verb of reaching ends on (达到万亿级; group 2). Aspirations
 * such as 全国领先 are visions, not targets, when they stand in a sentence.
 */
export const proseTextValueExpression =
  /(全覆盖|全面覆盖|应保尽保|应收尽收|全部达标|动态清零|翻两番|翻一番|翻番|零的突破|零突破|倍增(?!计划|行动|工程|专项|培育))|(?:达到|迈上|迈入|跨入|跨上|跻身)([万千百]亿级)(?=$|[，。；,;])/

/** Parse one value cell or phrase; undefined when it holds no value. */
export function parseValue(text: string): ParsedValue | undefined {
  const normalized = toHalfWidth(text).replace(/[＞]/g, '>').replace(/[＜]/g, '<').trim()
  if (/^[-—–－/\\]*$/.test(normalized) || /^(?:无|暂无|—+|-+|\/)$/.test(normalized)) return undefined
  const match = valueExpression.exec(normalized)
  if (match?.groups) return fromGroups(match.groups)
  const word = textValueExpression.exec(normalized)
  if (word?.[1]) return {value: {kind: 'text', text: word[1]}, unit: null}
  return undefined
}

/**
 * A table cell's value: a number as `parseValue` reads it, or the words a
 * target column prints instead of a number (完成省下达任务, 不减少,
 * 稳中有升), as printed. Dashes and 无/暂无/待定 are no value.
 */
export function parseCellValue(text: string): ParsedValue | undefined {
  // A ratio (1:1.5, 2∶1) is one value, kept as printed.
  const ratio = ratioCellExpression.exec(toHalfWidth(text).trim())
  if (ratio) return {value: {kind: 'text', text: ratio[0]}, unit: null}
  const parsed = parseValue(text)
  if (parsed) return parsed
  const words = compact(toHalfWidth(text))
  if (!wordCellExpression.test(words) || noValueExpression.test(words)) return undefined
  return {value: {kind: 'text', text: words}, unit: null}
}

const ratioCellExpression = /^\d+(?:\.\d+)?\s*[:：∶]\s*\d+(?:\.\d+)?$/

/** Words only (no digits, no sentence end), at most 30 characters. */
const wordCellExpression = /^\p{Script=Han}[\p{Script=Han}“”"、，,（）()]{0,29}$/u
const noValueExpression = /^(?:无|暂无|待定|不适用|未定)$/

/** Build a value from the groups of `valueExpression`. */
export function fromGroups(groups: Record<string, string | undefined>): ParsedValue | undefined {
  // Note: 余 or 多 between a number and its unit (20余家, 100多项) says more than it.
  const comparator =
    comparatorOf(groups.prefix ?? groups.chinesePrefix, groups.suffix) ?? (groups.more ? '>' : undefined)
  if (groups.percent) {
    const number = parseChineseNumber(groups.percent)
    return number === undefined ? undefined : withComparator(number, '%', comparator)
  }
  if (groups.chinese) {
    // 万 alone before 亿 (超万亿元) is one of the unit it prints, 万亿元, as a number before it would be (1.5万亿元).
    if (groups.chinese === '万' && groups.chineseUnit?.startsWith('亿'))
      return withComparator(1, groups.chinese + groups.chineseUnit, comparator)
    const number = parseChineseNumber(groups.chinese)
    return number === undefined ? undefined : withComparator(number, groups.chineseUnit ?? null, comparator)
  }
  if (!groups.first) return undefined
  const first = Number(groups.first.replace(/,/g, ''))
  const unit = groups.unit ?? null
  if (groups.second) {
    const second = Number(groups.second.replace(/,/g, ''))
    if (second > first) return {value: {kind: 'range', min: first, max: second}, unit}
  }
  return withComparator(first, unit, comparator)
}

function withComparator(number: number, unit: string | null, comparator: Comparator | undefined): ParsedValue {
  return {value: comparator ? {kind: 'number', number, comparator} : {kind: 'number', number}, unit}
}

function comparatorOf(prefix: string | undefined, suffix: string | undefined): Comparator | undefined {
  for (const [expression, comparator] of prefixComparators) if (prefix && expression.test(prefix)) return comparator
  for (const [expression, comparator] of suffixComparators) if (suffix && expression.test(suffix)) return comparator
  return undefined
}

/** A unit in brackets at the end of an indicator: `有效发明专利拥有量（件）`. */
const bracketUnitExpression = new RegExp(
  '[（(]\\s*(' + unitAlternation + '|[^（）()]{1,4}元|[^（）()]{1,3}人)\\s*[)）]\\s*$'
)

/** Split an indicator cell into the name and its bracketed unit. */
export function splitIndicatorUnit(text: string): {indicator: string; unit: string | null} {
  const match = bracketUnitExpression.exec(text)
  if (!match?.[1]) return {indicator: text.trim(), unit: null}
  return {indicator: text.slice(0, match.index).trim(), unit: match[1]}
}

/**
 * Complete a bare scale printed as a unit (`＞200 亿`, `＞5 万`) from what the
 * indicator measures: money (…额, 收入, 资金) → 亿元; people (人才, 人员) → 万人.
 */
export function completeScaleUnit(unit: string | null, indicator: string): string | null {
  if (unit !== '亿' && unit !== '万' && unit !== '千') return unit
  if (/(?:额|金额|收入|资金|产值|总值|增加值|投入|规模|贷款|融资|营收)$/.test(indicator)) return unit + '元'
  if (/(?:人才|人员|人数|人|队伍)$/.test(indicator)) return unit + '人'
  return unit
}
