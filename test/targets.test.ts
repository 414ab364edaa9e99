import {describe, expect, test} from 'vitest'
import type {PolicyRecord, Target} from '../schemas/record.js'
import {indicatorKey} from '../pipeline/lexicon/indicator-key.js'
import {parseCellValue, parseValue} from '../pipeline/lexicon/value.js'
import {extractText, sliceAt} from './helpers/extract.js'

const head = '某市“十四五”知识产权发展规划\n\n一、发展目标\n\n'

function brief(targets: Target[]) {
  return targets.map((target) => {
    const value = target.value
    const printed =
      value === null
        ? null
        : value.kind === 'number'
          ? (value.comparator ?? '') + value.number
          : value.kind === 'range'
            ? value.min + '-' + value.max
            : value.text
    return [target.category, target.indicator, target.unit, printed, target.year, target.origin]
  })
}

function rules(record: PolicyRecord): string[] {
  return record.diagnostics.map((diagnostic) => diagnostic.rule)
}

/** Each top section's title and how many sections it holds. */
function sections(record: PolicyRecord): Array<[string, number]> {
  return record.outline.map((section) => [section.title, section.children.length])
}

describe('parseValue', () => {
  test.each([
    ['≥20', {kind: 'number', number: 20, comparator: '>='}, null],
    ['＞3500 件', {kind: 'number', number: 3500, comparator: '>'}, '件'],
    ['>85%', {kind: 'number', number: 85, comparator: '>'}, '%'],
    ['95％以上', {kind: 'number', number: 95, comparator: '>='}, '%'],
    ['不低于90%', {kind: 'number', number: 90, comparator: '>='}, '%'],
    ['不少于3个', {kind: 'number', number: 3, comparator: '>='}, '个'],
    ['超过10亿元', {kind: 'number', number: 10, comparator: '>'}, '亿元'],
    ['突破100件', {kind: 'number', number: 100, comparator: '>'}, '件'],
    ['5%以内', {kind: 'number', number: 5, comparator: '<='}, '%'],
    ['低于2%', {kind: 'number', number: 2, comparator: '<'}, '%'],
    ['200人左右', {kind: 'number', number: 200}, '人'],
    ['2-3家', {kind: 'range', min: 2, max: 3}, '家'],
    ['1—2家', {kind: 'range', min: 1, max: 2}, '家'],
    ['3～5个', {kind: 'range', min: 3, max: 5}, '个'],
    ['50%—60%', {kind: 'range', min: 50, max: 60}, '%'],
    ['8.6%', {kind: 'number', number: 8.6}, '%'],
    ['5万人', {kind: 'number', number: 5}, '万人'],
    ['10亿元', {kind: 'number', number: 10}, '亿元'],
    ['千家', {kind: 'number', number: 1000}, '家'],
    ['百分之九十', {kind: 'number', number: 90}, '%'],
    ['１６００', {kind: 'number', number: 1600}, null],
    ['1,200', {kind: 'number', number: 1200}, null],
    ['全覆盖', {kind: 'text', text: '全覆盖'}, null],
    ['达到全国先进水平', {kind: 'text', text: '达到全国先进水平'}, null]
  ])('should read `%s`', (printed, value, unit) => {
    expect(parseValue(printed)).toEqual({value, unit})
  })

  test('should give no value for dashes and blanks', () => {
    for (const printed of ['——', '—', '-', '', '/']) expect(parseValue(printed)).toBeUndefined()
  })

  test.each([
    ['≤25微克/立方米', {kind: 'number', number: 25, comparator: '<='}, '微克/立方米'],
    ['80岁', {kind: 'number', number: 80}, '岁'],
    ['6.5张', {kind: 'number', number: 6.5}, '张'],
    ['120万吨标准煤', {kind: 'number', number: 120}, '万吨标准煤'],
    ['3.5亿立方米', {kind: 'number', number: 3.5}, '亿立方米']
  ])('should read the measure `%s`', (printed, value, unit) => {
    expect(parseValue(printed)).toEqual({value, unit})
  })
})

describe('parseCellValue', () => {
  test('should read the words a target cell prints instead of a number', () => {
    for (const printed of ['完成市下达任务', '不减少', '稳中有升', '完成省下达的目标任务']) {
      expect(parseCellValue(printed)).toEqual({value: {kind: 'text', text: printed}, unit: null})
    }
  })

  test('should keep a ratio (1:1.5) as printed, not as its first number', () => {
    expect(parseCellValue('1:1.5')).toEqual({value: {kind: 'text', text: '1:1.5'}, unit: null})
    expect(parseCellValue('2：1')).toEqual({value: {kind: 'text', text: '2:1'}, unit: null})
  })

  test('should give no value for dashes, 无 and 待定, and keep numbers to parseValue', () => {
    for (const printed of ['——', '/', '无', '暂无', '待定', '']) expect(parseCellValue(printed)).toBeUndefined()
    expect(parseCellValue('≥95%')).toEqual(parseValue('≥95%'))
  })
})

describe('indicatorKey', () => {
  test('should line up wordings of the same indicator', () => {
    expect(indicatorKey('每万人口高价值发明专利拥有量')).toBe(indicatorKey('万人高价值有效发明专利拥有量'))
    expect(indicatorKey('专利密集型产业增加值占GDP比重')).toBe(indicatorKey('专利密集型产业增加值占 GDP 的比重'))
    expect(indicatorKey('全市有效注册商标量')).toBe(indicatorKey('有效注册商标数'))
  })

  test.each([
    ['研究与试验发展（R&D）经费投入强度', '全社会研发经费支出占地区生产总值比重（%）', 'R&D经费投入强度'],
    ['单位地区生产总值能耗降低', '单位GDP能耗降低（%）'],
    ['细颗粒物（PM2.5）年均浓度', 'PM2.5平均浓度'],
    ['空气质量优良天数比率', '空气质量优良天数比例'],
    ['每千人口执业（助理）医师数', '千人口执业（助理）医师数'],
    ['研发经费投入强度', 'R&D经费占GDP比重', '全社会研发投入占地区生产总值比重'],
    ['有效注册商标量', '有效注册商标总量', '全市有效注册商标数量'],
    ['PCT专利申请量', 'PCT国际专利申请量'],
    ['知识产权质押融资金额', '知识产权质押融资登记金额'],
    ['技术合同成交额', '技术合同登记成交额'],
    ['每万人口发明专利拥有量', '万人有效发明专利拥有量', '每万人口有效发明专利量'],
    ['每万人口高价值发明专利拥有量', '高价值发明专利拥有量（每万人）', '高价值发明专利拥有量(每万人口)'],
    ['PCT国际专利申请量', 'PCT专利申请数', 'PCT专利申请数量'],
    ['知识产权质押融资金额', '知识产权质押融资额', '知识产权质押融资总额', '知识产权质押融资'],
    ['技术合同成交额', '技术合同成交金额', '技术合同交易额'],
    ['马德里商标国际注册量', '马德里国际商标注册量', '马德里商标注册量', '马德里国际注册商标'],
    ['地理标志商标', '地理标志商标量', '地理标志商标注册量', '地理标志商标数', '地理标志商标总量'],
    ['注册商标总量', '注册商标数', '注册商标量'],
    ['知识产权保护社会满意度', '知识产权保护满意度', '全社会知识产权保护满意度'],
    ['知识产权服务机构数量', '知识产权服务机构', '知识产权服务机构数'],
    ['发明专利授权量', '发明专利授权数']
  ])('should line up the plan wordings of `%s`', (...wordings) => {
    expect(new Set(wordings.map(indicatorKey)).size).toBe(1)
  })

  test('should keep different scopes apart', () => {
    expect(indicatorKey('累计集成电路布图设计登记量')).not.toBe(indicatorKey('新增集成电路布图设计登记量'))
    expect(indicatorKey('万人发明专利拥有量')).not.toBe(indicatorKey('发明专利拥有量'))
    expect(indicatorKey('知识产权认知度')).not.toBe(indicatorKey('知识产权满意度'))
    expect(indicatorKey('发明专利拥有量')).not.toBe(indicatorKey('高价值发明专利拥有量'))
    expect(indicatorKey('地理标志证明商标')).not.toBe(indicatorKey('地理标志商标'))
    expect(indicatorKey('累计马德里商标注册量')).not.toBe(indicatorKey('马德里商标注册量'))
  })
})

describe('indicator tables', () => {
  test('should read a cell-per-line table, carrying the category down over empty cells', async () => {
    const text =
      head +
      '某市主要指标\n\t分类\n\t指标（单位）\n\t“十四五”发展目标\n\n\t创造\n\t有效发明专利拥有量（件）\n\t1600\n\n\t\n\t万人高价值发明专利拥有量（件）\n\t15\n\n\t服务\n\t服务机构总数（家）\n\t≥20\n'
    const record = await extractText(text)
    expect(brief(record.targets)).toEqual([
      ['创造', '有效发明专利拥有量', '件', '1600', 2025, 'table'],
      ['创造', '万人高价值发明专利拥有量', '件', '15', 2025, 'table'],
      ['服务', '服务机构总数', '家', '>=20', 2025, 'table']
    ])
    for (const target of record.targets)
      expect(sliceAt(text, target.position).replace(/\s+/g, '')).toContain(target.quote.replace(/\s+/g, ''))
  })

  test('should read a stacked table (a cell a line) and merge its rows with the same goals in prose', async () => {
    const text =
      head +
      '到2025年，每万人口高价值发明专利拥有量达到1.5件，有效注册商标总量突破18000件。\n\n表1　主要发展指标\n序号\n指标名称\n2020年\n2025年\n年均增长（%）\n属性\n1\n每万人口高价值发明专利拥有量（件）\n0.6\n1.5\n20.1\n预期性\n2\n有效注册商标总量（件）\n12056\n18000\n8.3\n预期性\n注：〔 〕内为五年累计数。\n'
    const record = await extractText(text)
    expect(brief(record.targets)).toEqual([
      [null, '每万人口高价值发明专利拥有量', '件', '1.5', 2025, 'table'],
      [null, '有效注册商标总量', '件', '>18000', 2025, 'table']
    ])
    expect(record.targets.map((target) => target.mentions.length)).toEqual([1, 1])
    expect(record.targets[0]?.baseline).toEqual({year: 2020, value: {kind: 'number', number: 0.6}})
    for (const target of record.targets)
      expect(sliceAt(text, target.position).replace(/\s+/g, '')).toContain(target.quote.replace(/\s+/g, ''))
  })

  test('should put the scale a target cell prints (2万) before the unit the row names (件)', async () => {
    const record = await extractText(
      head + '指标\t2020年\t2025年\n商标总量（件）\t1.2万\t2万\n专利拥有量（件）\t300\t500\n'
    )
    expect(brief(record.targets)).toEqual([
      [null, '商标总量', '万件', '2', 2025, 'table'],
      [null, '专利拥有量', '件', '500', 2025, 'table']
    ])
  })

  test('should read plan-period columns (“十三五”末, “十四五”末) and give a baseline without a year the year before the period', async () => {
    const text =
      '某县“十四五”知识产权规划\n\n一、发展目标\n\n序号\t指标\t“十三五”末\t“十四五”末\n1\t专利质押融资额（亿元）\t1\t3\n\n指标\t单位\t现状值\t目标值\n商标总量\t件\t12000\t18000\n'
    const record = await extractText(text)
    expect(record.targets.map((target) => [target.indicator, target.value, target.year, target.baseline])).toEqual([
      ['专利质押融资额', {kind: 'number', number: 3}, 2025, {year: 2020, value: {kind: 'number', number: 1}}],
      ['商标总量', {kind: 'number', number: 18000}, 2025, {year: 2020, value: {kind: 'number', number: 12000}}]
    ])
  })

  test('should read a tab-separated table with unit, attribute, baseline and target-year columns', async () => {
    const text =
      head +
      '指标\t单位\t2020年\t2025年\t属性\n发明专利拥有量\t件\t1800\t3100\t预期性\n技术合同成交额\t亿元\t80\t150\t约束性\n两化融合发展水平\t—\t58\t65\t预期性\n'
    const record = await extractText(text)
    expect(brief(record.targets)).toEqual([
      [null, '发明专利拥有量', '件', '3100', 2025, 'table'],
      [null, '技术合同成交额', '亿元', '150', 2025, 'table'],
      [null, '两化融合发展水平', null, '65', 2025, 'table']
    ])
    expect(record.targets[0]?.baseline).toEqual({year: 2020, value: {kind: 'number', number: 1800}})
  })

  test('should read a progress table: target, actuals by year and status', async () => {
    const text =
      head +
      '附表：主要指标完成情况\n\n\t序号\n\t内容\n\t预期目标\n\t2021年完成值\n\t2022年完成值\n\t序时进度\n\n\t1\n\t万人高价值发明专利拥有量\n\t50 件\n\t39.79\n\t48.73\n\t达到序时进度\n\n\t2\n\t版权产业增加值占 GDP 比重\n\t≥8.6%\n\t——\n\t——\n\t数据尚未公布\n'
    const record = await extractText(text)
    expect(brief(record.targets)).toEqual([
      [null, '万人高价值发明专利拥有量', '件', '50', 2025, 'table'],
      [null, '版权产业增加值占GDP比重', '%', '>=8.6', 2025, 'table']
    ])
    expect(record.targets[0]?.actuals).toEqual([
      {year: 2021, value: {kind: 'number', number: 39.79}},
      {year: 2022, value: {kind: 'number', number: 48.73}}
    ])
    expect(record.targets[0]?.status).toBe('达到序时进度')
    expect(record.targets[1]?.actuals).toEqual([])
    const progress = await extractText(
      head +
        '序号\t指标名称\t2020年基期值\t2025年目标值\t2022年完成值\t进展情况\n1\t高新技术企业数（家）\t1320\t2500\t1850\t滞后于序时进度\n'
    )
    expect(progress.targets.map((target) => [target.indicator, target.status, target.actuals.length])).toEqual([
      ['高新技术企业数', '滞后于序时进度', 1]
    ])
    // A dash in the status column is no status.
    const dashed = await extractText(
      head + '序号\t指标名称\t2025年目标值\t2022年完成值\t进展情况\n1\t质押融资登记金额（亿元）\t100\t——\t——\n'
    )
    expect(dashed.targets.map((target) => [target.indicator, target.status])).toEqual([['质押融资登记金额', null]])
  })

  test('should read the year columns inside the period of a progress report as actuals, and the year before it as the baseline', async () => {
    const tables =
      '指标\t2020年\t2021年\t2022年\t2025年\n规上工业增加值（亿元）\t200\t230\t260\t350\n\n指标\t2020年基期值\t2025年目标值\t2021年\n高新技术企业数（家）\t120\t300\t160\n'
    const record = await extractText('某市“十四五”规划中期评估报告\n\n一、主要指标完成情况\n\n' + tables)
    expect(
      record.targets.map((target) => [target.indicator, target.baseline, target.actuals.map((actual) => actual.year)])
    ).toEqual([
      ['规上工业增加值', {year: 2020, value: {kind: 'number', number: 200}}, [2021, 2022]],
      ['高新技术企业数', {year: 2020, value: {kind: 'number', number: 120}}, [2021]]
    ])
    // In a plan, the years before its last are interim targets: not actuals, and said so.
    const plan = await extractText(head + tables)
    expect(
      plan.targets.map((target) => [target.indicator, target.value, target.baseline?.year, target.actuals])
    ).toEqual([
      ['规上工业增加值', {kind: 'number', number: 350}, 2020, []],
      ['高新技术企业数', {kind: 'number', number: 300}, 2020, []]
    ])
    expect(rules(plan)).toContain('interim-targets')
    // A notice that issues a report reads the report's table as the report would.
    const issued = await extractText(
      '某市人民政府办公室关于印发《某市“十四五”规划中期评估报告》的通知\n\n各区人民政府：\n\n现印发给你们。\n\n某市人民政府办公室\n2023年5月10日\n\n某市“十四五”规划中期评估报告\n\n一、主要指标完成情况\n\n' +
        tables
    )
    expect(
      issued.targets.map((target) => [target.indicator, target.year, target.actuals.map((actual) => actual.year)])
    ).toEqual([
      ['规上工业增加值', 2025, [2021, 2022]],
      ['高新技术企业数', 2025, [2021]]
    ])
  })

  test("should read a plan's year columns still ahead when it was issued as goals of their own years, and earlier ones as interim", async () => {
    const table =
      '一、主要目标\n\n序号\t指标\t单位\t2022年（基数）\t2023年\t2024年\t2025年\n1\tPCT国际专利申请量\t件\t120\t150\t180\t200\n\n'
    const signed = (date: string) =>
      '某市知识产权强市建设三年行动计划（2023—2025年）\n\n' + table + '某市人民政府\n' + date + '\n'
    const early = await extractText(signed('2023年2月10日'))
    expect(early.targets.map((target) => [target.value, target.year, target.baseline?.year])).toEqual([
      [{kind: 'number', number: 150}, 2023, 2022],
      [{kind: 'number', number: 180}, 2024, 2022],
      [{kind: 'number', number: 200}, 2025, 2022]
    ])
    expect(rules(early)).not.toContain('interim-targets')
    // Issued late in 2023, its 2023 column is no longer ahead.
    const late = await extractText(signed('2023年11月20日'))
    expect(late.targets.map((target) => [target.value, target.year])).toEqual([
      [{kind: 'number', number: 180}, 2024],
      [{kind: 'number', number: 200}, 2025]
    ])
    expect(rules(late)).toContain('interim-targets')
  })

  test('should leave numbers and marks around an indicator name out of it', async () => {
    const record = await extractText(
      head +
        '指标\t单位\t2025年\n1．研发经费投入强度\t%\t3.5\n（2）高新技术企业数\t家\t600\n★森林覆盖率*\t%\t62\n5G基站数\t个\t1200\n'
    )
    expect(record.targets.map((target) => target.indicator)).toEqual([
      '研发经费投入强度',
      '高新技术企业数',
      '森林覆盖率',
      '5G基站数'
    ])
  })

  test('should read a 累计目标 column as the target, not as a rate', async () => {
    const record = await extractText(head + '指标\t单位\t“十四五”累计目标\n新增高新技术企业\t家\t300\n')
    expect(brief(record.targets)).toEqual([[null, '新增高新技术企业', '家', '300', 2025, 'table']])
  })

  test("should take the column of the plan's last year as the target, and a later one (2035年) as a goal of its own", async () => {
    const text =
      head + '指标\t2020年\t2025年\t2035年\n常住人口城镇化率（%）\t72\t75\t80\n人均预期寿命（岁）\t82\t—\t85\n'
    const record = await extractText(text)
    expect(brief(record.targets)).toEqual([
      [null, '常住人口城镇化率', '%', '75', 2025, 'table'],
      [null, '常住人口城镇化率', '%', '80', 2035, 'table'],
      [null, '人均预期寿命', '岁', '85', 2035, 'table']
    ])
    expect(record.targets.map((target) => target.baseline?.year)).toEqual([2020, 2020, 2020])
  })

  test('should join a header broken over two lines whose second names the columns with bare words (基数, 完成)', async () => {
    const record = await extractText(
      '某市“十四五”规划中期评估报告\n\n一、主要指标完成情况\n\n序号\t指标名称\t2020年\t2025年\t2021年\n\t\t基数\t目标\t完成\n1\t高价值发明专利拥有量（件）\t10.5\t20\t12.8\n2\tPCT专利申请量（件）\t600\t1000\t230\n'
    )
    expect(record.targets.map((target) => [target.indicator, target.value, target.actuals.length])).toEqual([
      ['高价值发明专利拥有量', {kind: 'number', number: 20}, 1],
      ['PCT专利申请量', {kind: 'number', number: 1000}, 1]
    ])
    expect(rules(record)).not.toContain('unparsed-table-row')
  })

  test('should spread a merged header name printed once (目标值) over the columns the second row names under it', async () => {
    for (const second of ['\t\t\t2020年\t2025年\t', '\t\t\t2020年\t2025年']) {
      const record = await extractText(
        head +
          '类别\t指标\t单位\t目标值\t属性\n' +
          second +
          '\n创造\t发明专利拥有量\t件\t500\t1200\t预期性\n\t商标注册量\t件\t3000\t5000\t预期性\n'
      )
      expect(
        record.targets.map((target) => [
          target.category,
          target.indicator,
          target.value,
          target.year,
          target.baseline?.value
        ])
      ).toEqual([
        ['创造', '发明专利拥有量', {kind: 'number', number: 1200}, 2025, {kind: 'number', number: 500}],
        ['创造', '商标注册量', {kind: 'number', number: 5000}, 2025, {kind: 'number', number: 3000}]
      ])
    }
  })

  test('should join a header broken over two lines', async () => {
    const text =
      head +
      '\t指标\n\t2020年\n\t2025年\n\n\t\n\t基期值\n\t目标值\n\n\t发明专利拥有量（件）\n\t1800\n\t3100\n\n\t技术合同成交额（亿元）\n\t80\n\t150\n'
    const record = await extractText(text)
    expect(brief(record.targets)).toEqual([
      [null, '发明专利拥有量', '件', '3100', 2025, 'table'],
      [null, '技术合同成交额', '亿元', '150', 2025, 'table']
    ])
  })

  test('should keep reading a table split by a page break with its header repeated', async () => {
    const text =
      head +
      '项目\t指标（单位）\t发展目标\n产出\t发明专利拥有量（件）\t3100\n\t有效注册商标量（件）\t15000\n\n- 5 -\n\n项目\t指标（单位）\t发展目标\n\t累计PCT专利申请量（件）\t200\n运用\t技术合同成交额（亿元）\t150\n'
    const record = await extractText(text)
    expect(brief(record.targets)).toEqual([
      ['产出', '发明专利拥有量', '件', '3100', 2025, 'table'],
      ['产出', '有效注册商标量', '件', '15000', 2025, 'table'],
      ['产出', '累计PCT专利申请量', '件', '200', 2025, 'table'],
      ['运用', '技术合同成交额', '亿元', '150', 2025, 'table']
    ])
  })

  test('should start another table at a header of its own (维度 / 具体指标 / 现状值 / 目标值), not go on with the one before', async () => {
    const text =
      head +
      '领域\t主要指标\t计量单位\t2020年\t2025年\n创新\t研发投入强度\t%\t2.5\t3.0\n\n维度\t具体指标\t现状值\t目标值\n保护\t知识产权保护满意度（分）\t80\t85\n'
    const record = await extractText(text)
    expect(brief(record.targets)).toEqual([
      ['创新', '研发投入强度', '%', '3', 2025, 'table'],
      ['保护', '知识产权保护满意度', '分', '85', 2025, 'table']
    ])
    expect(record.diagnostics.map((diagnostic) => diagnostic.rule)).not.toContain('unparsed-table-row')
  })

  test('should read a Markdown table', async () => {
    const text =
      '# 某市“十四五”知识产权发展规划\n\n## 一、发展目标\n\n| 类别 | 指标 | 目标值 |\n| --- | --- | --- |\n| 创造 | 发明专利拥有量（件） | 3100 |\n|  | 地理标志（件） | 4 |\n'
    const record = await extractText(text, 'markdown')
    expect(brief(record.targets)).toEqual([
      ['创造', '发明专利拥有量', '件', '3100', 2025, 'table'],
      ['创造', '地理标志', '件', '4', 2025, 'table']
    ])
  })

  test('should read physical measures and word targets of a 约束性 table', async () => {
    const text =
      head +
      '指标\t单位\t2020年\t2025年\t属性\nPM2.5平均浓度\t微克/立方米\t26\t≤25\t约束性\n单位GDP二氧化碳排放降低\t%\t—\t完成市下达任务\t约束性\n生态保护红线面积\t平方公里\t不减少\t不减少\t约束性\n'
    const record = await extractText(text)
    expect(brief(record.targets)).toEqual([
      [null, 'PM2.5平均浓度', '微克/立方米', '<=25', 2025, 'table'],
      [null, '单位GDP二氧化碳排放降低', '%', '完成市下达任务', 2025, 'table'],
      [null, '生态保护红线面积', '平方公里', '不减少', 2025, 'table']
    ])
    expect(record.targets.map((target) => target.baseline?.value ?? null)).toEqual([
      {kind: 'number', number: 26},
      null,
      {kind: 'text', text: '不减少'}
    ])
    expect(rules(record)).not.toContain('missing-target-value')
  })

  test('should take the target of a 纲要 row from its 年均增长〔累计〕 column only when the year column prints none', async () => {
    const text =
      head +
      '序号\t指标\t2020年\t2025年\t年均增长〔累计〕\t属性\n1\t地区生产总值（亿元）\t487\t800\t7%左右\t预期性\n2\t单位地区生产总值能耗降低（%）\t—\t—\t〔13.5〕\t约束性\n3\t单位地区生产总值二氧化碳排放降低（%）\t—\t—\t完成市下达任务\t约束性\n'
    const record = await extractText(text)
    expect(brief(record.targets)).toEqual([
      [null, '地区生产总值', '亿元', '800', 2025, 'table'],
      [null, '单位地区生产总值能耗降低', '%', '13.5', 2025, 'table'],
      [null, '单位地区生产总值二氧化碳排放降低', '%', '完成市下达任务', 2025, 'table']
    ])
  })

  test('should keep a row without value as a target with a diagnostic, and leave other tables unread with a note', async () => {
    const text =
      head +
      '指标\t目标值\n版权登记量（件）\t——\n\n二、任务分工\n\n任务\t牵头单位\n专利导航\t市知识产权局\n运营平台\t市科技局\n'
    const record = await extractText(text)
    expect(brief(record.targets)).toEqual([[null, '版权登记量', '件', null, 2025, 'table']])
    expect(rules(record)).toEqual(expect.arrayContaining(['missing-target-value', 'unread-table']))
  })
})

describe('goals in prose and 专栏', () => {
  test('should read goals of the goals section, with year from the sentence or the intro', async () => {
    const text =
      head +
      '到2025年，知识产权综合实力显著增强。\n\n——有效发明专利拥有量达1600件，地理标志商标达2件以上，知识产权案件年结案率达95％以上。\n\n——培育和扶持2家以上具有国际化视野的企业“走出去”，新增服务载体2-3家，服务企业达到千家。\n\n——力争到2023年，实现全市镇区维权援助工作站全覆盖。\n'
    const record = await extractText(text)
    expect(brief(record.targets)).toEqual([
      [null, '有效发明专利拥有量', '件', '1600', 2025, 'text'],
      [null, '地理标志商标', '件', '>=2', 2025, 'text'],
      [null, '知识产权案件年结案率', '%', '>=95', 2025, 'text'],
      [null, '企业“走出去”', '家', '>=2', 2025, 'text'],
      [null, '新增服务载体', '家', '2-3', 2025, 'text'],
      [null, '服务企业', '家', '1000', 2025, 'text'],
      [null, '镇区维权援助工作站', null, '全覆盖', 2023, 'text']
    ])
  })

  test('should name a goal whose clause holds only a verb by what the same verb took before in the sentence, put 新增 first (or keep it before a noun after the value) and leave 实现 and 完成 out', async () => {
    const record = await extractText(
      head +
        '到2025年，支持重点企业建设高价值专利培育中心，累计建设5家；实施专利导航项目，新增8项；省贯标企业新增100家。\n'
    )
    expect(brief(record.targets)).toEqual([
      [null, '高价值专利培育中心', '家', '5', 2025, 'text'],
      [null, '新增专利导航项目', '项', '8', 2025, 'text'],
      [null, '新增省贯标企业', '家', '100', 2025, 'text']
    ])
    const completed = await extractText(head + '到2025年，知识产权运营交易额累计完成50亿元。\n')
    expect(brief(completed.targets)).toEqual([[null, '知识产权运营交易额', '亿元', '50', 2025, 'text']])
    // A scope verb before the value stays with the noun after it.
    const counted = await extractText(
      head + '到2025年，新增5项地理标志证明商标，组织开展培训50场次以上，培育示范企业20余家。\n'
    )
    expect(brief(counted.targets)).toEqual([
      [null, '新增地理标志证明商标', '项', '5', 2025, 'text'],
      [null, '培训', '场次', '>=50', 2025, 'text'],
      [null, '示范企业', '家', '>20', 2025, 'text']
    ])
    expect(rules(counted)).not.toContain('unread-goal-number')
    // A number the goals do not read is said so.
    const unread = await extractText(head + '到2025年，发明专利拥有量达到1000件，专利实施率为45.5。\n')
    expect(
      unread.diagnostics
        .filter((diagnostic) => diagnostic.rule === 'unread-goal-number')
        .map((diagnostic) => diagnostic.message)
    ).toEqual(['Number in a goal statement not read as a target: `45.5`'])
    const achieved = await extractText(
      head + '到2025年，专利产业化率达到45%。其中，2023年实现专利转让许可1000次以上，2024年达到1500次。\n'
    )
    expect(brief(achieved.targets).slice(1)).toEqual([
      [null, '专利转让许可', '次', '>=1000', 2023, 'text'],
      [null, '专利转让许可', '次', '1500', 2024, 'text']
    ])
  })

  test('should line up a goal restated in another scale of its unit (6万件 and 60000件, 5000万元 and 0.5亿元)', async () => {
    const text =
      head +
      '到2025年，有效注册商标总量突破6万件，知识产权质押融资金额达到5000万元，专利授权量达到6万件。\n\n指标\t2020年\t2025年\n有效注册商标总量（件）\t38000\t60000\n知识产权质押融资金额（亿元）\t0.2\t0.5\n专利授权量（件）\t30000\t6\n'
    const record = await extractText(text)
    expect(brief(record.targets)).toEqual([
      [null, '专利授权量', '万件', '6', 2025, 'text'],
      [null, '有效注册商标总量', '件', '>60000', 2025, 'table'],
      [null, '知识产权质押融资金额', '亿元', '0.5', 2025, 'table'],
      [null, '专利授权量', '件', '6', 2025, 'table']
    ])
    expect(record.targets.map((target) => target.mentions.length)).toEqual([0, 1, 1, 0])
  })

  test('should read goals measured in physical units, and line them up with the table', async () => {
    const text =
      head +
      '指标\t单位\t2025年\nPM2.5平均浓度\t微克/立方米\t≤25\n\n到2025年，PM2.5平均浓度控制在25微克/立方米以内，人均预期寿命达到80岁，每千人口医疗卫生机构床位数达到6.5张。\n'
    const record = await extractText(text)
    expect(brief(record.targets)).toEqual([
      [null, 'PM2.5平均浓度', '微克/立方米', '<=25', 2025, 'table'],
      [null, '人均预期寿命', '岁', '80', 2025, 'text'],
      [null, '每千人口医疗卫生机构床位数', '张', '6.5', 2025, 'text']
    ])
    const thousands = await extractText(
      head + '到2025年，全市地区生产总值达到1,500亿元，常住人口达到120万人，数字经济占比达到50%—60%。\n'
    )
    expect(brief(thousands.targets)).toEqual([
      [null, '地区生产总值', '亿元', '1500', 2025, 'text'],
      [null, '常住人口', '万人', '120', 2025, 'text'],
      [null, '数字经济占比', '%', '50-60', 2025, 'text']
    ])
    const scaled = await extractText(head + '到2025年，地区生产总值突破千亿元，培育十亿元级企业5家。\n')
    expect(brief(scaled.targets)).toEqual([
      [null, '地区生产总值', '亿元', '>1000', 2025, 'text'],
      [null, '十亿元级企业', '家', '5', 2025, 'text']
    ])
    const levels = await extractText(head + '到2025年，万元GDP能耗下降到0.45吨标准煤，平均通勤时间缩短至40分钟以内。\n')
    expect(brief(levels.targets)).toEqual([
      [null, '万元GDP能耗', '吨标准煤', '0.45', 2025, 'text'],
      [null, '平均通勤时间', '分钟', '<=40', 2025, 'text']
    ])
    const changed = await extractText(head + '到2025年，单位GDP能耗比2020年下降15%，碳排放强度较2020年末降低18%。\n')
    expect(brief(changed.targets)).toEqual([
      [null, '单位GDP能耗', '%', '15', 2025, 'text'],
      [null, '碳排放强度', '%', '18', 2025, 'text']
    ])
    expect(changed.targets.map((target) => target.measure)).toEqual(['decrease', 'decrease'])
    expect(levels.targets.map((target) => target.measure)).toEqual(['level', 'level'])
    expect(record.targets[0]?.mentions).toHaveLength(1)
  })

  test('should read full-width digits as ASCII digits, positions still pointing at the source', async () => {
    const text = head + '到２０２５年，有效发明专利拥有量达到１６００件，案件结案率达到９５．５％以上。\n'
    const record = await extractText(text)
    expect(brief(record.targets)).toEqual([
      [null, '有效发明专利拥有量', '件', '1600', 2025, 'text'],
      [null, '案件结案率', '%', '>=95.5', 2025, 'text']
    ])
    expect(sliceAt(text, record.targets[0]!.position)).toBe('有效发明专利拥有量达到１６００件')
    expect(record.deadlines.map((deadline) => deadline.year)).toEqual([2025])
    // What the record quotes reads as printed; values stay numbers.
    expect(record.targets.map((target) => target.quote)).toEqual([
      '有效发明专利拥有量达到１６００件',
      '案件结案率达到９５．５％以上'
    ])
    expect(record.deadlines[0]?.text).toBe(
      '到２０２５年，有效发明专利拥有量达到１６００件，案件结案率达到９５．５％以上。'
    )
    expect(rules(record)).toContain('full-width-digits')
  })

  // Goals read from one statement of the goals section: what the text says, and the targets it gives.
  test.each<[string, string, ReturnType<typeof brief>]>([
    [
      'should keep 万 and 亿 of a Chinese numeral in the unit, as of Arabic digits',
      '到2025年，服务企业达到三千家，培训人员超过两万人，质押融资额突破一百亿元。\n',
      [
        [null, '服务企业', '家', '3000', 2025, 'text'],
        [null, '培训人员', '万人', '>2', 2025, 'text'],
        [null, '质押融资额', '亿元', '>100', 2025, 'text']
      ]
    ],
    [
      'should read a ratio or an index brought to a level without a unit',
      '到2025年，城乡居民收入比缩小到1.9，知识产权发展综合指数达到85以上，恩格尔系数降至28。\n\n——保护指数达到3级。\n',
      [
        [null, '城乡居民收入比', null, '1.9', 2025, 'text'],
        [null, '知识产权发展综合指数', null, '>=85', 2025, 'text'],
        [null, '恩格尔系数', null, '28', 2025, 'text']
      ]
    ],
    [
      'should pair indicators with their values in order after 分别',
      '到2025年，全县发明专利拥有量、有效注册商标量和地理标志商标分别达到300件、2万件和5件，专利代理机构达到10家。\n',
      [
        [null, '发明专利拥有量', '件', '300', 2025, 'text'],
        [null, '有效注册商标量', '万件', '2', 2025, 'text'],
        [null, '地理标志商标', '件', '5', 2025, 'text'],
        [null, '专利代理机构', '家', '10', 2025, 'text']
      ]
    ],
    [
      'should leave the verb that holds a level (保持, 维持, 稳定在) out of the indicator',
      '到2025年，农村生活垃圾集中收运率保持100%，耕地保有量维持在80万亩以上，粮食总产量稳定在120万吨。\n',
      [
        [null, '农村生活垃圾集中收运率', '%', '100', 2025, 'text'],
        [null, '耕地保有量', '万亩', '>=80', 2025, 'text'],
        [null, '粮食总产量', '万吨', '120', 2025, 'text']
      ]
    ],
    [
      'should take the noun after a value that opens with a verb, joined by 的 or not',
      '到2025年，建成3个知识产权保护工作站，实现100%的规上企业知识产权管理全覆盖。\n',
      [
        [null, '知识产权保护工作站', '个', '3', 2025, 'text'],
        [null, '规上企业知识产权管理全覆盖', '%', '100', 2025, 'text']
      ]
    ],
    [
      'should leave the first of two joined verbs (达到并保持在) out of the indicator',
      '到2025年，知识产权保护社会满意度达到并保持在85分以上，专利代理机构达到或超过20家。\n',
      [
        [null, '知识产权保护社会满意度', '分', '>=85', 2025, 'text'],
        [null, '专利代理机构', '家', '>20', 2025, 'text']
      ]
    ],
    [
      "should leave a level's reckoning (年均达到, 合计达到) out of the indicator, and keep a yearly change (年均增长) in it",
      '到2025年，知识产权质押融资金额年均达到20亿元，专利转让许可次数每年达到3000次，PCT专利申请量年均增长10%，专利、商标质押融资额合计达到30亿元。\n',
      [
        [null, '知识产权质押融资金额', '亿元', '20', 2025, 'text'],
        [null, '专利转让许可次数', '次', '3000', 2025, 'text'],
        [null, 'PCT专利申请量年均增长', '%', '10', 2025, 'text'],
        [null, '专利、商标质押融资额', '亿元', '30', 2025, 'text']
      ]
    ],
    [
      'should give a clause that states only a change or only a level the subject of the goal before it, within the sentence',
      '到2025年，农业总产值达到260亿元，年均增长7%；规上企业营收突破500亿元。年均增长6%以上。技术合同成交额年均增长15%，到2025年达到80亿元；高新技术企业数量较2020年翻一番，达到600家。\n',
      [
        [null, '农业总产值', '亿元', '260', 2025, 'text'],
        [null, '农业总产值年均增长', '%', '7', 2025, 'text'],
        [null, '规上企业营收', '亿元', '>500', 2025, 'text'],
        [null, '技术合同成交额年均增长', '%', '15', 2025, 'text'],
        [null, '技术合同成交额', '亿元', '80', 2025, 'text'],
        [null, '高新技术企业数量', null, '翻一番', 2025, 'text'],
        [null, '高新技术企业数量', '家', '600', 2025, 'text']
      ]
    ],
    [
      'should keep a bound inside a name in the name, and a scale with its counter in the unit',
      '到2025年，每千人口拥有3岁以下婴幼儿托位数4.5个，新增学位1.2万个，人均预期寿命达到80岁以上，投资亿元以上项目达到50个。\n',
      [
        [null, '每千人口拥有3岁以下婴幼儿托位数', '个', '4.5', 2025, 'text'],
        [null, '新增学位', '万个', '1.2', 2025, 'text'],
        [null, '人均预期寿命', '岁', '>=80', 2025, 'text'],
        [null, '投资亿元以上项目', '个', '50', 2025, 'text']
      ]
    ],
    [
      'should read measures with a scale, a 其中 clause (its level completed by the noun before), and leave 实现 and 力争 out of the indicator',
      '到2025年，综合交通网总里程达到1.2万公里，其中高速公路里程突破800公里；港口货物吞吐量达到2.5亿吨，公交站点500米覆盖率实现100%，建制村通双车道比例力争达到60%；新增省级以上研发机构30家，其中国家级5家。\n',
      [
        [null, '综合交通网总里程', '万公里', '1.2', 2025, 'text'],
        [null, '高速公路里程', '公里', '>800', 2025, 'text'],
        [null, '港口货物吞吐量', '亿吨', '2.5', 2025, 'text'],
        [null, '公交站点500米覆盖率', '%', '100', 2025, 'text'],
        [null, '建制村通双车道比例', '%', '60', 2025, 'text'],
        [null, '新增省级以上研发机构', '家', '30', 2025, 'text'],
        [null, '国家级研发机构', '家', '5', 2025, 'text']
      ]
    ],
    [
      'should leave the span of a total out before the change it totals (五年累计下降)',
      '到2025年，单位GDP能耗五年累计下降14%，研发投入“十四五”期间累计增长30%。\n',
      [
        [null, '单位GDP能耗', '%', '14', 2025, 'text'],
        [null, '研发投入', '%', '30', 2025, 'text']
      ]
    ],
    [
      'should leave an aside bracket, 其中, and the span of a total (五年累计) out of the indicator',
      '每万人口发明专利拥有量达到35件以上（其中高价值发明专利拥有量达到15件），知识产权质押融资金额五年累计达到50亿元，技术合同成交额“十四五”期间累计突破200亿元。\n',
      [
        [null, '每万人口发明专利拥有量', '件', '>=35', 2025, 'text'],
        [null, '高价值发明专利拥有量', '件', '15', 2025, 'text'],
        [null, '知识产权质押融资金额', '亿元', '50', 2025, 'text'],
        [null, '技术合同成交额', '亿元', '>200', 2025, 'text']
      ]
    ],
    [
      'should read every word value the value expressions know, 动态清零, 翻番 and 零的突破 included',
      '——实现全县农村低保对象应保尽保，疫情防控动态清零，高新技术企业数量比2020年实现翻番，实施科技企业倍增计划，商标注册量实现倍增，知识产权质押融资额较“十三五”末翻一番，马德里国际商标注册量实现零的突破。\n',
      [
        [null, '农村低保对象', null, '应保尽保', 2025, 'text'],
        [null, '疫情防控', null, '动态清零', 2025, 'text'],
        [null, '高新技术企业数量', null, '翻番', 2025, 'text'],
        [null, '商标注册量', null, '倍增', 2025, 'text'],
        [null, '知识产权质押融资额', null, '翻一番', 2025, 'text'],
        [null, '马德里国际商标注册量', null, '零的突破', 2025, 'text']
      ]
    ]
  ])('%s', async (_name, text, expected) => {
    expect(brief((await extractText(head + text)).targets)).toEqual(expected)
  })

  test('should take the second value of a change from one level to another as the goal, the first as its baseline', async () => {
    const record = await extractText(
      head +
        '到2025年，每万人口高价值发明专利拥有量由2020年的3.1件提高到6件，有效注册商标总量从2.1万件增加到3万件，质押融资额由2020年的12亿元增长至2025年的30亿元。\n'
    )
    expect(brief(record.targets)).toEqual([
      [null, '每万人口高价值发明专利拥有量', '件', '6', 2025, 'text'],
      [null, '有效注册商标总量', '万件', '3', 2025, 'text'],
      [null, '质押融资额', '亿元', '30', 2025, 'text']
    ])
    expect(record.targets.map((target) => target.baseline)).toEqual([
      {year: 2020, value: {kind: 'number', number: 3.1}},
      null,
      {year: 2020, value: {kind: 'number', number: 12}}
    ])
    expect(record.targets[0]?.quote).toBe('每万人口高价值发明专利拥有量由2020年的3.1件提高到6件')
  })

  test('should read goals listed as an indicator and its value after a colon, the numbered items no headings', async () => {
    const text =
      '某市“十四五”知识产权发展规划\n\n二、主要指标\n\n到2025年，主要指标如下：\n\n1．每万人口高价值发明专利拥有量：12件（预期性）；\n\n2．知识产权质押融资金额：累计50亿元；\n\n（3）知识产权保护社会满意度：85分以上。\n\n三、主要任务\n\n（一）加强创造。\n'
    const record = await extractText(text)
    expect(brief(record.targets)).toEqual([
      [null, '每万人口高价值发明专利拥有量', '件', '12', 2025, 'text'],
      [null, '知识产权质押融资金额', '亿元', '50', 2025, 'text'],
      [null, '知识产权保护社会满意度', '分', '>=85', 2025, 'text']
    ])
    expect(sections(record)).toEqual([
      ['主要指标', 0],
      ['主要任务', 1]
    ])
    // A year after the colon is a heading's run-in body, not a value.
    const dated = await extractText('某市规划\n\n一、发展目标：2025年\n\n发明专利拥有量达到1000件。\n')
    expect(dated.outline.map((section) => section.title)).toEqual(['发展目标'])
  })

  test('should read numbered goals whose first clause states a level as items, not headings, each line its own', async () => {
    const text =
      '某县“十四五”知识产权发展规划\n\n一、发展目标\n到2025年，主要目标如下：\n（一）创造质量明显提升，每万人口高价值发明专利拥有量达到10件\n（二）运用效益更加显著，知识产权质押融资额累计达到5亿元。\n1．服务机构达到10家\n\n二、主要任务\n（一）加强知识产权保护\n'
    const record = await extractText(text)
    expect(brief(record.targets)).toEqual([
      [null, '每万人口高价值发明专利拥有量', '件', '10', 2025, 'text'],
      [null, '知识产权质押融资额', '亿元', '5', 2025, 'text'],
      [null, '服务机构', '家', '10', 2025, 'text']
    ])
    expect(sections(record)).toEqual([
      ['发展目标', 0],
      ['主要任务', 1]
    ])
  })

  test("should leave a symbol font's bullet (a private-use character from Word's Wingdings) out of the indicator", async () => {
    const record = await extractText(
      head + '到2025年：\n\n\uf06c每万人口高价值发明专利拥有量达到12件；\n\n\uf0d8知识产权质押融资金额达到30亿元。\n'
    )
    expect(record.targets.map((target) => target.indicator)).toEqual([
      '每万人口高价值发明专利拥有量',
      '知识产权质押融资金额'
    ])
  })

  test('should leave the enumerators of a sentence (一是, （一）, ①) out of the indicator', async () => {
    const record = await extractText(
      head +
        '到2025年，一是每万人口高价值发明专利拥有量达到12件；二是PCT专利申请量突破500件；（三）商标总量达到5万件；①专利授权量达到5000件。\n'
    )
    expect(record.targets.map((target) => target.indicator)).toEqual([
      '每万人口高价值发明专利拥有量',
      'PCT专利申请量',
      '商标总量',
      '专利授权量'
    ])
  })

  test('should not take the definitions under a table (2．X是指…) as goals, its number spaced apart or not', async () => {
    for (const marker of ['2．', '2.', ' 2 . ']) {
      const record = await extractText(
        head +
          '到2025年，高价值发明专利拥有量达到1000件。\n\n注：\n\n' +
          marker +
          '高价值发明专利是指符合下列条件的有效发明专利：一是战略性新兴产业的专利；三是维持年限超过10年的专利。\n'
      )
      expect(record.targets.map((target) => target.indicator)).toEqual(['高价值发明专利拥有量'])
    }
  })

  test('should take numbers of the task sections as task targets, and past statistics as none', async () => {
    const text =
      head +
      '“十三五”期间，全市专利授权达4731件。\n\n到2025年，有效发明专利拥有量达1600件。\n\n二、重点任务\n\n到2025年，建设专利导航项目20项。\n'
    const record = await extractText(
      text.replace('“十三五”期间', '一、发展基础\n\n“十三五”期间').replace(head, '某市“十四五”知识产权发展规划\n\n')
    )
    expect(brief(record.targets)).toEqual([[null, '专利导航项目', '项', '20', 2025, 'task']])
    const goals = await extractText(
      head +
        '到2025年，有效发明专利拥有量达1600件。\n\n二、重点任务\n\n到2025年，建设专利导航项目20项。截至2022年底，已建成专利导航项目8项。\n'
    )
    expect(brief(goals.targets)).toEqual([
      [null, '有效发明专利拥有量', '件', '1600', 2025, 'text'],
      [null, '专利导航项目', '项', '20', 2025, 'task']
    ])
  })

  test('should make a goal stated in the table and again in prose or a 专栏 one target with mentions', async () => {
    const text =
      head +
      '全社会知识产权认知度超过80%，权利人满意度超过80%，知识产权质押融资金额累计超过10亿元。\n\n指标\t目标值\n全社会知识产权认知度\t80%\n全社会知识产权保护满意度\t80%\n知识产权质押融资登记金额（亿元）\t10\n\n二、重点任务\n\n\t专栏1：金融创新工程\n\n\t扩大质押贷款规模。\n\n截止2025年，质押融资登记金额累计达10亿元，企业知识产权总监50人。\n'
    const record = await extractText(text)
    expect(brief(record.targets)).toEqual([
      [null, '权利人满意度', '%', '>80', 2025, 'text'],
      [null, '全社会知识产权认知度', '%', '>80', 2025, 'table'],
      [null, '全社会知识产权保护满意度', '%', '80', 2025, 'table'],
      [null, '知识产权质押融资登记金额', '亿元', '>10', 2025, 'table'],
      [null, '企业知识产权总监', '人', '50', 2025, 'column']
    ])
    const pledge = record.targets.find((target) => target.indicator === '知识产权质押融资登记金额')
    expect(pledge?.mentions.map((mention) => mention.origin)).toEqual(['text', 'column'])
    expect(record.targets.at(-1)?.column).toBe('c1')
  })
})

describe('goal sections', () => {
  test.each([
    '二、发展目标与主要指标',
    '（二）主要目标',
    '第二节 总体目标',
    '三、目标任务',
    '（一）2025年目标',
    '二、发展目标与指标体系',
    '（二）目标指标',
    '三、主要指标'
  ])('should read goals under `%s`', async (heading) => {
    const next = heading.startsWith('第')
      ? '第三节 重点任务'
      : heading.startsWith('（')
        ? '（三）重点任务'
        : '四、重点任务'
    const record = await extractText(
      '某市“十四五”规划\n\n' +
        heading +
        '\n\n到2025年，有效发明专利拥有量达1600件。\n\n' +
        next +
        '\n\n建设专利导航项目20项。\n'
    )
    expect(record.targets.map((target) => [target.indicator, target.origin])).toEqual([
      ['有效发明专利拥有量', 'text'],
      ['专利导航项目', 'task']
    ])
  })

  test('should give goals without a year of their own the year their section names', async () => {
    const text =
      '某县知识产权强县建设规划（2021—2030年）\n\n二、发展目标\n\n（一）近期目标（2021—2025年）\n\n有效发明专利拥有量达到500件。\n\n（二）远期目标\n\n有效发明专利拥有量达到1000件。\n\n（三）到2035年\n\n1．远景\n\n商标总量达到5万件。\n'
    const record = await extractText(text)
    expect(record.targets.map((target) => [target.value, target.year])).toEqual([
      [{kind: 'number', number: 500}, 2025],
      [{kind: 'number', number: 1000}, 2030],
      [{kind: 'number', number: 5}, 2035]
    ])
  })

  test('should date a table whose target column names no year by the sentence that opens its section, when the plan names no period', async () => {
    const text =
      '关于强化知识产权保护的实施方案\n\n一、工作目标\n\n到2024年，知识产权保护体系更加完善。具体目标如下：\n\n序号\t指标\t单位\t目标值\n1\t知识产权保护社会满意度\t分\t≥82\n2\t专利侵权纠纷案件结案率\t%\t95\n\n二、主要任务\n\n（一）加强行政保护。\n'
    const record = await extractText(text)
    expect(record.period).toBeNull()
    expect(brief(record.targets)).toEqual([
      [null, '知识产权保护社会满意度', '分', '>=82', 2024, 'table'],
      [null, '专利侵权纠纷案件结案率', '%', '95', 2024, 'table']
    ])
  })

  test('should give the goals of numbered subsections the year the section opens with, not the period end', async () => {
    const text =
      '某市人民政府关于加快推进知识产权强市建设的实施意见\n\n为贯彻《知识产权强国建设纲要（2021—2035年）》，提出如下意见。\n\n一、总体目标\n\n到2025年，知识产权强市建设走在全省前列。具体目标是：\n\n（一）质量效益大幅提升。每万人口高价值发明专利拥有量达到30件。\n\n（二）保护水平持续提高。知识产权保护社会满意度达到85分以上。\n\n到2035年，知识产权综合竞争力跻身全国前列。\n\n二、重点任务\n\n（一）强化创造。\n'
    const record = await extractText(text)
    expect(record.period?.end).toBe(2035)
    expect(record.targets.map((target) => [target.indicator, target.year])).toEqual([
      ['每万人口高价值发明专利拥有量', 2025],
      ['知识产权保护社会满意度', 2025]
    ])
    // A subsection whose title names a year of its own keeps it.
    const staged = await extractText(
      '某县知识产权强县建设规划（2021—2025年）\n\n三、发展目标\n\n到2025年，知识产权综合实力显著提升。\n\n（一）近期目标（2021—2023年）\n\n有效发明专利拥有量达到500件。\n\n（二）中期目标\n\n有效发明专利拥有量达到800件。\n'
    )
    expect(staged.targets.map((target) => target.year)).toEqual([2023, 2025])
  })

  test('should take only the goal subsection of a section that names goals among other things', async () => {
    const text =
      '某市“十四五”知识产权发展规划\n\n二、指导思想、基本原则和发展目标\n\n（一）指导思想\n\n坚持把新发展理念贯穿始终，服务企业达到100家。\n\n（二）发展目标\n\n到2025年，有效发明专利拥有量达到1600件。\n'
    const record = await extractText(text)
    expect(record.targets.map((target) => [target.indicator, target.section])).toEqual([['有效发明专利拥有量', 's1.2']])
  })

  test('should read the goals of a 总体要求 section without a goals subsection from its paragraphs that open with the year', async () => {
    const text =
      '关于加快知识产权强市建设的实施意见\n\n一、总体要求\n\n坚持创新驱动，服务企业达到100家。\n\n到2025年，全市每万人口高价值发明专利拥有量达到10件，知识产权质押融资金额达到50亿元。\n\n二、重点任务\n\n到2025年，建成培育中心5家。\n\n三、发展目标和重点指标\n\n有效注册商标量达到3万件。\n'
    const record = await extractText(text)
    expect(record.targets.map((target) => [target.indicator, target.section, target.origin])).toEqual([
      ['服务企业', 's1', 'task'],
      ['每万人口高价值发明专利拥有量', 's1', 'text'],
      ['知识产权质押融资金额', 's1', 'text'],
      ['培育中心', 's2', 'task'],
      ['有效注册商标量', 's3', 'text']
    ])
  })

  test("should read no goal under 指导思想, and those under 坚持目标导向 or 完善统计指标 as task goals, not the goals part's", async () => {
    const record = await extractText(
      '某市“十四五”规划\n\n一、指导思想\n\n坚持目标导向，建设专利导航项目20项。\n\n二、坚持目标导向\n\n培育企业30家。\n\n三、完善统计指标\n\n新增统计人员20人。\n'
    )
    expect(record.targets.map((target) => [target.indicator, target.origin])).toEqual([['新增统计人员', 'task']])
  })
})

describe('category rows', () => {
  test('should read a category printed on its own row across the table', async () => {
    const text =
      head +
      '指标\t单位\t2025年\t属性\n一、创新驱动\n研发经费投入强度\t%\t3.5\t预期性\n发明专利拥有量\t件\t3100\t预期性\n二、开放合作\n实际使用外资\t亿美元\t20\t预期性\n'
    const record = await extractText(text)
    expect(brief(record.targets)).toEqual([
      ['创新驱动', '研发经费投入强度', '%', '3.5', 2025, 'table'],
      ['创新驱动', '发明专利拥有量', '件', '3100', 2025, 'table'],
      ['开放合作', '实际使用外资', '亿美元', '20', 2025, 'table']
    ])
    expect(record.outline.map((section) => section.title)).toEqual(['发展目标'])
  })

  test('should read a category row in a cell-per-line table', async () => {
    const text =
      head +
      '\t指标\n\t单位\n\t目标值\n\n\t创新驱动\n\n\t研发经费投入强度\n\t%\n\t3.5\n\n\t发明专利拥有量\n\t件\n\t3100\n'
    const record = await extractText(text)
    expect(brief(record.targets)).toEqual([
      ['创新驱动', '研发经费投入强度', '%', '3.5', 2025, 'table'],
      ['创新驱动', '发明专利拥有量', '件', '3100', 2025, 'table']
    ])
  })
})
