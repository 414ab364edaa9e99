/**
 * Quantified goals in prose: `有效发明专利拥有量达1600件`, `地理标志商标达2件以上`,
 * `实施2-3家高价值专利培育示范项目`, `服务企业达到千家`, `实现…全覆盖`.
 *
 * A sentence is cut into clauses at ，；。: (outside brackets); each value in a
 * clause is a goal whose indicator is the text before it (back to the clause
 * start or the previous value), or the noun phrase after it when only a verb
 * precedes the number (`实施2-3家…项目`). Along the way, each family of the
 * genre's wording is one named step, in this order:
 *
 * - `list` (`readList`): names before 分别/均 take the values in order, a bound after
 *   the last holds for all, shared heads are completed (城镇和农村居民…, 城乡, 三次产业);
 * - `change-from-to`: 由2020年的3.1件提高到6件 is the second value, the first its baseline;
 * - `relative`: 增速高于全省1个百分点 measures against 全省 (`relativeTo`);
 * - `two-level`: 增长5.5%、力争6%以上 — the 力争 level is a second target (`stretch`);
 * - `subject`: a clause that opens with its value goes on with the sentence's subject;
 * - `verb-object`: a verb alone names what the same verb took before (`objectOf`);
 * - the measure (`nameChange`: growth, decrease, level) and approx (左右, 约, 近);
 * - `unitlessRules` when no value has a unit: `ratio` (收入比缩小到1.9), `word-value` (实现…全覆盖).
 *
 * Whether such a goal is the document's own (not a past statistic, a reward or a
 * threshold) is decided by the caller with `goal-context.ts`.
 */
import type {Measure, Value, YearValue} from '../../schemas/record.js'
import {bulletSource} from '../../pipeline/lexicon/column-title.js'
import {isDivisionName} from '../../pipeline/lexicon/divisions.js'
import {anchored, anchoredMatchesOf, compact, isDigit} from '../../pipeline/lexicon/text.js'
import {withinYearsSource} from '../../pipeline/lexicon/date.js'
import {parseChineseNumber} from '../../pipeline/lexicon/zh-number.js'
import {
  completeScaleUnit,
  comparatorPrefixSource,
  fromGroups,
  measureUnits,
  percentBeforeRange,
  proseTextValueExpression,
  units,
  type ParsedValue
} from '../../pipeline/lexicon/value.js'

/** A goal found in a text, with offsets into that text. */
export interface Goal {
  indicator: string
  value: Value
  unit: string | null
  /** The level a change starts from, when the goal states it with its year (`由2020年的3.1件提高到6件`). */
  baseline: YearValue | null
  /** Offsets of the whole goal (indicator and value) in the text. */
  start: number
  end: number
  /** level, growth (增长5%, 提高2个百分点) or decrease (下降15%). */
  measure: Measure
  /** 左右, 约, 近: the value is approximate. */
  approx?: true
  /** 力争 (争取) stands right before the value: the goal is striven for. */
  striving?: true
  /** The 力争 level of a two-level goal (增长5.5%、力争6%以上): the same indicator's second value. */
  stretch?: true
  /** The area a relative level is measured against (高于全省1个百分点 → 全省). */
  relativeTo?: string
}

// Note: the units of `value.ts`, longest first (万吨标准煤 before 万吨 before 万); not 月, which
// in prose is a date's (2024年6月底前).
const byLength = (a: string, b: string) => b.length - a.length
const unitSource =
  // A measure, with a scale where one is printed (1.2万公里, 2.5亿吨, 300万平方米, 万吨标准煤).
  '[万亿]?(?:' +
  measureUnits
    .filter((unit) => !/^[万亿]/.test(unit))
    .sort(byLength)
    .join('|') +
  ')|' +
  [...units.filter((unit) => unit !== '月'), '％'].sort(byLength).join('|')
const verbSource =
  '达到|达|提高到|提高至|提升到|提升至|增加到|增至|增长到|保持在|控制在|稳定在|维持在|保持|维持|实现|为|至|到'
/** A change that 到/至 completes into a level (`下降到0.45吨标准煤`): not part of the indicator. */
const changeVerbSource = '上升|扩大|下降|降低|降|减少|缩小|缩短'
const changeVerbExpression = new RegExp('(?:' + changeVerbSource + ')$')
/** Verbs of growth that 到/至 completes (`提高到6件`). */
const riseVerbSource = '提高|提升|增加|增长'
/** Comparators a Chinese numeral may follow (`突破千亿元`, `超千亿`). */
const chineseComparatorSource = '突破|超过|超|不少于|不低于'
/**
 * One value in prose. Chinese numerals only right after a verb or a
 * comparator (`达到千家`, `突破千亿元`), so that 万人, 十亿元 or 一批 inside an
 * indicator are never values.
 */
const proseValueSource = new RegExp(
  '(?:(?<verb>(?:' +
    verbSource +
    ')\\s*)?(?<prefix>' +
    comparatorPrefixSource +
    ')?\\s*(?<approx>约|近)?\\s*(?<first>\\d+(?:,\\d{3})*(?:\\.\\d+)?)(?:' +
    percentBeforeRange +
    '\\s*(?:-|—|–|－|~|～|至)\\s*(?<second>\\d+(?:,\\d{3})*(?:\\.\\d+)?))?\\s*(?<more>余|多)?(?<unit>' +
    unitSource +
    ')|(?<chineseVerb>(?:' +
    verbSource +
    '|(?<chinesePrefix>' +
    chineseComparatorSource +
    '))\\s*)(?<chinese>[一二两三四五六七八九十百千万]+?)(?<chineseUnit>家|个|项|件|人|名|户|所|亿元|万元|万人|亿))\\s*(?<suffix>及以上|或以上|以上|以内|及以下|以下|左右)?',
  'gu'
)

/**
 * The value expression with its anchors: the digits of the value, or a verb
 * and a Chinese numeral; before the digits come at most a verb and a
 * comparator (提高到 不低于: seven characters).
 */
export const proseValueExpression = anchored(
  proseValueSource,
  new RegExp('\\d+|(?:' + verbSource + '|' + chineseComparatorSource + ')\\s*[一二两三四五六七八九十百千万]', 'g'),
  7,
  [...verbSource.split('|'), ...comparatorPrefixSource.split('|'), '约', '近'].map((word) => word[0]).join('')
)

/** Whether a character code ends a clause: ，；。：！？ and their ASCII forms (brackets suspend them). */
function isClauseEnd(code: number): boolean {
  return (
    code === 0xff0c ||
    code === 0xff1b ||
    code === 0x3002 ||
    code === 0xff1a ||
    code === 0xff01 ||
    code === 0xff1f ||
    code === 0x2c ||
    code === 0x3b ||
    code === 0x21 ||
    code === 0x3f
  )
}

const leadExpression = new RegExp(
  '^(?:[—\\-–]{1,2}|' +
    bulletSource +
    '|\\s|\\d{1,2}\\s*[.．、](?!\\d)|[（(](?:\\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|[①-⑳]|[一二三四五六七八九十]是)*(?:(?:力争|确保|争取|预计)?\\s*(?:到|至|截止|截至|在)?\\s*\\d{4}\\s*年(?:底|末)?前?\\s*[，,]?|[“"]十[一二三四五六]?五[”"](?:期间|末|时期)\\s*[，,]?|实施期内\\s*[，,]?)?'
)
const trailingVerbExpression = new RegExp('(?:累计)?(?:' + verbSource + '|' + comparatorPrefixSource + '|完成)$')
/** The first verb of two joined (`满意度达到并保持在85分以上`, `达到或超过`): not part of the indicator. */
const joinedVerbExpression = /(?:达到|达|实现|保持|维持|提高|提升|增加)(?:并|或|且|和)$/
/** Words of resolve before the verb (`比例力争达到60%`): not part of the indicator. */
const trailingResolveExpression = /(?:力争|确保|争取|基本|全面|稳步|逐步|进一步|应当|应|须|不宜)$/
/** An approximation before the verb (`城镇化率约达到65%`): the value's bound, not the name's. */
const trailingApproxExpression = /(?:大约|约|近)$/
/** A level reckoned per year (`质押融资金额年均达到20亿元`): the value's reckoning, not the indicator's name (a change, 年均增长, keeps it). */
const trailingAnnualExpression = /(?:年均|每年|年平均)$/
/** The base of a change (`单位GDP能耗比2020年下降15%`, `较“十三五”末翻一番`): the value says it, the indicator does not. */
const baseYearExpression =
  /(?:比|较)\s*(?:(?:19|20)\d{2}\s*年(?:末|底)?|[“"]?十[一二三四五六]?五[”"]?(?:期末|末|时期)?)/
/** A total over a span (`五年累计`, `“十四五”期间累计`): the value's reckoning, not the indicator's name. */
const cumulativeSource =
  '(?:(?:[一二三四五六七八九十两]|\\d{1,2})\\s*年|[“"]十[一二三四五六]?五[”"](?:期间|时期)?|期间)?\\s*(?:累计|共计|总计|合计)\\s*'
const cumulativeExpression = new RegExp(cumulativeSource + '$')
/** The same span before the change it totals (`单位GDP能耗五年累计下降14%`): the change stays, the span goes. */
const cumulativeChangeExpression = new RegExp(
  cumulativeSource + '(?=(?:' + changeVerbSource + '|' + riseVerbSource + ')$)'
)
/** Words that open a clause without naming anything: 其中, 并, 同时 — and the bracket of an aside (（其中高价值…）). */
const leadWordExpression = /^[（(]?\s*(?:其中|并|且|同时|力争|确保)|^[（(](?![^（）()]*[）)])/
/** A ratio, index or coefficient brought to a level, with no unit: `城乡居民收入比缩小到1.9`. */
const ratioExpression = new RegExp(
  '^(?<indicator>[^\\d，。；]{2,30}?(?:比|指数|系数))\\s*(?:' +
    riseVerbSource +
    '|' +
    changeVerbSource +
    '|达到|达|保持|稳定|控制)?\\s*(?:到|至|在|为)?\\s*(?<number>\\d+(?:\\.\\d+)?)(?![\\d.%％])\\s*(?<bound>以上|以内|以下|左右)?(?!\\p{Script=Han})',
  'u'
)
/** Indicators whose values follow in the same order (`A、B分别达到…`). */
const respectiveExpression =
  /\s*(?:分别|(?<each>均|都))\s*(?:占比|比重|占|为)?\s*(?:(?<rise>(?:年均)?(?:增长|提高|提升|增加))|(?<fall>(?:年均)?(?:下降|降低|减少)))?\s*$/
/** A comparison with another area's level or growth before a value in points (增速高于全省, 高于省平, 快于全国平均水平). */
const relativeExpression =
  /(?:增速|增长|增幅)?\s*(?:高于|快于|超过|领先)\s*(?<area>全国|全省|全市|全州|全区|省平|省均|市平|城镇|农村|[\p{Script=Han}]{2,4}?)(?:平均水平|平均)?\s*$/u

/** Units a change is measured in: a rate, or points. */
function isChangeUnit(unit: string | null): boolean {
  return unit === '%' || unit === '％' || unit === '个百分点' || unit === '百分点'
}

/** Words of resolve right before a value (`力争6%以上`, `力争达到3%`): the level striven for. */
const strivingExpression = /(?:力争|争取)\s*$/

/**
 * Names that share the head the last one prints (城镇和农村居民人均可支配收入 → 城镇居民…,
 * 农村居民…): modifiers of one length before a longer last name; 城乡 before as many
 * values as it names (城乡居民人均可支配收入分别增长6%、7%) is 城镇 and 农村; 三次产业
 * before three values is the first, second and third industry's value added.
 */
function sharedHead(names: string[], values: number): string[] {
  if (names.length === 1 && values >= 2 && /^城乡\p{Script=Han}{2,}/u.test(names[0]!))
    return ['城镇', '农村'].map((part) => part + names[0]!.slice(2))
  // 三次产业分别增长4.5%、6.5%、7%: the three industries' value added, in their order.
  if (names.length === 1 && values >= 3 && /^三次产业(?:增加值)?$/.test(names[0]!))
    return ['第一', '第二', '第三'].map((part) => part + '产业增加值')
  if (names.length < 2) return names
  const modifiers = names.slice(0, -1)
  const last = names.at(-1)!
  const width = modifiers[0]!.length
  if (width > 2 || !modifiers.every((name) => name.length === width) || last.length < width + 2) return names
  const head = last.slice(width)
  return [...modifiers.map((name) => name + head), last]
}

/** A prose value with whether it is approximate (左右, 约, 近). */
function valueOf(groups: Record<string, string | undefined>): (ParsedValue & {approx?: true}) | undefined {
  const parsed = fromGroups(groups)
  if (!parsed) return undefined
  return groups.suffix === '左右' || groups.approx ? {...parsed, approx: true} : parsed
}

/** `own`'s number with the bound of `shared` (its comparator, or its 左右). */
function withBound(
  own: ParsedValue & {approx?: true},
  shared: ParsedValue & {approx?: true}
): ParsedValue & {approx?: true} {
  if (own.value.kind !== 'number') return own
  const comparator = shared.value.kind === 'number' ? shared.value.comparator : undefined
  const value: Value = comparator
    ? {kind: 'number', number: own.value.number, comparator}
    : {kind: 'number', number: own.value.number}
  return shared.approx ? {value, unit: own.unit ?? shared.unit, approx: true} : {value, unit: own.unit ?? shared.unit}
}
/** A change from one level to another: `由2020年的3.1件` … `提高到6件` (the target is the second value). */
const changeFromExpression = /(?:由|从)\s*(?:(?<year>(?:19|20)\d{2})\s*年(?:底|末)?\s*的?)?\s*$/
const changeToExpression = new RegExp(
  '^\\s*(?:' +
    riseVerbSource +
    '|' +
    changeVerbSource +
    '|发展)?\\s*(?:到|至)\\s*(?:(?:19|20)\\d{2}\\s*年(?:底|末)?\\s*的?)?\\s*$'
)
/** Clauses that state means or existing resources, not goals. */
const meansExpression = /^(?:依托|通过|围绕|按照|根据|借助|利用|对照|对标|相比|比|较|同比)/
/**
 * Verbs that bring a counted thing about (培育, 建成, 制定…): before a value they leave the noun after
 * it to name the goal (培育30家领军企业), at the head of a name they are no part of it
 * (制定国家、行业标准200项 → 国家、行业标准), and alone they name nothing.
 */
const actionVerbs = [
  '制定',
  '制修订',
  '修订',
  '研制',
  '建设',
  '建成',
  '新建',
  '培育',
  '打造',
  '创建',
  '引进',
  '认定',
  '组建',
  '设立',
  '培养',
  '发布',
  '推广',
  '带动',
  '推动',
  '形成',
  '开展',
  '举办',
  '组织',
  '实施',
  '部署',
  '推出',
  '遴选',
  '评选',
  '选树',
  '攻克',
  '布局',
  '储备',
  '招引',
  '争创',
  '创成',
  '支持',
  '扶持',
  '集聚',
  '吸引',
  '孵化',
  '壮大',
  '建立',
  '搭建',
  '构建',
  '引育',
  '改造',
  '提供',
  '树立',
  '征集',
  '选取',
  '申请',
  '编制',
  '开发'
]

/** Verbs that may stand alone before a number whose noun follows (`实施2-3家…`, `力争新增…`, `在全省高校建设30个…`, `分行业、分领域发布100个…`). */
const leadingVerbExpression = new RegExp(
  '^(?:(?:同时|并且|并|且|还|力争|争取|计划|提出|每年|在[\\p{Script=Han}、]{1,20}|分\\p{Script=Han}{1,2}、?|' +
    withinYearsSource +
    ')*[\\p{Script=Han}、]{0,8}(?:' +
    [
      ...actionVerbs,
      '新增',
      '完成',
      '实现',
      '重点培育',
      '培育和扶持',
      '新培育',
      '面向',
      '覆盖',
      '突破',
      '认证',
      '发行',
      '上线',
      '落地',
      '研发',
      '开通',
      '设置',
      '配置',
      '培训',
      '服务',
      '促进',
      '选择',
      '运营',
      '引导',
      '帮助',
      '助力',
      '辅导',
      '承办',
      '召开',
      '评定',
      '命名',
      '创办',
      '配备',
      '招聘',
      '引入',
      '签约',
      '落户',
      '入驻',
      '开工',
      '竣工',
      '投产',
      '上市',
      '挂牌',
      '取得',
      '推介',
      '新引育',
      '引进培育',
      '启动',
      '确定',
      '推选',
      '优选',
      '支持发展'
    ].join('|') +
    // Note: a verb may end on the 出 of its result (遴选出200个…).
    ')出?(?:\\p{Script=Han}{1,6}?(?:省|市|区|县))?|[\\p{Script=Han}、]{2,30}等|全国|全省|全市|全区|全县|全州|我省|我市|我区|我县)$',
  'u'
)

/** A change named after an indicator (`年均增长`): a clause that names only it (`年均增长7%`) has the goal before it as subject. */
const changeTailExpression = /(?:年均|年|同比)?(?:增长|增速|增幅|提高|提升|下降|降低|减少|增加)率?$/
const bareChangeExpression = new RegExp('^' + changeTailExpression.source)

/**
 * Every quantified goal in `text`. A clause that states only a change
 * (`农业总产值达到260亿元，年均增长7%`) takes the subject of the goal before it in
 * the same sentence: 农业总产值年均增长; one that states only a level
 * (`技术合同成交额年均增长15%，到2025年达到80亿元`) takes its noun: 技术合同成交额.
 */
export function goalsIn(printed: string): Goal[] {
  // Note: most paragraphs of a plan hold no value at all; one scan of the whole spares their clauses.
  if (!mayHoldValue(printed, 0, printed.length)) return []
  // Note: a colon before a bare value (`PCT专利申请量：100件；`) states it: read as a space, one character for one, so offsets hold.
  const text =
    printed.includes('：') || printed.includes(':') ? printed.replace(colonValueExpression, '\u3000') : printed
  const goals: Goal[] = []
  let subject: string | undefined
  // Note: the subject without its change, made once when the subject is set (a paragraph has many clauses).
  let subjectName: string | undefined
  let subjectMeasure: Measure = 'level'
  let sentenceStart = 0
  for (const [start, end] of clauses(text)) {
    const found = goalsInClause(text, start, end, subjectName, sentenceStart, subjectMeasure)
    for (const goal of found) {
      if (!subject || !bareChangeExpression.test(goal.indicator)) continue
      // A clause that names only a change (`，年均增长7%`) measures the subject's: 农业总产值年均增长.
      goal.indicator = subjectName + goal.indicator
      nameChange(goal)
    }
    goals.push(...found)
    const last = found.at(-1)
    // Note: the subject carries over a comma only, never past the end of a sentence or a semicolon.
    const code = text.charCodeAt(end)
    if (code !== 0xff0c && code !== 0x2c) {
      subject = undefined
      subjectName = undefined
      sentenceStart = end + 1
    } else if (last && !bareChangeExpression.test(last.indicator)) {
      subject = last.indicator
      subjectName = subject.replace(changeTailExpression, '')
      subjectMeasure = last.measure
    }
  }
  for (const goal of goals) goal.indicator = unquoted(goal.indicator)
  return goals.filter((goal) => isNameLike(goal.indicator))
}

/** A name in quotes whole (“数字经济总部”, a quote typed straight at one end) is the name; its quote keeps them. */
function unquoted(name: string): string {
  return /^[“"][^“”"]+[”"]$/.test(name) ? name.slice(1, -1) : name
}

/** A change at the end of a name (`地区生产总值增长`): growth or decrease, the verb no part of the name; a rate per year (年均增长) keeps it. */
const growthTailExpression = /(?<!年均|每年|年)(?:同比)?(?:增长|增速|增幅|涨幅|提高|提升|增加|上升|递增|比增)率?$/
const decreaseTailExpression = /(?<!年均|每年|年)(?:同比)?(?:下降|降低|减少|压减|缩减)$/
const keptGrowthTailExpression = /(?:年均|每年|年)(?:增长|增速|增幅|提高|提升|增加)率?$/
const keptDecreaseTailExpression = /(?:年均|每年|年)(?:下降|降低|减少)$/

/** Set a goal's measure from the change its name ends with, and take the verb off the name. */
function nameChange(goal: Goal): void {
  const growth = growthTailExpression.exec(goal.indicator)
  const decrease = growth ? null : decreaseTailExpression.exec(goal.indicator)
  const tail = growth ?? decrease
  if (tail) {
    goal.measure = growth ? 'growth' : 'decrease'
    // A steady pace before the change (保持稳定增长) is no part of the name either.
    const name = goal.indicator
      .slice(0, tail.index)
      .replace(/(?:同口径|可比价|按可比价格计算)$/, '')
      .replace(/(?:保持|实现)?(?:稳定|平稳|较快|快速|合理|稳步)$/, '')
      .replace(trailingResolveExpression, '')
      .replace(/[的]$/, '')
    if (name.length >= 2) goal.indicator = name
  } else if (keptGrowthTailExpression.test(goal.indicator)) goal.measure = 'growth'
  else if (keptDecreaseTailExpression.test(goal.indicator)) goal.measure = 'decrease'
}

/** A colon before a value and nothing more in its clause (`满意度：85分以上；`). */
const colonValueExpression =
  /[：:](?=\s*(?:累计|新增)?\s*[≥≤>＞<＜]?\s*(?!(?:19|20)\d{2}\s*年)\d[\d.,]*\s*(?:[%％‰]|\p{Script=Han}{1,4})?\s*(?:以上|以下|以内|左右)?\s*(?:[（(][^（）()]{1,10}[）)])?\s*(?:[；;。，,]|$))/gu

/** The noun of a subject after its level (`新增省级以上研发机构` → 研发机构), or '' where it names none. */
function partNoun(subject: string): string {
  const noun = subject.replace(/^.*(?:级以上|级)/, '')
  return noun !== subject && noun.length >= 2 ? noun : ''
}

/** Clause spans of a text, split at boundaries outside （…） and 《…》. */
export function clauses(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  let depth = 0
  let start = 0
  // Note: a scan by character codes (this runs on every goal paragraph and deadline sentence).
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 0xff08 || code === 0x28 || code === 0x300a) depth++
    else if (code === 0xff09 || code === 0x29 || code === 0x300b) depth = Math.max(0, depth - 1)
    else if (depth === 0 && isClauseEnd(code) && !isThousandsSeparator(text, index)) {
      if (index > start) spans.push([start, index])
      start = index + 1
    }
  }
  if (start < text.length) spans.push([start, text.length])
  return spans
}

/** Whether the `,` at `index` separates thousands (`1,500亿元`): a digit before, three and no fourth after. */
function isThousandsSeparator(text: string, index: number): boolean {
  if (text.charCodeAt(index) !== 0x2c || !isDigit(text.charCodeAt(index - 1))) return false
  return (
    isDigit(text.charCodeAt(index + 1)) &&
    isDigit(text.charCodeAt(index + 2)) &&
    isDigit(text.charCodeAt(index + 3)) &&
    !isDigit(text.charCodeAt(index + 4))
  )
}

/** Cheap test before the full expression: a digit, a numeral after a verb, or a word value. */
const mayHoldValueExpression = new RegExp(
  '[0-9]|(?:达到|达|为|至|到|跨越|迈上|跨入|迈入|' +
    chineseComparatorSource +
    ')[一二两三四五六七八九十百千万]|占[^，。；]{0,6}一半|[前第][一二三四五六七八九十]{1,3}(?:[位名]|$)|' +
    proseTextValueExpression.source
)

/** Characters a value may open with when no digit is there: a numeral after a verb, a word value's first character. */
const valueOpenings = new Uint8Array(0x10000)
for (const character of '一二两三四五六七八九十百千万全应动翻零倍') valueOpenings[character.charCodeAt(0)] = 1

/** `mayHoldValueExpression` on a span, by character codes first: a digit says yes, no numeral or word opening says no. */
function mayHoldValue(text: string, start: number, end: number): boolean {
  let opens = false
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at)
    if (code >= 0x30 && code <= 0x39) {
      // Note: a year (2025年) is no value; most clauses that name one name no other number.
      if (
        at + 4 < end &&
        isDigit(text.charCodeAt(at + 1)) &&
        isDigit(text.charCodeAt(at + 2)) &&
        isDigit(text.charCodeAt(at + 3)) &&
        text.charCodeAt(at + 4) === 0x5e74 &&
        (at === start || !isDigit(text.charCodeAt(at - 1)))
      ) {
        at += 4
        continue
      }
      return true
    }
    if (valueOpenings[code] === 1) opens = true
  }
  return opens && mayHoldValueExpression.test(text.slice(start, end))
}

/** A verb alone before a value (`累计建设5家`), and the noun the same verb took earlier in the sentence (`建设高价值专利培育中心，`). */
const countVerbSource = '实施|培育|扶持|建设|建成|打造|新增|创建|引进|认定|组建|设立|培养|开展|推进'
const bareVerbExpression = new RegExp('^(?:累计|共|新)?(?<verb>' + countVerbSource + ')$')

/** Verbs that say what a count covers (新增, 累计新增): part of the indicator's name, as tables print it. */
const scopeVerbExpression = /(?:累计)?新增$|累计$/
const leadingAchieveExpression = /^(?:全年|当年)?实现(?=\p{Script=Han}{2})/u
const trailingNewExpression = /(?<=\p{Script=Han}{2})新增$/u

/** The noun `verb` took last in `text` before `before` (its sentence's earlier clauses), up to that clause's end. */
function objectOf(verb: string, text: string, sentenceStart: number, before: number): string | undefined {
  if (before - verb.length < sentenceStart) return undefined
  const at = text.lastIndexOf(verb, before - verb.length)
  if (at < sentenceStart) return undefined
  return /^\p{Script=Han}{2,20}(?=[，,；;]?\s*$)/u.exec(text.slice(at + verb.length, before))?.[0]
}

/** The noun the clause just before `clauseStart` acts on (`实施专利导航项目，` → 专利导航项目), if that clause is a verb and its noun. */
function previousObject(text: string, sentenceStart: number, clauseStart: number): string | undefined {
  const before = text.slice(sentenceStart, Math.max(sentenceStart, clauseStart - 1))
  const clause = before.slice(before.search(/[^，,；;]*$/))
  return previousClauseExpression.exec(clause)?.groups?.noun
}

const previousClauseExpression = new RegExp('^(?:组织)?(?:' + countVerbSource + ')(?<noun>\\p{Script=Han}{2,20})$', 'u')

/**
 * A clause that opens with its means (依托…, 借助…) sets no goal, unless what
 * they bring about follows in it (依托省级科技计划每年实施重大项目20项以上): that is read.
 */
function goalsAfterMeans(
  text: string,
  start: number,
  clauseEnd: number,
  subject: string | undefined,
  sentenceStart: number,
  subjectMeasure: Measure
): Goal[] {
  const means = meansBeforeGoalExpression.exec(text.slice(start, clauseEnd))
  return means ? goalsInClause(text, start + means[0].length, clauseEnd, subject, sentenceStart, subjectMeasure) : []
}

const meansBeforeGoalExpression =
  /^(?:依托|借助|利用)[^，,]{2,30}?(?=(?:每年|年均|力争)?(?:实施|培育|建设|建成|打造|新增|创建|组建|引进))/

function goalsInClause(
  text: string,
  clauseStart: number,
  clauseEnd: number,
  subject: string | undefined,
  sentenceStart = clauseStart,
  subjectMeasure: Measure = 'level'
): Goal[] {
  if (!mayHoldValue(text, clauseStart, clauseEnd)) return []
  const start = clauseStart + (leadExpression.exec(text.slice(clauseStart, clauseEnd))?.[0].length ?? 0)
  const clause = text.slice(start, clauseEnd)
  if (meansExpression.test(clause))
    return goalsAfterMeans(text, start, clauseEnd, subject, sentenceStart, subjectMeasure)
  const goals: Goal[] = []
  let cursor = 0
  const found = anchoredMatchesOf(proseValueExpression, clause).filter((match) => !isNoValue(match, clause))
  const matches = found.filter(
    (match, at) =>
      !isQualifier(match, clause, at > 0 ? found[at - 1]!.index! + found[at - 1]![0].length : 0, found[at + 1])
  )
  for (let index = 0; index < matches.length; index++) {
    const match = matches[index]!
    // A lone 一 before its measure word is the article (作为一个整体, 形成一批), not a count; a number
    // with a leading zero (095家) is a figure broken by conversion.
    if (match.groups?.chinese === '一' || /^0\d/.test(match.groups?.first ?? '')) continue
    let parsed = match.groups ? valueOf(match.groups) : undefined
    if (!parsed || isMagnitudeClass(match, parsed.unit, clause)) continue
    const verbLength = (match.groups?.verb ?? match.groups?.chineseVerb)?.length ?? 0
    const valueStart = match.index + verbLength
    let valueEnd = match.index + match[0].length
    let before = clause.slice(cursor, match.index).replace(/^[、和及与并且,，\s]+/, '')
    const beforeStart = match.index - before.length
    const striving =
      strivingExpression.test(before) || (before.length === 0 && strivingExpression.test(match.groups?.verb ?? ''))
    // 确保 right before the value (确保增长6.5%) holds it as a floor: at least.
    const assured = /确保\s*(?:增长|增速|实现|达到)?\s*$/.test(before)
    // From one level to another: the second value is the goal, the first its baseline.
    let baseline: YearValue | null = null
    const from = changeFromExpression.exec(before)
    const to = matches[index + 1]
    const toParsed = from && to?.groups ? valueOf(to.groups) : undefined
    if (
      from &&
      to &&
      toParsed &&
      changeToExpression.test(clause.slice(valueEnd, to.index + (to.groups?.verb?.length ?? 0)))
    ) {
      const year = from.groups?.year
      baseline = year ? {year: Number(year), value: parsed.value} : null
      before = before.slice(0, from.index)
      parsed = {...toParsed, unit: toParsed.unit ?? parsed.unit}
      valueEnd = to.index + to[0].length
      index++
    }
    // A level relative to another area (地区生产总值增速高于全省1个百分点): the area is no part of the name.
    const relative = !baseline && parsed.unit === '个百分点' ? relativeExpression.exec(before) : null
    if (relative) before = before.slice(0, relative.index)
    const isStriven = striving || (relative !== null && strivingExpression.test(before))
    before = before.replace(trailingVerbExpression, '')
    const isApprox = trailingApproxExpression.test(before)
    before = before
      .replace(trailingApproxExpression, '')
      .replace(joinedVerbExpression, '')
      .replace(trailingResolveExpression, '')
      .replace(/[、，,]\s*$/, '')
      .replace(trailingAnnualExpression, '')
      .replace(cumulativeExpression, '')
      .replace(cumulativeChangeExpression, '')
      .trim()
    // Several indicators, then their values in the same order (rule `list`).
    const list = baseline ? undefined : readList(before, clause, matches, index)
    if (list) {
      for (const goal of list.goals) goals.push({...goal, start: start + beforeStart, end: start + list.end})
      cursor = list.end
      index += list.consumed - 1
      continue
    }
    const verb = match.groups?.verb?.trim()
    if (verb === '到' || verb === '至') before = before.replace(changeVerbExpression, '')
    // 实现 before what it brings to a level is no part of its name (`2023年实现专利转让许可1000次`).
    before = before.replace(leadingAchieveExpression, '')
    const nextStart = nextValueStart(clause, valueEnd, matches, index)
    // Note: the noun after a value may be joined to it by 的 (`100%的规上企业…`).
    // A level word alone before the next value shares that value's noun (90名国家级、150名省级科技人才).
    const shared = sharedLevelExpression.exec(clause.slice(valueEnd))
    const after = shared
      ? shared[1]! + shared[2]!
      : nounAfter(clause.slice(valueEnd, nextStart).trim().replace(/^的/, ''))
    // A noun after the value may open with a name's digits (建成4万个5G基站).
    const useAfter =
      !baseline &&
      /^(?:[\p{Script=Han}A-Za-z“"]|\d+[A-Za-z])/u.test(after) &&
      after.length >= 2 &&
      (before.length === 0 || leadingVerbExpression.test(before) || (isCount(match) && before.endsWith('的')))
    // A sum before 的 and what it sizes (产值超10亿元的行业龙头企业), with no count of them after it, is a class, not a goal.
    // (So is a measure of a class: 维持年限超过10年的发明专利; a share, 70%的企业, a count, 10个以上的平台, or a level
    // reached, 声学过载点达到135dB的传感器, is a goal.)
    if (
      parsed.unit &&
      !match.groups?.verb &&
      !/[%％]|百分点/.test(parsed.unit) &&
      !countUnitExpression.test(parsed.unit) &&
      /^\s*(?:以上|以下)?的/.test(clause.slice(valueEnd)) &&
      !matches.slice(index + 1).some(isCount)
    )
      continue
    // A measure opening the clause before a noun, with no verb of reaching (24小时无人值守加工): part of a name.
    if (
      useAfter &&
      before.length === 0 &&
      !match.groups?.verb &&
      !match.groups?.prefix &&
      /^(?:小时|天|分钟|米|公里|千米|岁)$/.test(parsed.unit ?? '') &&
      matches.length === 1
    )
      continue
    // Note: a scope verb before the value stays with the noun after it (新增5项地理标志商标 → 新增地理标志商标).
    const scope = useAfter ? (scopeVerbExpression.exec(before)?.[0] ?? '') : ''
    let indicator = (useAfter ? scope + after : before)
      .replace(leadWordExpression, '')
      .replace(baseYearExpression, '')
      .trim()
    let measure: Measure = 'level'
    let isSecondLevel = false
    // The second level of a two-level goal (增长5.5%、力争6%以上) measures what the first did.
    const first = goals.at(-1)
    if (indicator.length === 0 && first && isStriven) {
      indicator = first.indicator
      measure = first.measure
      isSecondLevel = true
    }
    // A clause that opens with its value (`，到2025年达到80亿元`) goes on with the sentence's subject.
    else if (
      indicator.length === 0 &&
      goals.length === 0 &&
      subject &&
      subject.length >= 2 &&
      /\p{Script=Han}/u.test(subject)
    ) {
      indicator = subject
      measure = subjectMeasure
      isSecondLevel = isStriven
    }
    // A change of a rate carries over to the level striven for only in the same kind of unit (增长5.5%以上，力争突破6000亿元).
    if (isSecondLevel && measure !== 'level' && !isChangeUnit(parsed.unit)) measure = 'level'
    // A part of it names only its level (`研发机构30家，其中国家级5家`): the subject's noun completes it.
    else if (subject && indicator.length <= 4 && /^其中/.test(clause)) indicator += partNoun(subject)
    // A verb alone names what the sentence said it acts on (`建设高价值专利培育中心，到2025年累计建设5家`).
    else if (!useAfter) {
      const verb = bareVerbExpression.exec(indicator)?.groups?.verb
      const object = verb ? objectOf(verb, text, sentenceStart, clauseStart) : undefined
      // A bare 新增 counts what the clause before acts on (`实施专利导航项目，新增8项` → 新增专利导航项目).
      const previous = !object && verb === '新增' ? previousObject(text, sentenceStart, clauseStart) : undefined
      if (object) indicator = object
      else if (previous) indicator = '新增' + previous
      // What is new is named first, as the tables name it (`贯标企业新增100家` → 新增贯标企业).
      else if (trailingNewExpression.test(indicator)) indicator = '新增' + indicator.replace(trailingNewExpression, '')
    }
    cursor = useAfter
      ? shared
        ? valueEnd + shared[1]!.length
        : valueEnd + clause.slice(valueEnd).indexOf(after) + after.length
      : valueEnd
    if (!useAfter && !isSecondLevel) indicator = plainName(indicator)
    if (indicator.length < 2 || !hasNameCharacters(indicator)) continue
    const goalStart = useAfter ? valueStart : beforeStart
    const goal: Goal = {
      indicator: compact(indicator),
      value: parsed.value,
      unit: proseUnit(parsed.unit, indicator),
      baseline,
      start: start + goalStart,
      end: start + (useAfter ? cursor : valueEnd),
      measure
    }
    if (!isSecondLevel) nameChange(goal)
    if (goal.measure === 'level' && parsed.unit === '个百分点' && /(?:提高|提升|增加|上升)$/.test(before))
      goal.measure = 'growth'
    // Note: a bare change (年均增长) takes the sentence's subject in `goalsIn`; any other name must be one.
    if (!bareChangeExpression.test(goal.indicator) && !isNameLike(goal.indicator)) continue
    if (relative) {
      goal.relativeTo = relative.groups!.area!
      goal.measure =
        /增|快/.test(relative[0]) || goal.measure === 'growth' || measure === 'growth' ? 'growth' : goal.measure
    }
    if (parsed.approx || isApprox) goal.approx = true
    else if (assured && goal.value.kind === 'number' && !goal.value.comparator)
      goal.value = {...goal.value, comparator: '>='}
    if (isStriven) goal.striving = true
    if (isSecondLevel && isStriven) goal.stretch = true
    goals.push(goal)
  }
  if (goals.length > 0) return goals
  // No value with a unit: the rules for values without one, in order; the first that reads the clause wins.
  for (const rule of unitlessRules) {
    const read = rule.read(clause)
    if (read)
      return (Array.isArray(read) ? read : [read]).map((goal) => ({
        ...goal,
        start: start + goal.start,
        end: start + goal.end
      }))
  }
  return goals
}

/** A place in a ranking to hold or reach (保持在全国前六位, 位居全省第2位, 稳居全球前三): `top` for the first n places. */
const rankExpression =
  /(?:保持在?|稳定在|稳居|位居|位列|进入|跻身|居于?|排名|排在)(?:全国|全省|全市|全球|世界|国内|省内|中部|同类城市)?(?:(?<top>前)|第)\s*(?<n>\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:(?<unit>位|名)|$)/

/** 增长保8争9: the held and the striven growth in points of percent. */
const holdStriveExpression =
  /(?<name>[^，。；\d]{2,20}?)(?:增长|增速)?保\s*(?<hold>\d+(?:\.\d+)?)\s*%?\s*[、，,]?\s*争\s*(?<strive>\d+(?:\.\d+)?)\s*%?/

/** A rule for a clause whose value has no unit: it reads the clause or says nothing (offsets in the clause). */
interface UnitlessRule {
  name: string
  read: (clause: string) => Goal | Goal[] | undefined
}

/**
 * The rules for values without a unit, tried in order, each with its examples in
 * `test/targets.test.ts` and `test/goal-rules.test.ts`.
 */
const unitlessRules: readonly UnitlessRule[] = [
  {
    // The growth a report holds and the one it strives for, in its shorthand: 地区生产总值增长保8争9 (8% at
    // least, 9% striven for); 确保8%、力争9% reads as the values do.
    name: 'hold-strive',
    read(clause) {
      const match = clause.includes('保') && clause.includes('争') ? holdStriveExpression.exec(clause) : null
      if (!match?.groups?.name) return undefined
      const name = compact(match.groups.name.replace(leadWordExpression, ''))
      if (!isNameLike(name)) return undefined
      const end = match.index + match[0].length
      const held: Goal = {
        indicator: name,
        value: {kind: 'number', number: Number(match.groups.hold), comparator: '>='},
        unit: '%',
        baseline: null,
        start: match.index,
        end,
        measure: 'growth'
      }
      const striven: Goal = {
        indicator: name,
        value: {kind: 'number', number: Number(match.groups.strive)},
        unit: '%',
        baseline: null,
        start: match.index,
        end,
        measure: 'growth',
        striving: true,
        stretch: true
      }
      return [held, striven]
    }
  },
  {
    // A share of half: 首位产业规模力争占全省一半以上 (50 % at least).
    name: 'half',
    read(clause) {
      const match = clause.includes('一半')
        ? /^(?<name>[^，。；\d]{2,20}?)(?<strive>力争|争取)?占(?:全国|全省|全市|全区|全县)?(?:的)?一半(?<more>以上)?/.exec(
            clause
          )
        : null
      if (!match?.groups?.name) return undefined
      const name = compact(match.groups.name.replace(leadWordExpression, ''))
      if (!isNameLike(name)) return undefined
      const value: Value = match.groups.more
        ? {kind: 'number', number: 50, comparator: '>='}
        : {kind: 'number', number: 50}
      const goal: Goal = {
        indicator: name,
        value,
        unit: '%',
        baseline: null,
        start: 0,
        end: match[0].length,
        measure: 'level'
      }
      if (match.groups.strive) goal.striving = true
      return goal
    }
  },
  {
    // A level named by its order of magnitude: 地区生产总值跨越千亿台阶 (1000 亿元 at least).
    name: 'threshold-step',
    read(clause) {
      const match = clause.includes('台阶')
        ? /^(?<name>[^，。；\d]{2,20}?)(?:跨越|迈上|突破|跨入|迈入)(?<scale>千亿|万亿|百亿|[一二三四五六七八九]千亿)(?:元)?(?:级)?台阶/.exec(
            clause
          )
        : null
      if (!match?.groups?.name || !match.groups.scale) return undefined
      const number =
        match.groups.scale === '万亿'
          ? 10000
          : match.groups.scale === '千亿'
            ? 1000
            : match.groups.scale === '百亿'
              ? 100
              : 1000 * ('一二三四五六七八九'.indexOf(match.groups.scale[0]!) + 1)
      const name = compact(match.groups.name.replace(leadWordExpression, ''))
      return isNameLike(name)
        ? {
            indicator: name,
            value: {kind: 'number', number, comparator: '>='},
            unit: '亿元',
            baseline: null,
            start: 0,
            end: match[0].length,
            measure: 'level'
          }
        : undefined
    }
  },
  {
    // A ratio or an index: 城乡居民收入比缩小到1.9, 综合指数达到85.
    name: 'ratio',
    read(clause) {
      const ratio = ratioExpression.exec(clause)
      if (!ratio?.groups?.indicator || !ratio.groups.number) return undefined
      const indicator = ratio.groups.indicator.replace(leadWordExpression, '').replace(baseYearExpression, '')
      const value: Value = {kind: 'number', number: Number(ratio.groups.number)}
      const comparator =
        ratio.groups.bound === '以上'
          ? '>='
          : ratio.groups.bound === '以内' || ratio.groups.bound === '以下'
            ? '<='
            : undefined
      if (comparator) value.comparator = comparator
      if (indicator.length < 2) return undefined
      const goal: Goal = {
        indicator: compact(indicator),
        value,
        unit: null,
        baseline: null,
        start: 0,
        end: ratio[0].length,
        measure: 'level'
      }
      if (ratio.groups.bound === '左右') goal.approx = true
      return goal
    }
  },
  {
    // A rank to hold or reach: 区域创新综合能力保持在全国前六位 (sixth at worst), 服务器产销量位居全国第2位.
    name: 'rank',
    read(clause) {
      const match = /[前第]/.test(clause) ? rankExpression.exec(clause) : null
      if (!match?.groups?.n) return undefined
      const name = compact(clause.slice(0, match.index).replace(leadWordExpression, ''))
      const number = /\d/.test(match.groups.n) ? Number(match.groups.n) : parseChineseNumber(match.groups.n)
      if (!isNameLike(name) || number === undefined) return undefined
      return {
        indicator: name,
        value: match.groups.top ? {kind: 'number', number, comparator: '<='} : {kind: 'number', number},
        // Note: a rank printed without its measure word (稳居全球前三) is in places all the same.
        unit: match.groups.unit ?? '位',
        baseline: null,
        start: 0,
        end: match.index + match[0].length,
        measure: 'level'
      }
    }
  },
  {
    // A word value: 实现…全覆盖, 高新技术企业数量比2020年实现翻番, 零的突破 — but work toward it (推进…全覆盖) sets none.
    name: 'word-value',
    read(clause) {
      const word = proseTextValueExpression.exec(clause)
      const value = word?.[1] ?? word?.[2]
      if (!word || !value || towardExpression.test(clause)) return undefined
      // The verb and the base year go (`高新技术企业数量比2020年实现翻番`).
      const indicator = clause
        .slice(0, word.index)
        .replace(/^(?:实现|达到|做到|基本实现|全面实现)/, '')
        .replace(baseYearExpression, '')
        .replace(/\s*(?:基本|全面)?(?:实现|达到)?\s*$/, '')
        .trim()
      const whole = indicator
        .replace(/^(?:为|对|在|使)/, '')
        .replace(/^(?:尽快|率先|逐步|力争|加快)/, '')
        .replace(scopeWordExpression, '')
      // A long subject before 实现 (数字化服务能力基本实现研发设计…等关键环节全覆盖): what is covered follows it.
      const name = whole.length > 24 ? whole.replace(/^.*(?:实现|做到)/, '') : whole
      // Note: a coverage names its object in a few words; a longer run is a sentence (…应在工程确定的示范范围内全覆盖).
      if (name.length < 2 || name.length > 24) return undefined
      return {
        indicator: compact(name),
        value: {kind: 'text', text: value},
        unit: null,
        baseline: null,
        start: 0,
        end: word.index + word[0].length,
        measure: 'level'
      }
    }
  }
]

/**
 * The names of a list before 分别, split at 、 和 及 与; where there are more
 * names than values, at fewer: 与, 及 and 和 may join words inside a name
 * (全省与RCEP国家货物贸易, 软件和信息技术服务业).
 */
function listNames(listed: string, values: number, each: boolean): string[] {
  const split = (separators: RegExp) =>
    sharedHead(
      listed.split(separators).map((name) => plainName(name.replace(leadWordExpression, '').trim())),
      values
    )
  let names = split(/[、，,]|和|及|与/)
  for (const separators of [/[、，,]|和/, /[、，,]/]) if (!each && names.length > values) names = split(separators)
  return names
}

/**
 * Rule `list`: indicators named before 分别 (or 均) take the values that follow in order
 * (发明专利拥有量、商标量分别达到300件和2万件; 一产、二产、三产分别增长3.5%、5%、6%), or each the one
 * value (进出口、实际使用外资均增长5%). `before` is the text before the first value, `index` its
 * match; the goals' offsets are left to the caller, `end` is where the last value ends in the
 * clause and `consumed` how many values the list took.
 */
function readList(
  before: string,
  clause: string,
  matches: RegExpExecArray[],
  index: number
): {goals: Goal[]; end: number; consumed: number} | undefined {
  const respective = respectiveExpression.exec(before)
  if (!respective) return undefined
  const each = respective.groups?.each !== undefined
  const names = listNames(before.slice(0, respective.index), matches.length - index, each)
  const group = matches.slice(index, index + (each ? 1 : names.length))
  const isList = group.every(
    (member, at) =>
      at === 0 ||
      /^\s*(?:[、，,]|和|及|与)?\s*$/.test(clause.slice(group[at - 1]!.index + group[at - 1]![0].length, member.index))
  )
  if (
    names.length < 2 ||
    group.length !== (each ? 1 : names.length) ||
    !isList ||
    !names.every((name) => name.length >= 2)
  )
    return undefined
  const last = group.at(-1)!
  const measure: Measure = respective.groups?.rise ? 'growth' : respective.groups?.fall ? 'decrease' : 'level'
  const values = group.map((member) => (member.groups ? valueOf(member.groups) : undefined))
  // A bound printed after the last value only (分别增长5%、9%、6%左右) holds for every value of the list.
  const shared = values.at(-1)
  const isShared =
    values.length > 1 &&
    values
      .slice(0, -1)
      .every((value) => value && !value.approx && !(value.value.kind === 'number' && value.value.comparator))
  const goals: Goal[] = []
  for (const [at, name] of names.entries()) {
    const own = values[each ? 0 : at]
    if (!own) continue
    const value = isShared && shared ? withBound(own, shared) : own
    const goal: Goal = {
      indicator: compact(name),
      value: value.value,
      unit: proseUnit(value.unit, name),
      baseline: null,
      start: 0,
      end: 0,
      measure
    }
    if (value.approx) goal.approx = true
    goals.push(goal)
  }
  return {goals, end: last.index + last[0].length, consumed: group.length}
}

/**
 * A verb that opens what it brings about (制定国家、行业标准200项 → 国家、行业标准) and a word of
 * scope or place (全省, 我市) are no part of an indicator's name; the printed 新增/累计 stay.
 */
const openingActionExpression = new RegExp(
  '^(?:重点|加快|积极|大力|着力|全面|持续)?(?:组织开展|组织实施|组织征集|推进|' +
    // Note: 建设用地, 建成区 and the like are nouns that open with a verb's characters.
    actionVerbs
      .map((verb) => (verb === '建设' ? '建设(?!用地|项目|规模|工程|面积)' : verb === '建成' ? '建成(?!区|率)' : verb))
      .join('|') +
    ')(?=[\\p{Script=Han}A-Za-z0-9“"]{2})',
  'u'
)
const scopeWordExpression =
  /^(?:全国|全省|全市|全区|全县|全州|全盟|我国|我省|我市|我区|我县|本市|本省|本区|各市|各地)(?=[\p{Script=Han}A-Za-z0-9“"]{2})/u

function plainName(name: string): string {
  // Note: one verb only: what follows may open with a verb's word as a noun (建成培育中心 → 培育中心).
  const plain = name
    .replace(
      /^(?:(?:19|20)\d{2}\s*年(?:底|末)?|今年|明年|全年|年内|每年|(?:\d{1,2}|[一二三四五六七八九十两])年(?:内|以内|左右)?)/,
      ''
    )
    .replace(openingActionExpression, '')
    .replace(scopeWordExpression, '')
    .replace(/^(?:一批|一系列)(?=\p{Script=Han}{2})/u, '')
  return plain.replace(/^[与和及]/, '').replace(/(?:分别|均|都|共)$/, '')
}

/** Words that never name what a goal counts, alone: verbs, places and scope, fragments. */
const notNameExpression = new RegExp(
  '^(?:' +
    '(?:累计|新|再|共|年均|每年)?(?:' +
    countVerbSource +
    '|' +
    actionVerbs.join('|') +
    '|完善|启动|达到|达|实现|完成|突破|超过|培育壮大|面向|力争|确保|争取|提高|提升|增加|增长|下降|降低|减少)' +
    '|全国|全省|全市|全区|全县|国家|省级|市级|县级|国际|行业|企业|其中|合计|总计|累计|新增|以上|左右|约|近|共|分别|每年|年均|一批' +
    ')$'
)

/** A name holds Chinese characters, or is an indicator's Latin acronym (GDP, CPI, PM2.5). */
function hasNameCharacters(name: string): boolean {
  return /\p{Script=Han}/u.test(name) || /^(?:GDP|CPI|PPI|PM2\.5|PM10|R&D|PUE)$/i.test(name)
}

/** Whether a name can stand as an indicator: two characters and more, not a bare verb or scope word, not a fragment ending in a conjunction. */
export function isNameLike(name: string): boolean {
  return (
    name.length >= 2 &&
    hasNameCharacters(name) &&
    !notNameExpression.test(name) &&
    !isDivisionName(name) &&
    !/(?:目标|推动|带动|促进|推进|引导|达到|完成)$/.test(name) &&
    !/[和及与、或并的]$/.test(name) &&
    !/^[的和及与、]/.test(name) &&
    !/(?:行业|产业|领域)型$/.test(name)
  )
}

/** Verbs of work toward a state, not of reaching it. */
const towardExpression = /^(?:[^，。；]{0,4})(?:推进|推动|加快|促进|逐步|积极|探索|鼓励|支持|完善|健全)/

/** A level word, then the next value and its level with the noun both count (国家级、150名省级科技人才). */
const sharedLevelExpression =
  /^((?:国家|省|市|县|区)级(?:以上)?)[、和及与]\s*[\d.]+\s*\p{Script=Han}?\s*(?:国家|省|市|县|区)级(?:以上)?(\p{Script=Han}{2,}?)(?=[，。；、和及与]|$)/u

/** Verbs a counted noun goes on to (…市场主体纳入平台, …企业实现上云). */
const nounEndExpression = /纳入|接入|实现|达到|开展|完成|上云|参与|通过|享受|具备|获得|进入|加入/

/** Nouns of work done on a thing (重点标准的预研工作): what is counted comes before their 的. */
const workNounExpression =
  /^(?:工作|任务|建设|研究|研发|预研|改造|应用|推广|试点|示范应用|集成|制修订|制定|修订)$|(?:工作|计算|处理|分析)$/

/**
 * The noun a value counts when it comes after it: up to a list's next name, and of
 * `X的Y` the head Y (150家以上专业水平高、服务能力强的解决方案供应商), but X where Y is the work
 * done on it (20项以上重点标准的预研工作 → 重点标准).
 */
function nounAfter(printed: string): string {
  // An aside in brackets (新增2400户（累计约3600户）大中型餐饮单位) is no part of the noun; nor is the verb
  // the noun goes on to (90%的重点领域市场主体纳入…平台), nor the kinds listed before 等 (基础共性、关键技术等国家标准).
  let text = printed.replace(/^[（(][^（）()]*[）)]/, '').trim()
  // Note: what 等 closes a list of with a word for the whole (5万个5G基站、8万个充电设施等任务) is named before it.
  const whole = /^([^，。；]{2,40}?)等(?:任务|工作|举措|措施|内容|方面|目标)/.exec(text)
  const listed = whole ? null : /^[^，。；]{2,40}?等(?=\p{Script=Han}{2})/u.exec(text)
  if (whole) text = whole[1]!
  else if (listed) text = text.slice(listed[0].length)
  const verb = nounEndExpression.exec(text)
  if (verb && verb.index >= 2) text = text.slice(0, verb.index)
  const of = text.indexOf('的')
  if (of > 0) {
    const described = text.slice(0, of)
    const head = text.slice(of + 1)
    // The work done on a list of kinds counts the list (200项以上国家、行业标准的制修订 → 国家、行业标准).
    if (workNounExpression.test(head)) return described.trim()
    if (/^\p{Script=Han}{2}/u.test(head)) return head.replace(/[、和及与].*$/, '').trim()
    if (!/[、和及与]/.test(described)) return described.trim()
  }
  // Note: kinds listed before one noun (行业型、专业型、区域型工业互联网平台) are not a list of nouns,
  // nor are the words of a bracket (县（市、区）).
  return firstName(text)
    .replace(/[、和及与]$/, '')
    .trim()
}

/**
 * Where the value after `index` starts, the end of the noun after this one:
 * a value in an aside in brackets right after this one (新增2400户（累计约3600户）大中型餐饮单位)
 * does not end it.
 */
function nextValueStart(clause: string, valueEnd: number, matches: RegExpExecArray[], index: number): number {
  const aside = /^\s*[（(][^（）()]*[）)]/.exec(clause.slice(valueEnd))
  const asideEnd = aside ? valueEnd + aside[0].length : valueEnd
  return matches.slice(index + 1).find((match) => match.index >= asideEnd)?.index ?? clause.length
}

/** `text` up to the first 、 和 及 与 outside brackets that does not follow a kind (…型、) or a level (国家、). */
function firstName(text: string): string {
  let depth = 0
  for (let at = 0; at < text.length; at++) {
    const character = text[at]!
    if (character === '（' || character === '(') depth++
    else if (character === '）' || character === ')') depth = Math.max(0, depth - 1)
    else if (
      depth === 0 &&
      '、和及与'.includes(character) &&
      at > 0 &&
      !'型级式类'.includes(text[at - 1]!) &&
      !levelItemExpression.test(text.slice(0, at))
    )
      return text.slice(0, at)
  }
  return text
}

/** A level listed before the one noun it qualifies (国家、行业、团体标准; 省、市、县三级平台). */
const levelItemExpression = /(?:^|[、和及与])(?:国际|国家|行业|地方|团体|企业|省|市|县|区)$/

/** The unit a prose value prints, in the record's form: ％ as %, a bare scale completed from the indicator (亿 → 亿元). */
function proseUnit(unit: string | null, indicator: string): string | null {
  return completeScaleUnit(unit === '％' ? '%' : unit, indicator)
}

/** What may follow a value that is the goal's own: a list, or the change it goes on to. */
const afterValueExpression = new RegExp(
  '^(?:[和及与并且或]|(?:' + riseVerbSource + '|' + changeVerbSource + '|达到|达|到|至|发展))'
)

/**
 * A number inside a name (`3岁以下婴幼儿托位数4.5个`, `公交站点500米覆盖率实现100%`):
 * the name goes on right after it, the goal's own value is still to come,
 * and a name (not a verb such as 实施) or a bound (以上, 以下) says it qualifies.
 */
function isQualifier(
  match: RegExpMatchArray,
  clause: string,
  previousEnd: number,
  next: RegExpMatchArray | undefined
): boolean {
  if (!next) return false
  const end = (match.index ?? 0) + match[0].length
  // A size inside a name before the count of it (首次突破100亿元的企业15家): part of the name.
  if (clause.charAt(end) === '的' && isCount(next) && !/[，,、；]/.test(clause.slice(end, next.index))) return true
  if (match.groups?.suffix === '左右' || match.groups?.verb || match.groups?.prefix) return false
  const after = clause.charCodeAt(end)
  if (!(after >= 0x4e00 && after <= 0x9fff) || afterValueExpression.test(clause.slice(end))) return false
  const before = clause
    .slice(previousEnd, match.index)
    .replace(/^[、，,\s]+/, '')
    .trim()
  // A count after a list's separator (50个创新实验室、300个创新中心、50个…), or after the verb that opens the list's
  // next item (创建10个示范城市、打造50个示范基地、培育…), is an item of the list: a goal.
  if (isCount(match)) {
    if (/[、，,和及与]$/.test(before)) return false
    const item = before.slice(before.search(/[^、，,]*$/))
    if (item.length < before.length && leadingVerbExpression.test(item)) return false
  }
  // A measure (3岁以下, 5米) opens a name whose own value follows (5米远场识别率超过92%); a count
  // with its bound (150个以上示范街道及50个以上示范基地) is a goal of its own.
  if (!isCount(match)) {
    if (match.groups?.suffix) return true
    if (
      before.length === 0 &&
      (next.groups?.verb || next.groups?.prefix) &&
      !/[、，,和及与]/.test(clause.slice(end, next.index))
    )
      return true
  }
  return before.length > 0 && !leadingVerbExpression.test(before)
}

/** Whether a value is a count of things (`300个`). */
function isCount(match: RegExpMatchArray): boolean {
  return countUnitExpression.test(match.groups?.unit ?? match.groups?.chineseUnit ?? '')
}

/**
 * A magnitude and 级 (达到万亿级, 千亿级): a class, read as a word value (rule
 * `word-value`) where a verb of reaching ends on it, not one 万亿 or 1000 亿.
 */
function isMagnitudeClass(match: RegExpMatchArray, unit: string | null, clause: string): boolean {
  const magnitude = /^万亿/.test(unit ?? '') || (/^[千百]$/.test(match.groups?.chinese ?? '') && /^亿/.test(unit ?? ''))
  return magnitude && clause.charAt((match.index ?? 0) + match[0].length) === '级'
}

/** Units that count things (个, 家, 项…): a value in them is a goal, never part of a name. */
const countUnitExpression =
  /^(?:万|千|百)?(?:个|家|项|件|所|座|条|套|台|种|类|批|户|名|人|位|款|部|篇|场|场次|次|期|笔|宗|张|辆|艘)$/

/** Whether a number is no value: a year (`2025年`, not a value of unit 年), a span of time, a rank, an annotation, a figure number. */
function isNoValue(match: RegExpMatchArray, clause: string): boolean {
  const unit = match.groups?.unit
  const first = match.groups?.first
  if (unit === '年' && first && /^(?:19|20)\d{2}$/.test(first)) return true
  const at = match.index ?? 0
  // A span of time to do it in (3年内, 1-2年内) is when, not how much; a place in a ranking (前3位) is read by rule `rank`.
  if (unit === '年' && clause.charAt(at + match[0].length) === '内') return true
  if ((unit === '位' || unit === '名') && /[前第]\s*$/.test(clause.slice(Math.max(0, at - 2), at))) return true
  // A bracketed annotation of a title (（25分）, （3项）) weighs or counts it; it sets no goal.
  if (/[（(]\s*$/.test(clause.slice(Math.max(0, at - 1), at)) && /^\s*[）)]/.test(clause.slice(at + match[0].length)))
    return true
  // A figure's, table's or article's number (如图1所示, 表2, 第3条) is no value.
  if (
    /(?:图|表|第|附件|附表|条|款)\s*$/.test(clause.slice(Math.max(0, at - 2), at)) ||
    /^所示/.test(clause.slice(at + match[0].length - 1))
  )
    return true
  // A span of years (3年内, 近5年, 连续4年, 实施周期为5年, 之日起2年) is a time, not a value; so is a date misread (4.0402年).
  if (unit === '年' && (/\.\d{3,}/.test(first ?? '') || /周期|期限|为期|之日起|有效期/.test(clause))) return true
  if (
    unit === '年' &&
    (/^\s*(?:内|以内|来|以来|间|时间|后|期)/.test(clause.slice(at + match[0].length)) ||
      /(?:近|连续|未来|用)\s*$/.test(clause.slice(Math.max(0, at - 2), at)))
  )
    return true
  // A number glued to Latin letters or a plus sign (3D打印, 1+13+N) is a name.
  const after = clause[(match.index ?? 0) + match[0].length]
  return Boolean(first && after && /[A-Za-z+]/.test(after) && !unit)
}
