/**
 * The rules of goal clauses (schema 2.0), each with examples written for it:
 * measure, approx, two-level goals, lists that distribute values, relative
 * goals, names; the rules that refuse a quantity outside the goals part; goals
 * of the task sections; work reports and their 主要预期目标 passage.
 */
import {describe, expect, test} from 'vitest'
import {goalsIn} from '../extractors/util/goal-clause.js'
import {reportedYears} from '../pipeline/lexicon/date.js'
import {notGoalRule} from '../extractors/util/goal-context.js'
import type {Value} from '../schemas/record.js'
import {extractText} from './helpers/extract.js'

const show = (value: Value) =>
  value.kind === 'number'
    ? (value.comparator ?? '') + value.number
    : value.kind === 'range'
      ? value.min + '-' + value.max
      : value.text
const read = (text: string) =>
  goalsIn(text).map((goal) => [
    goal.indicator,
    show(goal.value),
    goal.unit,
    goal.measure,
    goal.approx ?? false,
    goal.stretch ?? false
  ])

/** Each goal of `text` as its name and value. */
const named = (text: string) => goalsIn(text).map((goal) => [goal.indicator, show(goal.value)])

describe('goal clauses', () => {
  test.each([
    ['地区生产总值增长6%', ['地区生产总值', '6', '%', 'growth', false, false]],
    ['一般公共预算收入同比增长5.5%', ['一般公共预算收入', '5.5', '%', 'growth', false, false]],
    ['研发投入强度提高0.2个百分点', ['研发投入强度', '0.2', '个百分点', 'growth', false, false]],
    ['单位地区生产总值能耗下降2.5%左右', ['单位地区生产总值能耗', '2.5', '%', 'decrease', true, false]],
    ['碳排放强度比2020年降低18%', ['碳排放强度', '18', '%', 'decrease', false, false]],
    ['质押融资金额年均增长15%', ['质押融资金额年均增长', '15', '%', 'growth', false, false]],
    ['森林覆盖率提高到45%', ['森林覆盖率', '45', '%', 'level', false, false]],
    ['万元GDP能耗下降到0.45吨标准煤', ['万元GDP能耗', '0.45', '吨标准煤', 'level', false, false]],
    ['城镇调查失业率控制在5.5%以内', ['城镇调查失业率', '<=5.5', '%', 'level', false, false]],
    ['居民消费价格涨幅3%左右', ['居民消费价格', '3', '%', 'growth', true, false]],
    ['常住人口城镇化率约达到65%', ['常住人口城镇化率', '65', '%', 'level', true, false]],
    ['固定资产投资保持稳定增长、力争达到3%', ['固定资产投资', '3', '%', 'growth', false, false]],
    ['GDP增长6%左右', ['GDP', '6', '%', 'growth', true, false]],
    ['CPI涨幅3%左右', ['CPI', '3', '%', 'growth', true, false]],
    ['地区生产总值跨越千亿台阶', ['地区生产总值', '>=1000', '亿元', 'level', false, false]],
    ['地区生产总值比增100亿元', ['地区生产总值', '100', '亿元', 'growth', false, false]],
    ['居民消费价格指数控制在103左右', ['居民消费价格指数', '103', null, 'level', true, false]],
    ['首位产业规模占全省一半以上', ['首位产业规模', '>=50', '%', 'level', false, false]],
    ['一般公共预算收入同口径增长5%', ['一般公共预算收入', '5', '%', 'growth', false, false]]
  ])('should read the measure and bound of `%s`', (text, expected) => {
    expect(read(text)).toEqual([expected])
  })

  test.each([
    [
      '地区生产总值增长5.5%、力争6%以上',
      [
        ['地区生产总值', '5.5', '%', 'growth', false, false],
        ['地区生产总值', '>=6', '%', 'growth', false, true]
      ]
    ],
    [
      '地区生产总值确保增长6.5%，力争7%',
      [
        ['地区生产总值', '>=6.5', '%', 'growth', false, false],
        ['地区生产总值', '7', '%', 'growth', false, true]
      ]
    ],
    [
      '地区生产总值增长保8争9',
      [
        ['地区生产总值', '>=8', '%', 'growth', false, false],
        ['地区生产总值', '9', '%', 'growth', false, true]
      ]
    ],
    [
      '地区生产总值增长5.5%以上，力争突破6000亿元',
      [
        ['地区生产总值', '>=5.5', '%', 'growth', false, false],
        ['地区生产总值', '>6000', '亿元', 'level', false, true]
      ]
    ],
    ['到2025年，力争高新技术企业达到500家', [['高新技术企业', '500', '家', 'level', false, false]]]
  ])('should read the two levels of `%s`, the 力争 one a stretch', (text, expected) => {
    expect(read(text)).toEqual(expected)
  })

  test.each([
    [
      '一产、二产、三产分别增长3.5%、5%、6%',
      [
        ['一产', '3.5'],
        ['二产', '5'],
        ['三产', '6']
      ]
    ],
    [
      '三次产业增加值分别增长4.5%、6.5%、7%以上',
      [
        ['第一产业增加值', '>=4.5'],
        ['第二产业增加值', '>=6.5'],
        ['第三产业增加值', '>=7']
      ]
    ],
    [
      '城镇和农村居民人均可支配收入分别增长6%、7%',
      [
        ['城镇居民人均可支配收入', '6'],
        ['农村居民人均可支配收入', '7']
      ]
    ],
    [
      '城乡居民人均可支配收入分别增长6.5%和8%',
      [
        ['城镇居民人均可支配收入', '6.5'],
        ['农村居民人均可支配收入', '8']
      ]
    ],
    [
      '进出口总额、实际使用外资均增长5%',
      [
        ['进出口总额', '5'],
        ['实际使用外资', '5']
      ]
    ],
    [
      '发明专利拥有量、商标注册量分别达到3000件和2万件',
      [
        ['发明专利拥有量', '3000'],
        ['商标注册量', '2']
      ]
    ],
    [
      '新引育90名国家级、150名省级科技人才',
      [
        ['国家级科技人才', '90'],
        ['省级科技人才', '150']
      ]
    ],
    [
      '全省与RCEP国家货物贸易、对外投资和实际利用外资分别占比达30%、20%和10%',
      [
        ['RCEP国家货物贸易', '30'],
        ['对外投资', '20'],
        ['实际利用外资', '10']
      ]
    ]
  ])('should give each name of `%s` its own value', (text, expected) => {
    expect(named(text)).toEqual(expected)
  })

  test.each([
    [
      '培育50个创新实验室、300个创新中心、50个创新服务机构和100个创新人才基地',
      [
        ['创新实验室', '50'],
        ['创新中心', '300'],
        ['创新服务机构', '50'],
        ['创新人才基地', '100']
      ]
    ],
    [
      '加快培育100家亿元企业、20家十亿元企业、5个百亿产业园区',
      [
        ['亿元企业', '100'],
        ['十亿元企业', '20'],
        ['百亿产业园区', '5']
      ]
    ],
    [
      '在全国创建10个示范城市、打造50个示范基地（园区）、培育200个示范企业',
      [
        ['示范城市', '10'],
        ['示范基地（园区）', '50'],
        ['示范企业', '200']
      ]
    ],
    [
      '支持发展10家左右垂直电商平台、20家左右电商综合服务平台',
      [
        ['垂直电商平台', '10'],
        ['电商综合服务平台', '20']
      ]
    ]
  ])('should read each count of a list of counts before their nouns: `%s`', (text, expected) => {
    expect(named(text)).toEqual(expected)
  })

  test('should name a count by the noun after a verb of choosing (遴选出, 确定, 推选), not by the verb', () => {
    for (const text of [
      '到2024年，遴选出200个以上标准应用试点项目',
      '确定50个以上智能制造示范项目',
      '推选6家智能制造标杆企业'
    ])
      expect(goalsIn(text).map((goal) => goal.indicator)).toEqual([text.match(/\d+(?:个|家)(?:以上)?(.+)$/)![1]])
  })

  test.each([
    ['区域创新综合能力保持在全国前六位', ['区域创新综合能力', '<=6', '位']],
    ['到2023年，服务器产销量稳居全球前三', ['服务器产销量', '<=3', '位']],
    ['服务器产销量保持全国前3位', ['服务器产销量', '<=3', '位']],
    ['网络零售规模保持全球第一', ['网络零售规模', '1', '位']]
  ])('should read a place in a ranking to hold or reach: `%s`', (text, expected) => {
    expect(goalsIn(text).map((goal) => [goal.indicator, show(goal.value), goal.unit])).toEqual([expected])
  })

  test('should read no rank where the top places are whom a reward goes to (对排名前三的企业)', () => {
    expect(goalsIn('对排名前三的企业给予奖励')).toEqual([])
    expect(goalsIn('对排名前10名的企业给予奖励')).toEqual([])
  })

  test('should name a count by its noun past an aside in brackets that holds a value (新增2400户（累计约3600户）大中型餐饮单位)', () => {
    expect(named('全市新增2400户（累计约3600户）大中型餐饮单位纳入智慧监管平台')).toEqual([
      ['新增大中型餐饮单位', '2400']
    ])
  })

  test('should take a span to do it in (3年内, 1-2年内) for when, and a name in quotes whole for the name', () => {
    for (const text of ['3年内培育50家左右“数字经济总部”', '力争1-2年内培育50家“数字经济总部"'])
      expect(named(text)).toEqual([['数字经济总部', '50']])
    expect(goalsIn('打造200个“人工智能＋”典型示范应用场景').map((goal) => goal.indicator)).toEqual([
      '“人工智能＋”典型示范应用场景'
    ])
  })

  test('should keep the levels listed before one noun as its name (国家、行业、团体标准)', () => {
    expect(goalsIn('制修订100项以上基础共性、场景应用等国家、行业、团体标准').map((goal) => goal.indicator)).toEqual([
      '国家、行业、团体标准'
    ])
  })

  test('should name a count by the noun after it where what describes that noun comes before (建立覆盖…的1000个…流动站)', () => {
    expect(named('建立覆盖主要专业领域的1000个左右职教教师企业实践流动站')).toEqual([
      ['职教教师企业实践流动站', '1000']
    ])
  })

  test('should read what means bring about in their own clause (依托…每年实施…20项以上), and no goal from means alone', () => {
    expect(named('依托省级科技计划每年实施信息技术创新重大项目20项以上')).toEqual([['信息技术创新重大项目', '>=20']])
    expect(goalsIn('依托现有100个创新平台')).toEqual([])
  })

  test('should split a list of names at 、 alone where a name holds 和 (软件和信息技术服务业、电子信息制造业规模分别…)', () => {
    expect(named('软件和信息技术服务业、电子信息制造业规模分别达到6000亿元和2000亿元')).toEqual([
      ['软件和信息技术服务业', '6000'],
      ['电子信息制造业规模', '2000']
    ])
  })

  test('should name the last count of a list by its own noun where 等 closes the list with a word for the whole (等任务)', () => {
    expect(
      goalsIn('建设300个数字工厂、5万个5G基站、8万个智能网联充电设施等任务').map((goal) => goal.indicator)
    ).toEqual(['数字工厂', '5G基站', '智能网联充电设施'])
    expect(goalsIn('制定100项基础共性、关键技术等国家标准').map((goal) => goal.indicator)).toEqual(['国家标准'])
  })

  test('should read 万 alone before 亿元 as one 万亿元, and a magnitude a verb of reaching ends on (达到万亿级) as a class', () => {
    const read = (text: string) => goalsIn(text).map((goal) => [goal.indicator, show(goal.value), goal.unit])
    expect(read('带动相关产业规模超万亿元')).toEqual([['相关产业规模', '>1', '万亿元']])
    expect(read('工业总产值突破千亿元')).toEqual([['工业总产值', '>1000', '亿元']])
    expect(read('数字经济产业能级达到万亿级，占比超过50%')).toEqual([
      ['数字经济产业能级', '万亿级', null],
      ['占比', '>50', '%']
    ])
    expect(read('打造3个千亿级产业集群')).toEqual([['千亿级产业集群', '3', '个']])
  })

  test('should take a sum before 的 for the class it sizes, also when another sum follows (产值超10亿元的…和产值5000万元以上的…)', () => {
    expect(goalsIn('培育产值超10亿元的行业龙头企业和产值5000万元以上的“专精特新”企业')).toEqual([])
    expect(named('培育营业收入超10亿元的企业20家')).toEqual([['营业收入超10亿元的企业', '20']])
  })

  test('should name a count by the noun after it where the verb before it follows a manner of 分… (分行业、分领域发布)', () => {
    for (const text of ['每年分行业、分领域、分批次发布100个工业互联网应用场景', '分批次发布100个应用场景'])
      expect(goalsIn(text).map((goal) => goal.indicator)).toEqual([text.match(/\d+个(.+)$/)![1]])
  })

  test('should hold a bound printed after the last value of a list for every value (分别增长5%、9%、6%左右)', () => {
    const goals = goalsIn('一般公共预算收入、税收收入、非税收入分别增长5%、9%、6%左右')
    expect(goals.map((goal) => [goal.indicator, goal.approx ?? false, goal.measure])).toEqual([
      ['一般公共预算收入', true, 'growth'],
      ['税收收入', true, 'growth'],
      ['非税收入', true, 'growth']
    ])
    expect(goalsIn('工业投资、技改投资分别增长10%以上、8%').map((goal) => show(goal.value))).toEqual(['>=10', '8'])
  })

  test('should read a goal relative to another area, the area apart from the name', () => {
    const goals = goalsIn('地区生产总值增速高于全省1个百分点左右，力争高于全省2个百分点')
    expect(
      goals.map((goal) => [
        goal.indicator,
        show(goal.value),
        goal.unit,
        goal.measure,
        goal.relativeTo,
        goal.approx ?? false,
        goal.stretch ?? false
      ])
    ).toEqual([
      ['地区生产总值', '1', '个百分点', 'growth', '全省', true, false],
      ['地区生产总值', '2', '个百分点', 'growth', '全省', false, true]
    ])
  })

  test.each([
    ['培育30家以上数字经济核心产业领军企业', '数字经济核心产业领军企业'],
    ['建成4万个5G基站', '5G基站'],
    ['制定国家、行业标准200项', '国家、行业标准'],
    ['推动全省规上工业企业数字化转型率达到80%', '规上工业企业数字化转型率'],
    ['全市发明专利拥有量达到3000件', '发明专利拥有量'],
    ['建成区绿化覆盖率达到42%', '建成区绿化覆盖率'],
    ['建成培育中心5家', '培育中心'],
    ['组织开展培训50场次以上', '培训'],
    ['新增贯标企业100家', '新增贯标企业'],
    ['促进不少于200项新技术新产品首用首试', '新技术新产品首用首试'],
    ['在化工、建材等领域选择不少于1000家重点企业', '重点企业'],
    ['同时提出建设300个数字工厂', '数字工厂'],
    ['3年内建成海外科技企业孵化器8家', '海外科技企业孵化器'],
    ['培育150家以上专业水平高、服务能力强的系统解决方案供应商', '系统解决方案供应商'],
    ['完成20项以上重点标准的预研工作', '重点标准'],
    ['完成200项以上国家、行业标准的制修订', '国家、行业标准'],
    ['5米远场识别率超过92%', '5米远场识别率'],
    ['新培育营业收入首次突破100亿元的企业15家', '新培育营业收入首次突破100亿元的企业'],
    ['在基础理论等方面取得10项以上原创性重大科技成果', '原创性重大科技成果'],
    ['全市90%的重点领域市场主体纳入智慧监管平台', '重点领域市场主体'],
    ['重点组织浦口区100家以上高新技术企业开展贯标', '高新技术企业'],
    ['培育20家行业型、专业型、区域型工业互联网平台', '行业型、专业型、区域型工业互联网平台'],
    ['力争30%的县（市、区）通过国家认定', '县（市、区）'],
    ['推出300个以上互联网应用', '互联网应用']
  ])('should name the goal of `%s` by what it counts', (text, name) => {
    expect(goalsIn(text).map((goal) => goal.indicator)).toEqual([name])
  })

  test.each([
    '建成4个。',
    '国家5项。',
    '面向10个。',
    '推动全省20家。',
    '累计建设5家。',
    '把政府网站作为一个整体。',
    '24小时无人值守加工。',
    '启动50个以上。',
    '培育产值超10亿元的行业龙头企业。',
    '引进095家企业。',
    '政务服务一网通办（25分）',
    '强化维持年限超过10年的发明专利统计。'
  ])('should give `%s` no goal: a verb, place or scope word names nothing', (text) => {
    expect(goalsIn(text)).toEqual([])
  })
})

describe('years a text reports statistics for', () => {
  test('should tell a year over (截至2022年底) from one running (截至2023年6月, 2023年一季度, 2022年以来)', () => {
    expect(
      reportedYears(
        '截至2022年底，已建成10个；截至2023年6月，又建成2个；2023年一季度增长5%；2022年以来成效明显；到2025年建成20个。'
      )
    ).toEqual([
      {year: 2022, isOver: true},
      {year: 2023, isOver: false},
      {year: 2023, isOver: false},
      {year: 2022, isOver: false}
    ])
  })
})

describe('rules that refuse a quantity outside the goals part', () => {
  test.each([
    ['截至2022年底，全省已建成5G基站10万个', '全省已建成5G基站10万个', 'past-statistic'],
    ['2023年一季度，专利授权量同比增长12%', '专利授权量同比增长12%', 'past-statistic'],
    ['“十三五”期间，全市专利授权量达到4万件', '全市专利授权量达到4万件', 'past-statistic'],
    ['预计到2025年，有效发明专利达到1万件', '有效发明专利达到1万件', 'forecast'],
    ['对新认定的国家级企业技术中心，给予最高50万元奖励', '给予最高50万元奖励', 'reward'],
    ['按设备投资额的10%给予补助，单个项目最高200万元', '单个项目最高200万元', 'reward'],
    ['对营业收入超过1亿元的企业给予支持', '对营业收入超过1亿元的企业给予支持', 'reward'],
    ['对年产值达到5000万元以上的企业优先支持', '对年产值达到5000万元以上的企业优先支持', 'threshold'],
    [
      '针对首年关税为零的2034种、5年内关税减让显著的2725种出口商品，加大市场开拓力度',
      '针对首年关税为零的2034种、5年内关税减让显著的2725种出口商品',
      'threshold'
    ],
    [
      '《规划》把国家规划中明确支持建设的66个重大载体平台进行了细化安排',
      '《规划》把国家规划中明确支持建设的66个重大载体平台进行了细化安排',
      'description'
    ]
  ])('should refuse `%s` (%s)', (sentence, clause, rule) => {
    expect(notGoalRule(sentence, clause, '')).toBe(rule)
  })

  test('should take a five-year plan named as a time for the past only where it ended before the document looks ahead', () => {
    const sentence = '“十三五”期间，每年实施50项重大科技创新项目'
    const clause = '每年实施50项重大科技创新项目'
    // Note: the years each document looks ahead from: unknown (the 十四五 taken for now), a 十四五 plan's, a 十三五 plan's.
    expect([null, 2021, 2016].map((aheadFrom) => notGoalRule(sentence, clause, '', aheadFrom))).toEqual([
      'past-statistic',
      'past-statistic',
      undefined
    ])
    expect(notGoalRule('十二五期间，每年实施50项重大项目', clause, '', 2016)).toBe('past-statistic')
    expect(notGoalRule('到“十四五”末，专利达到5万件', '专利达到5万件', '', null)).toBeUndefined()
  })

  test('should take a value followed by 的 for a threshold where the sentence selects or rewards, and for a specification elsewhere', () => {
    expect(notGoalRule('对年销量首次超过1000台的企业给予支持', '年销量首次超过1000台的企业', '的企业')).toBe(
      'threshold'
    )
    expect(
      notGoalRule(
        '到2020年，声学过载点达到135dB的声学传感器实现量产',
        '声学过载点达到135dB的声学传感器实现量产',
        '的声学'
      )
    ).toBeUndefined()
  })

  test.each([
    ['保证每天校园体育活动不少于1小时', 'norm'],
    ['各中小学至少配备1名心理健康教师', 'norm'],
    ['每5所幼儿园配备1名专职督导员', 'norm'],
    ['将标准体系划分为三个层级', 'structure'],
    ['市财政每年安排5亿元专项资金', 'means'],
    ['在省新旧动能转换基金框架下设立总规模不少于100亿元', 'means'],
    ['一个标准群中标准数量不宜少于5项', 'norm'],
    ['每个市完成1个以上试点', 'norm'],
    ['全面落实研发费用税前100%加计扣除政策', 'reward'],
    ['《规划》提出了4类共25项指标', 'description'],
    ['省里遴选了12类应用场景', 'description'],
    ['关键指标均比省定目标高出2个百分点以上', 'comparison']
  ])('should refuse `%s` (%s)', (clause, rule) => {
    expect(notGoalRule(clause, clause, '')).toBe(rule)
  })

  test('should let a per-unit goal that is no standard through (每个产业链发行储架规模10亿元)', () => {
    expect(
      notGoalRule(
        '力争到2025年，每个产业链发行储架规模10亿元知识产权证券化产品',
        '每个产业链发行储架规模10亿元知识产权证券化产品',
        ''
      )
    ).toBeUndefined()
  })

  test.each([
    ['到2025年，建成5G基站4万个', '建成5G基站4万个'],
    ['培育省级以上专精特新企业500家', '培育省级以上专精特新企业500家'],
    ['力争每年新增高新技术企业100家', '力争每年新增高新技术企业100家']
  ])('should let `%s` through', (sentence, clause) => {
    expect(notGoalRule(sentence, clause, '，')).toBeUndefined()
  })
})

describe('goals of the task sections (origin task)', () => {
  test("should read the goals of a plan's task sections, but not its past statistics, rewards or forecasts", async () => {
    const text =
      '某市数字经济发展规划（2021—2025年）\n\n一、发展基础\n\n2020年，全市数字经济规模达到3000亿元。\n\n二、发展目标\n\n到2025年，数字经济核心产业增加值占比达到12%。\n\n三、重点任务\n\n（一）建设新型基础设施。建成5G基站4万个，培育30家以上数字经济核心产业领军企业。截至2022年底，已建成5G基站2万个。\n\n（二）完善政策支持。对新认定的国家级企业技术中心给予最高50万元奖励。预计到2025年，数字经济规模达到5000亿元。\n'
    const record = await extractText(text)
    expect(record.targets.map((target) => [target.indicator, show(target.value!), target.origin, target.year])).toEqual(
      [
        ['数字经济核心产业增加值占比', '12', 'text', 2025],
        ['5G基站', '4', 'task', 2025],
        ['数字经济核心产业领军企业', '>=30', 'task', 2025]
      ]
    )
  })

  test('should read an action plan whose every task states its level by a year (到2020年，…检出率超过95%)', async () => {
    const text =
      '促进新一代人工智能产业发展三年行动计划（2018—2020年）\n\n一、培育智能产品\n\n（一）医疗影像辅助诊断系统。推动医学影像数据采集标准化。到2020年，典型疾病的检出率超过95%，假阴性率低于1%。\n'
    const record = await extractText(text)
    expect(record.targets.map((target) => [target.indicator, show(target.value!), target.origin, target.year])).toEqual(
      [
        ['典型疾病的检出率', '>95', 'task', 2020],
        ['假阴性率', '<1', 'task', 2020]
      ]
    )
  })

  test('should not date a paragraph by a span already past (从2012到2022年…) in a report of statistics', async () => {
    const text =
      '某市数字政府发展报告\n\n一、发展成效\n\n截至2022年底，全市政务服务事项全部上线。\n\n二、服务水平\n\n从2012到2022年，全市指数排名从78位上升到43位。全市政务新媒体发展至11万个账号。\n'
    const record = await extractText(text)
    expect(record.targets).toEqual([])
  })

  test('should read in a document that is no plan only the quantities its sentence dates', async () => {
    const text =
      '某市数字政府建设情况\n\n一、工作情况\n\n全市建成政务服务站点300个。\n\n二、下一步打算\n\n我们将继续完善站点布局。到2025年，政务服务事项网上可办率达到95%。\n'
    const record = await extractText(text)
    expect(record.targets.map((target) => [target.indicator, target.origin])).toEqual([
      ['政务服务事项网上可办率', 'task']
    ])
  })

  test('should join the body a numbered heading runs into with the line a hard wrap broke off', async () => {
    const record = await extractText(
      '某省数字技术适老化行动方案\n\n一、重点任务\n\n9.激发企业发展新动力。组织征集300个以上互联网应\n用适老化改造优秀案例，集中推广。\n'
    )
    expect(record.targets.map((target) => target.indicator)).toEqual(['互联网应用适老化改造优秀案例'])
  })

  test('should read the goal a numbered task line states as its title (59．新增5G基站1000座)', async () => {
    const record = await extractText(
      '某市2022年数字政府建设考评办法\n\n一、数字基础设施（10分）\n\n59．新增5G基站1000座，累计建设5G基站4600个\n\n60．推进政务外网升级\n'
    )
    expect(record.targets.map((target) => [target.indicator, target.value, target.year, target.origin])).toEqual([
      ['新增5G基站', {kind: 'number', number: 1000}, 2022, 'task'],
      ['累计建设5G基站', {kind: 'number', number: 4600}, 2022, 'task']
    ])
  })

  test('should link a deadline to the targets its sentence sets', async () => {
    const record = await extractText(
      '某市人工智能产业行动计划\n\n一、重点任务\n\n到2025年，建成智能工厂10个，培育示范企业20家。加强人才培养。\n'
    )
    expect(
      record.deadlines.map((deadline) =>
        deadline.targets.map((id) => record.targets.find((target) => target.id === id)?.indicator)
      )
    ).toEqual([['智能工厂', '示范企业']])
  })
})

describe('work reports', () => {
  const report = (passage: string) =>
    '各位代表：\n\n现在，我代表市人民政府，向大会报告工作，请予审议。\n\n一、2023年工作回顾\n\n过去一年，全市地区生产总值增长5.8%，一般公共预算收入增长6%，新增城镇就业5万人。\n\n二、2024年工作安排\n\n' +
    passage +
    '\n\n确定上述目标，主要考虑了以下因素。\n\n（一）推动产业升级。今年新建5G基站1000个。\n'

  test('should know a work report by its address to the congress and plan for the year after the one it reviews', async () => {
    const record = await extractText(
      report('今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，一般公共预算收入增长5%以上。')
    )
    expect(record.kind).toBe('report')
    expect(
      record.targets.map((target) => [
        target.indicator,
        show(target.value!),
        target.measure,
        target.approx ?? false,
        target.origin,
        target.year
      ])
    ).toEqual([
      ['地区生产总值', '5.5', 'growth', true, 'text', 2024],
      ['一般公共预算收入', '>=5', 'growth', false, 'text', 2024],
      ['5G基站', '1000', 'level', false, 'task', 2024]
    ])
  })

  test('should read the two levels of the growth target and a level striven for alone as stretch targets', async () => {
    const record = await extractText(
      report('今年主要预期目标是：地区生产总值增长5.5%、力争6%以上；固定资产投资保持稳定增长、力争达到3%。')
    )
    expect(
      record.targets
        .filter((target) => target.origin === 'text')
        .map((target) => [target.indicator, show(target.value!), target.stretch ?? false])
    ).toEqual([
      ['地区生产总值', '5.5', false],
      ['地区生产总值', '>=6', true],
      ['固定资产投资', '3', true]
    ])
  })

  test('should read a passage printed a target a paragraph after its label, to the sentence after the targets', async () => {
    const record = await extractText(
      report(
        '今年全市经济社会发展的主要预期目标是：\n\n地区生产总值增长6%左右；\n\n一般公共预算收入增长5%；\n\n城镇调查失业率控制在5.5%以内。'
      )
    )
    expect(
      record.targets
        .filter((target) => target.origin === 'text')
        .map((target) => [target.indicator, show(target.value!), target.year])
    ).toEqual([
      ['地区生产总值', '6', 2024],
      ['一般公共预算收入', '5', 2024],
      ['城镇调查失业率', '<=5.5', 2024]
    ])
  })

  test("should read a passage without a label that states the year's growth target, and take no statistic of the review", async () => {
    const record = await extractText(
      report('综合考虑各方面因素，今年地区生产总值增长6%左右，城镇调查失业率控制在5.5%以内。')
    )
    expect(
      record.targets
        .filter((target) => target.origin === 'text')
        .map((target) => [target.indicator, show(target.value!)])
    ).toEqual([
      ['地区生产总值', '6'],
      ['城镇调查失业率', '<=5.5']
    ])
    expect(record.targets.some((target) => target.quote.includes('5.8'))).toBe(false)
  })
})

describe("kind from the text's own words", () => {
  test.each([
    ['为加快发展数字经济，结合本省实际，特制定本规划。\n\n一、总体要求\n', 'plan'],
    ['为推动产业升级，制定本行动计划。\n\n一、总体要求\n', 'plan'],
    ['为加快建设，现就推进数字政府建设提出如下意见。\n\n一、总体要求\n', 'opinion'],
    ['为落实部署，制定本实施方案。\n\n一、工作目标\n', 'opinion'],
    ['为支持平台发展，制定以下政策措施。\n\n一、支持建设\n', 'opinion'],
    ['为建设知识产权强市，制定本纲要。\n\n一、总体要求\n', 'outline'],
    ['各位代表：\n\n现在，我代表市人民政府向大会报告工作。\n', 'report'],
    ['为推进工作，现就有关事项通知如下。\n\n一、工作目标\n', 'notice'],
    ['加强数字经济发展，推动产业升级。\n', 'other']
  ])('should read the kind of `%s` as %s', async (text, kind) => {
    expect((await extractText(text)).kind).toBe(kind)
  })
})

describe('jurisdiction by the scope a text speaks for', () => {
  const body = (text: string) => '为推进数字经济发展，制定本方案。\n\n一、总体要求\n\n' + text + '\n'

  test('should give a text that speaks for 全省 and names its cities the province they lie in', async () => {
    const record = await extractText(
      body(
        '全省数字经济规模持续扩大，济南、青岛、烟台建成数字经济示范区。全省建成5G基站10万个，全省工业互联网平台加快发展。'
      )
    )
    expect([record.jurisdiction?.name, record.jurisdiction?.level, record.jurisdiction?.code]).toEqual([
      '山东省',
      'province',
      '370000'
    ])
  })

  test('should not give a provincial text the city it names in passing', async () => {
    const record = await extractText(
      body('我省加快建设数字强省，全省统筹推进。支持济南建设数字先锋城市，全省各市协同发展，山东数字经济走在前列。')
    )
    expect(record.jurisdiction?.name).toBe('山东省')
  })

  test('should give a text that speaks for 全市 the city it names most', async () => {
    const record = await extractText(
      body('全市加快建设人工智能先导区，青岛人工智能产业集聚发展。全市新增智能工厂20个，青岛市建成算力中心3个。')
    )
    expect(record.jurisdiction?.name).toBe('青岛市')
  })

  test('should give a text that speaks as the centre does and names no place 全国', async () => {
    const record = await extractText(
      body('我国智能制造发展取得长足进步。各省（区、市）要加强组织实施，发布国家标准200项。')
    )
    expect([record.jurisdiction?.name, record.jurisdiction?.level]).toEqual(['全国', 'national'])
  })

  test('should not take 全国 of a comparison (走在全国前列) for the scope', async () => {
    const record = await extractText(
      body('全省数字经济走在全国前列，全国领先，全省建成山东数据中心，山东工业互联网全国一流。')
    )
    expect(record.jurisdiction?.name).toBe('山东省')
  })
})

describe('more self-references', () => {
  test.each([
    ['结合我市实际，制定若干政策措施如下。\n\n一、培育市场主体\n', 'opinion'],
    ['为加快发展人工智能产业，制定以下政策。\n\n一、适用范围\n', 'opinion'],
    ['为推进制造业高质量发展，特制订本行动计划。\n\n一、总体要求\n', 'plan'],
    ['全国人民代表大会常务委员会：\n\n受国务院委托，现就数字经济发展情况报告如下，请审议。\n', 'report']
  ])('should read the kind of `%s` as %s', async (text, kind) => {
    expect((await extractText(text)).kind).toBe(kind)
  })
})

describe('a text addressed to every province', () => {
  test("should be the centre's (全国), though it names places", async () => {
    const record = await extractText(
      '各省、自治区、直辖市及新疆生产建设兵团工业和信息化主管部门：\n\n为推进智能网联汽车发展，在北京、上海开展试点。现将有关事项通知如下。\n'
    )
    expect([record.kind, record.jurisdiction?.name, record.jurisdiction?.level]).toEqual(['notice', '全国', 'national'])
  })
})

describe('reports and plans known by their parts', () => {
  test('should date a report by its byline and know it by its address after the byline', async () => {
    const record = await extractText(
      '2022年10月28日在第十三届全国人民代表大会常务委员会第三十七次会议上\n\n国家发展和改革委员会主任 某某\n\n全国人民代表大会常务委员会：\n\n受国务院委托，现就数字经济发展情况报告如下，请审议。\n'
    )
    expect([record.kind, record.date?.value]).toEqual(['report', '2022-10-28'])
  })

  test('should know an action plan without a title by its 行动目标 heading', async () => {
    const record = await extractText(
      '当前，人工智能发展进入新阶段。\n\n一、总体要求\n\n（一）指导思想\n\n坚持创新驱动。\n\n（二）行动目标\n\n到2020年，培育示范企业10家。\n'
    )
    expect(record.kind).toBe('plan')
  })
})

describe('divisions since abolished or renamed', () => {
  test('should resolve 莱芜市 (merged into 济南 in 2019) with its code as it was, and say so', async () => {
    const record = await extractText(
      '莱芜市人民政府关于印发莱芜市“十三五”科技创新规划的通知\n\n各区人民政府：\n\n现将《莱芜市“十三五”科技创新规划》印发给你们。\n\n莱芜市人民政府\n\n2016年6月1日\n'
    )
    expect([record.jurisdiction?.name, record.jurisdiction?.code, record.jurisdiction?.province]).toEqual([
      '莱芜市',
      '371200',
      '山东省'
    ])
    expect(record.diagnostics.some((diagnostic) => diagnostic.rule === 'historical-division')).toBe(true)
  })
})
