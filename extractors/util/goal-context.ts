/**
 * Whether a quantity in prose is a goal the document sets, judged by the
 * sentence around it: a small list of named rules, each one family of the
 * genre's wording (past statistics, forecasts, rewards and thresholds), and
 * the time a sentence says its goals are due.
 *
 * Used for the goals stated outside the goals part (origin `task`): the task
 * sections, measures and 工作要点 items of plans, and the dated commitments of
 * other documents.
 */
import {withinYearsSource, yearNumber, yearSource} from '../../pipeline/lexicon/date.js'
import {matchesOf} from '../../pipeline/lexicon/text.js'

/** A rule that says a quantity in a sentence is no goal; `test` sees the sentence, the goal's clause and the text right after its value. */
export interface NotGoalRule {
  name: string
  /** `aheadFrom`: the first year the document looks ahead from, when known (a 十三五 plan: 2016). */
  test: (sentence: string, clause: string, after: string, aheadFrom: number | null) => boolean
}

/**
 * The rules, in the order they are tried. Each has examples of its own in
 * `test/goal-context.test.ts`.
 */
export const notGoalRules: readonly NotGoalRule[] = [
  {
    // 截至2022年底，全省已建成5G基站10万个; 2023年一季度…; 比上年增长8%; 已累计培育…; “十三五”期间…
    name: 'past-statistic',
    // Note: 在…的基础上 states where the work starts from, in its own clause.
    test: (sentence, clause, _after, aheadFrom) =>
      pastExpression.test(sentence) || /基础上/.test(clause) || namesPastPlan(sentence, aheadFrom)
  },
  {
    // 《规划》提出了4类共25项指标; 又增设了10项: what a text says another set out, not a goal it sets.
    name: 'description',
    // Note: a verb with 了 before the count (遴选了12类, 建成了5个) tells what was done, not what is to be.
    test: (_sentence, clause) =>
      /(?:提出|明确|增设|设置|确定|列出|包括|涵盖|部署|进行)了|\p{Script=Han}了\s*(?:\d|[一二两三四五六七八九十]+\s*[个项类家批])/u.test(
        clause
      )
  },
  {
    // 关键指标均比省定目标高出2个百分点以上: a comparison with other goals, not a level.
    name: 'comparison',
    test: (_sentence, clause) => /比[^，。；]{0,10}(?:目标|标准|要求)[^，。；]{0,4}(?:高出|高|多|快)/.test(clause)
  },
  {
    // 预计到2025年可完成预期目标.
    name: 'forecast',
    test: (sentence) => /预计|预测|有望/.test(sentence)
  },
  {
    // 给予最高50万元奖励; 按实际投资额的10%给予补助; 一次性奖补200万元.
    name: 'reward',
    // In a sentence of rewards, a share (前两年100%), a sum or a count per unit (每认定1家) is the reward's measure.
    test: (sentence, clause) =>
      rewardExpression.test(clause) ||
      (rewardExpression.test(sentence) &&
        (moneyClauseExpression.test(clause) ||
          /\d\s*[%％]|每(?:认定|新增|引进|培育|建成|获得|获批|入选|个|家|项|名|人|户|\d)/.test(clause)))
  },
  {
    // 将标准体系划分为三个层级; 形成14个二级分类: counts of the document's own parts or a framework's.
    name: 'structure',
    test: (_sentence, clause, after) =>
      /划分为|分为|分成|包括|包含|涵盖|由.{0,10}组成|是指|指的是|所称/.test(clause) ||
      /^\s*(?:个|项|大)?\s*(?:二级|三级|一级)?(?:分类|部分|层级|层次|方面|维度|大类|板块|章|节)/.test(after)
  },
  {
    // 市财政每年安排5亿元; 设立规模10亿元的基金: money set aside is a means, not a level to reach.
    name: 'means',
    test: (_sentence, clause) => /安排|统筹|基金|列支|筹集|出资/.test(clause) && /\d\s*(?:万|亿|千)?元/.test(clause)
  },
  {
    // 对营业收入超过1亿元的企业; 凡年产值达到5000万元以上的; 符合条件的…
    name: 'threshold',
    test: (sentence, clause, after) =>
      (/^\s*(?:[（(]含[）)])?\s*(?:规模)?的/.test(after) &&
        /(?:^|[，。；、\s])(?:对|凡)|给予|奖励|补助|补贴|优先|认定为|申报|享受/.test(sentence)) ||
      /^(?:对|凡|对于|针对|经|获得|被)/.test(clause.trim()) ||
      /(?:条件|门槛)|前\s*\d+\s*(?:名|位|强)/.test(clause)
  },
  {
    // 每天校园体育活动不少于1小时; 各中小学至少配备1名; 每5所幼儿园配备1名: a standard for every unit, no level to reach.
    name: 'norm',
    test: (_sentence, clause) =>
      /每(?:天|日|周|月|学期|节|班|校|所|名|位|户|村|\d)|每个(?:乡镇|街道|村|社区|学校|县|区|市|省|单位)|各[^，。；]{1,8}(?:至少|均应|须)|至少配备|必须|应当|不得|不宜|不应|原则上|实行|执行|[×xX]\s*\d/.test(
        clause
      )
  }
]

/** Words of the past: statistics reported, the last plan's period, what was done already. */
const pastExpression = new RegExp(
  '截至|截止(?=\\s*(?:' +
    yearSource +
    ')\\s*年(?:底|末|\\d))|(?:' +
    yearSource +
    ')\\s*年\\s*(?:[一二三四1-4]季度|上半年|前三季度|1-\\d+月|以来)|' +
    '同比|比上年|较上年|上年|去年|过去|近[几五三十\\d]年|以来|(?<!不得)已(?!于)|(?:共有|现有)\\s*\\d'
)

/** A five-year plan named as a time (“十三五”, 十二五期间, 十一五以来): its numeral. */
const fivePlanExpression = /[“"]十([一二三四五六])五[”"]|十([一二三四五六])五(?:期间|时期|以来)/g

/**
 * Whether a sentence names a five-year plan over before the document looks
 * ahead (`aheadFrom`): “十三五”期间 is past in a 十四五 plan, the plan's own
 * time in a 十三五 one. Unknown, the 十四五 is taken for the present.
 */
function namesPastPlan(sentence: string, aheadFrom: number | null): boolean {
  for (const match of sentence.matchAll(fivePlanExpression)) {
    const end = 2010 + 5 * '一二三四五六'.indexOf(match[1] ?? match[2]!)
    if (end < (aheadFrom ?? 2021)) return true
  }
  return false
}
const rewardExpression =
  /奖励|奖补|补助|补贴|资助|贴息|扶持资金|给予|一次性|最高(?:不超过)?\s*\d|按.{0,12}比例|加计扣除|税前|减免|免征|退税/
const moneyClauseExpression = /\d\s*(?:万|亿|千)?元/

/** The first rule that says a quantity is no goal, or undefined when none does. */
export function notGoalRule(
  sentence: string,
  clause: string,
  after: string,
  aheadFrom: number | null = null
): string | undefined {
  for (const rule of notGoalRules) if (rule.test(sentence, clause, after, aheadFrom)) return rule.name
  return undefined
}

/** A time to reach in a sentence: 到/至/力争/确保/争取…年, …年底前, 今年, 年内, “十四五”末/期间, 实施期内, 每年. */
const reachExpression = new RegExp(
  '(?<![截\\d]\\s*)(?:到|至|力争|确保|争取|展望)\\s*(?:' +
    yearSource +
    ')\\s*年|(?:' +
    yearSource +
    ')\\s*年\\s*(?:底|末)?\\s*(?:前|之前|以前|完成)|' +
    '今年|明年|年内|年底前|年末前|十[四五六]五[”"]?(?:末|期间|时期|期末|后半期|后期)|实施期内|规划期内|规划期末|后半期|' +
    withinYearsSource
)

/** A year to reach: 到2025年, 力争至2025年底, 2025年前, 2025年底前完成. */
const reachYearExpression = new RegExp(
  '(?<![截\\d]\\s*)(?:到|至|力争|确保|争取|展望)\\s*(' +
    yearSource +
    ')\\s*年|(' +
    yearSource +
    ')\\s*年\\s*(?:底|末)?\\s*(?:前|之前|以前|完成)'
)

/** The first year to reach a text names (not a year of statistics: 截至2022年底), or undefined. */
export function reachYear(text: string): number | undefined {
  if (!text.includes('年')) return undefined
  const match = reachYearExpression.exec(text)
  return match ? yearNumber(match[1] ?? match[2] ?? '') : undefined
}

/** Whether a sentence says when its goals are due. */
export function hasReach(sentence: string): boolean {
  return reachExpression.test(sentence)
}

/** Years a sentence names (2025年, 二〇二五年), but not the base of a comparison (比2020年). */
const namedYearExpression = new RegExp('(?<![比较与]\\s*)(' + yearSource + ')\\s*年', 'g')

/** The latest year a sentence names, or undefined. */
export function latestYear(sentence: string): number | undefined {
  if (!sentence.includes('年')) return undefined
  let latest: number | undefined
  for (const match of matchesOf(namedYearExpression, sentence)) {
    const year = yearNumber(match[1] ?? '')
    if (latest === undefined || year > latest) latest = year
  }
  return latest
}

/** Codes that end a span: a whole sentence (。！？), a sentence part (and ；), a clause (and ，：). */
const wholeSentenceEnds = new Set([0x3002, 0xff01, 0xff1f, 0x21, 0x3f])
const sentenceEnds = new Set([...wholeSentenceEnds, 0xff1b, 0x3b])
const clauseEnds = new Set([...sentenceEnds, 0xff0c, 0x2c, 0xff1a])

/** The span around `offset` up to the nearest ends either way, at most `reach` characters each way (a runaway line). */
function spanAround(text: string, offset: number, ends: ReadonlySet<number>, reach: number): [number, number] {
  let start = offset
  const low = Math.max(0, offset - reach)
  while (start > low && !ends.has(text.charCodeAt(start - 1))) start--
  let end = offset
  const high = Math.min(text.length, offset + reach)
  while (end < high && !ends.has(text.charCodeAt(end))) end++
  return [start, end]
}

/** The span of the sentence around `offset`, cut at 。！？ and ；. */
export function sentenceSpan(text: string, offset: number): [number, number] {
  return spanAround(text, offset, sentenceEnds, 400)
}

/** The span of the whole sentence around `offset`, to its 。！？ (a ； goes on). */
export function fullSentenceSpan(text: string, offset: number): [number, number] {
  return spanAround(text, offset, wholeSentenceEnds, 600)
}

/** The span of the clause around `offset`, cut at ，；。：. */
export function clauseSpan(text: string, offset: number): [number, number] {
  return spanAround(text, offset, clauseEnds, 200)
}

/** The label of a work report's 主要预期目标 passage (今年经济社会发展的主要预期目标是：…, 主要目标是, 预期目标为). */
export const reportPassageExpression =
  /(?:主要预期目标|主要目标|预期目标|发展目标)(?:是|为|如下)?\s*[:：]|(?:主要预期目标|主要目标|预期目标)(?:是|为)/

/**
 * A passage that states the year's growth target without that label (综合考虑各方面因素，今年地区生产总值
 * 增长6%左右; a paragraph opening with the GDP target): read only where no labelled passage is.
 */
export const unlabelledPassageExpression =
  /(?:今年|^\s*)(?:全市|全州|全区|全县|全省|全国|全盟)?(?:地区生产总值|国内生产总值|生产总值|GDP)(?:增长|增速)\s*\d/

/** Where a passage of targets ends: the sentence after them (确定上述目标…, 重点做好…). */
export const passageEndExpression =
  /确定上述目标|确定这些目标|实现上述目标|实现这些目标|完成上述目标|上述目标|重点做好|着力抓好|重点抓好/
