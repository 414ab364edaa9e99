import {describe, expect, test} from 'vitest'
import {splitOrgans} from '../pipeline/lexicon/front.js'
import {extractText, sliceAt} from './helpers/extract.js'

const notice = [
  '',
  '溧阳市人民政府办公室文件',
  '',
  '溧政办发〔2022〕71号',
  '',
  '市政府办公室关于印发 《溧阳市“十四五”知识产权发展规划》的通知',
  '',
  '各镇（街道）人民政府（办事处），市各委办局：',
  '',
  '《溧阳市“十四五”知识产权发展规划》已经审议通过，现印发给你们，请认真贯彻落实。',
  '',
  '溧阳市人民政府办公室',
  '',
  '2022年12月30日',
  '',
  '(此件公开发布)',
  '',
  '溧阳市“十四五”知识产权发展规划',
  '',
  '一、发展基础',
  '',
  '根据《江苏省知识产权促进和保护条例》（苏政发〔2021〕5号），编制本规划。',
  '',
  '抄送：市委办，市人大办、政协办。',
  '',
  '溧阳市人民政府办公室',
  '',
  '2023年1月3日印发',
  ''
].join('\n')

describe('header extraction', () => {
  test('should read masthead, number, title, recipients, signature, dates and 版记', async () => {
    const record = await extractText(notice)
    expect(record.kind).toBe('notice')
    expect(record.title?.text).toBe('市政府办公室关于印发《溧阳市“十四五”知识产权发展规划》的通知')
    expect(record.docNumber).toMatchObject({text: '溧政办发〔2022〕71号', agency: '溧政办发', year: 2022, serial: 71})
    expect(record.issuers.map((issuer) => issuer.name)).toEqual(['溧阳市人民政府办公室'])
    expect(record.date?.value).toBe('2022-12-30')
    expect(record.printDate?.value).toBe('2023-01-03')
    expect(record.recipients.map((recipient) => recipient.name)).toEqual([
      '各镇（街道）人民政府（办事处）',
      '市各委办局'
    ])
    expect(record.cc.map((organ) => organ.name)).toEqual(['市委办', '市人大办', '政协办'])
    expect(record.publicity?.text).toBe('(此件公开发布)')
    expect(record.enclosed?.title).toBe('溧阳市“十四五”知识产权发展规划')
    expect(sliceAt(notice, record.enclosed!.position)).toBe('溧阳市“十四五”知识产权发展规划')
    expect(record.jurisdiction).toMatchObject({
      name: '溧阳市',
      level: 'county',
      city: '常州市',
      province: '江苏省',
      code: '320481'
    })
    expect(record.period).toEqual({start: 2021, end: 2025, label: '十四五'})
    expect(sliceAt(notice, record.docNumber!.position)).toBe('溧政办发〔2022〕71号')
  })

  test('should attach a 文号 printed after a citation to the reference', async () => {
    const record = await extractText(notice)
    expect(record.references).toContainEqual(
      expect.objectContaining({title: '江苏省知识产权促进和保护条例', documentNumber: '苏政发〔2021〕5号'})
    )
  })

  test('should join a title wrapped over two lines and take joint issuers in order', async () => {
    const text =
      '中共南京市委 南京市人民政府关于印发\n《南京市知识产权强市建设纲要（2021—2035年）》的通知\n\n各区党委和人民政府：\n\n现将纲要印发给你们。\n\n中共南京市委\n南京市人民政府\n\n二〇二二年十二月二十八日\n'
    const record = await extractText(text)
    expect(record.title?.text).toBe(
      '中共南京市委南京市人民政府关于印发《南京市知识产权强市建设纲要（2021—2035年）》的通知'
    )
    expect(record.issuers.map((issuer) => issuer.name)).toEqual(['中共南京市委', '南京市人民政府'])
    expect(record.date).toMatchObject({value: '2022-12-28', text: '二〇二二年十二月二十八日'})
    expect(record.period).toEqual({start: 2021, end: 2035, label: null})
    expect(record.jurisdiction?.name).toBe('南京市')
  })

  test('should print the 文号, title and date of a document typed with full-width digits as printed', async () => {
    const record = await extractText(
      '某县人民政府办公室文件\n某政办发〔２０２２〕１５号\n关于印发某县“十四五”知识产权规划的通知\n各乡镇：\n现印发给你们。\n某县人民政府办公室\n２０２２年３月８日\n'
    )
    expect([
      record.docNumber?.text,
      record.docNumber?.year,
      record.docNumber?.serial,
      record.date?.text,
      record.date?.value
    ]).toEqual(['某政办发〔２０２２〕１５号', 2022, 15, '２０２２年３月８日', '2022-03-08'])
  })

  test('should take the enclosed title from 〈〉 or “” title marks, a quoted 十四五 inside kept', async () => {
    for (const [title, enclosed] of [
      ['关于印发〈某县知识产权强县建设规划（2021—2025年）〉的通知', '某县知识产权强县建设规划（2021—2025年）'],
      ['关于印发“某县“十四五”知识产权保护实施方案”的通知', '某县“十四五”知识产权保护实施方案'],
      ['关于印发某县“十四五”知识产权规划的通知', '某县“十四五”知识产权规划']
    ]) {
      const record = await extractText(title + '\n各乡镇：\n现印发给你们。\n某县人民政府\n2021年6月1日\n')
      expect([title, record.enclosed?.title]).toEqual([title, enclosed])
    }
  })

  test('should take the forwarded document of a 转发 notice without the organ that wrote it', async () => {
    const record = await extractText(
      '某市人民政府办公室转发市发改局关于某市“十四五”节能降耗实施方案的通知\n\n各镇人民政府：\n\n市发改局《关于某市“十四五”节能降耗实施方案》已经市政府同意，现转发给你们。\n\n关于某市“十四五”节能降耗实施方案\n\n一、主要目标\n\n到2025年，单位GDP能耗比2020年下降15%。\n'
    )
    expect([record.kind, record.enclosed?.title]).toEqual(['notice', '关于某市“十四五”节能降耗实施方案'])
  })

  test("should word the forwarded document as the body cites it where the notice's title leaves out its 的", async () => {
    const text =
      '市政府办公室转发市知识产权局关于加强知识产权保护工作意见的通知\n\n各区人民政府：\n\n市知识产权局《关于加强知识产权保护工作的意见》已经市政府同意，现转发给你们。\n\n某市人民政府办公室\n2022年3月2日\n\n关于加强知识产权保护工作的意见\n\n一、总体目标\n\n加强保护。\n'
    const record = await extractText(text)
    expect(record.enclosed?.title).toBe('关于加强知识产权保护工作的意见')
    expect(record.enclosed?.position.start.line).toBe(10)
  })

  test('should take the first document the body cites where the title joins two (…工作方案和任务分解表)', async () => {
    const text =
      '某县人民政府办公室关于印发某县知识产权强县建设工作方案和任务分解表的通知\n\n各有关部门：\n\n现将《某县知识产权强县建设工作方案》和《某县知识产权强县建设任务分解表》印发给你们。\n\n某县人民政府办公室\n2023年3月6日\n\n附件1\n\n某县知识产权强县建设工作方案\n\n一、工作目标\n\n加强保护。\n'
    const record = await extractText(text)
    expect(record.enclosed?.title).toBe('某县知识产权强县建设工作方案')
    expect(sliceAt(text, record.enclosed!.position)).toBe('某县知识产权强县建设工作方案')
  })

  test('should read a joint masthead, the organs one a line and 文件 after the last', async () => {
    for (const masthead of ['中共某县委办公室\n某县人民政府办公室\n文件', '中共某县委办公室\n某县人民政府办公室文件']) {
      const record = await extractText(
        masthead +
          '\n某办发〔2022〕8号\n关于印发某县知识产权强县建设实施方案的通知\n各乡镇：\n现印发给你们。\n中共某县委办公室\n某县人民政府办公室\n2022年5月10日\n'
      )
      expect([record.title?.text, record.docNumber?.text, record.issuers.map((issuer) => issuer.name)]).toEqual([
        '关于印发某县知识产权强县建设实施方案的通知',
        '某办发〔2022〕8号',
        ['中共某县委办公室', '某县人民政府办公室']
      ])
    }
  })

  test('should read a joint masthead under a registration number, its 文号 given before the 文件 printed beside the organs; a signature name broken over lines is no organ', async () => {
    const record = await extractText(
      [
        'SDCR—2023—0010002',
        '某市工业和信息化局',
        '某 市 公 安 局',
        '某市城乡交通运输局',
        '某工信字〔2023〕3号',
        '文件',
        '关于印发《某市智能网联汽车道路测试管理办法》的通知',
        '各相关单位：',
        '现印发给你们，请遵照执行。',
        '某市工业和',
        '信息化局',
        '某市公安局 某市城乡交通',
        '运输局',
        '2023年4月6日',
        ''
      ].join('\n')
    )
    expect([record.title?.text, record.docNumber?.text, record.issuers.map((issuer) => issuer.name)]).toEqual([
      '关于印发《某市智能网联汽车道路测试管理办法》的通知',
      '某工信字〔2023〕3号',
      ['某市工业和信息化局', '某市公安局', '某市城乡交通运输局']
    ])
  })

  test('should keep the edition or status a title prints in brackets on a line of its own (（2021版）, （征求意见稿）)', async () => {
    for (const [lines, title] of [
      [['国家智能制造标准体系建设指南', '（2021 版）', '2021 年 11 月'], '国家智能制造标准体系建设指南（2021版）'],
      [['智慧商店建设技术指南（试行）', '（征求意见稿）'], '智慧商店建设技术指南（试行）（征求意见稿）']
    ] as const) {
      const record = await extractText([...lines, '一、总体要求', '坚持创新。', ''].join('\n'))
      expect(record.title?.text).toBe(title)
    }
  })

  test('should take no preamble for a title (为…，…制定如下措施 without its 。), and read the kind it names', async () => {
    const record = await extractText(
      '为深入贯彻省委关于发展数字经济的部署要求，结合工作实际，制定如下措施\n一、强化统筹\n加强工作谋划。\n'
    )
    expect([record.title, record.issuers, record.kind]).toEqual([null, [], 'opinion'])
  })

  test("should give an annual plan its title's year as its period, so its goals and 年底前 fall in it", async () => {
    const record = await extractText(
      '某市2023年知识产权工作要点\n\n一、主要目标\n\n全年专利授权量达到5000件。\n\n二、重点工作\n\n（一）加强创造。年底前完成专利导航项目5项。\n'
    )
    expect(record.period).toEqual({start: 2023, end: 2023, label: null})
    expect(record.targets.map((target) => [target.year, target.origin])).toEqual([
      [2023, 'text'],
      [2023, 'task']
    ])
    expect(record.deadlines.map((deadline) => [deadline.year, deadline.month, deadline.targets])).toEqual([
      [2023, 12, ['t2']]
    ])
    expect((await extractText('某市专利条例（2021年修订）\n\n第一章 总则\n\n加强保护。\n')).period).toBeNull()
    expect(
      (await extractText('关于到2025年建成知识产权强市的实施意见\n\n一、主要目标\n\n加强保护。\n')).period
    ).toBeNull()
  })

  test('should read the period of a 规划纲要 from its formal name, not from the 十三五 of its opening', async () => {
    const record = await extractText(
      '某县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n\n第一章 发展基础\n\n“十三五”时期，全县地区生产总值年均增长7.5%。\n'
    )
    expect(record.period).toEqual({start: 2021, end: 2025, label: '十四五'})
    expect(record.kind).toBe('outline')
  })

  test('should not take a web page breadcrumb ending in 文件 for a masthead, and read 发布机构', async () => {
    const record = await extractText(
      '首页 > 政务公开 > 政策文件\n\n发布机构：桐乡市人民政府办公室\n\n关于印发桐乡市“十四五”科技创新发展规划的通知\n\n各镇人民政府：\n\n现印发给你们。\n\n2021年12月16日\n'
    )
    expect(record.issuers.map((issuer) => issuer.name)).toEqual(['桐乡市人民政府办公室'])
    expect(record.title?.text).toBe('关于印发桐乡市“十四五”科技创新发展规划的通知')
  })

  test('should take every organ on a cover, one a line, below the title', async () => {
    const record = await extractText(
      '绍兴市“十四五”教育事业发展规划\n\n绍兴市教育局\n绍兴市发展和改革委员会\n2021年8月\n\n第一章 发展基础\n\n成效显著。\n'
    )
    expect(record.issuers.map((issuer) => issuer.name)).toEqual(['绍兴市教育局', '绍兴市发展和改革委员会'])
  })

  test('should read a date whose 〇 is typed as a circle (○)', async () => {
    const record = await extractText(
      '关于印发某市“十四五”知识产权发展规划的通知\n\n各部门：\n\n现印发给你们。\n\n某市人民政府\n\n二○二二年三月一日\n'
    )
    expect(record.date).toMatchObject({value: '2022-03-01', text: '二○二二年三月一日'})
  })

  test('should read bracket variants of the document number', async () => {
    for (const [printed, year, serial] of [
      ['国办发[2021]12号', 2021, 12],
      ['苏政办发（2020）第3号', 2020, 3],
      ['浙政发［2019］8号', 2019, 8]
    ] as const) {
      const record = await extractText(printed + '\n\n关于加强管理的通知\n\n各部门：\n\n现通知如下。\n')
      expect(record.docNumber).toMatchObject({text: printed, year, serial})
    }
    // A number in 【】 between the masthead and the title is no line of the title.
    const lenticular = await extractText(
      '宿迁市人民政府文件\n宿政发【2022】36号\n\n宿迁市人民政府关于印发某规划的通知\n\n各部门：\n\n现印发给你们。\n'
    )
    expect(lenticular.docNumber).toMatchObject({text: '宿政发【2022】36号', year: 2022, serial: 36})
    expect(lenticular.title?.text).toBe('宿迁市人民政府关于印发某规划的通知')
  })

  test('should take the organ a report ends with, undated, as its issuer, and no sentence as one', async () => {
    const report = (end: string) =>
      extractText(
        '关于《某市“十四五”知识产权发展规划》中期评估情况的报告\n\n现将评估情况报告如下。\n\n一、主要指标完成情况\n\n进展顺利。\n\n' +
          end +
          '\n'
      )
    const signed = await report('某市知识产权局')
    expect(signed.issuers.map((issuer) => issuer.name)).toEqual(['某市知识产权局'])
    expect(signed.date).toBeNull()
    expect((await report('下一步将加强统筹协调。')).issuers).toEqual([])
  })

  test('should never take a 文号 or title cited in the body as the document’s own', async () => {
    const text =
      '根据宁发改规划字〔2023〕217号文件要求，全面评估《南京市“十四五”知识产权发展规划》实施进展情况，形成本报告。\n一、总体情况\n进展顺利。\n'
    const record = await extractText(text)
    expect(record.docNumber).toBeNull()
    expect(record.title).toBeNull()
    expect(record.kind).toBe('evaluation')
    expect(record.issuers).toEqual([])
  })

  test("should read a Party committee's opinion: its organs on the title's first line, its date in brackets under the title", async () => {
    const text =
      '中共某县委　某县人民政府\n关于加快建设知识产权强县的实施意见\n（2022年3月1日）\n\n为深入贯彻落实《知识产权强国建设纲要（2021—2035年）》，现提出如下实施意见。\n\n一、总体目标\n\n到2025年，全县有效发明专利拥有量达到1500件。\n'
    const record = await extractText(text)
    expect(record.issuers.map((issuer) => [issuer.name, sliceAt(text, issuer.position)])).toEqual([
      ['中共某县委', '中共某县委'],
      ['某县人民政府', '某县人民政府']
    ])
    expect([record.kind, record.date?.value, record.date && sliceAt(text, record.date.position)]).toEqual([
      'opinion',
      '2022-03-01',
      '2022年3月1日'
    ])
    const numbered =
      '中共某市委　某市人民政府\n关于加快建设知识产权强市的意见\n（某委发〔2022〕3号）\n\n一、总体目标\n\n加强。\n'
    const withNumber = await extractText(numbered)
    expect(
      withNumber.docNumber && [withNumber.docNumber.text, sliceAt(numbered, withNumber.docNumber.position)]
    ).toEqual(['某委发〔2022〕3号', '某委发〔2022〕3号'])
  })

  test('should fall back to the organ opening the title when nothing is signed', async () => {
    const record = await extractText(
      '包头市人民政府办公室关于印发包头市“十四五”科技创新规划的通知\n\n各旗县区人民政府：\n\n现印发给你们。\n'
    )
    expect(record.issuers.map((issuer) => issuer.name)).toEqual(['包头市人民政府办公室'])
    expect(record.enclosed?.title).toBe('包头市“十四五”科技创新规划')
    expect(record.jurisdiction?.name).toBe('包头市')
  })

  test('should keep a county or district the issuer names but the division table does not know, without a code', async () => {
    const notice = (organ: string) =>
      extractText(organ + '关于印发某规划的通知\n\n各镇人民政府：\n\n现印发给你们。\n\n' + organ + '\n2009年3月2日\n')
    const renamed = await notice('徐州市铜山县人民政府办公室')
    expect(renamed.jurisdiction).toMatchObject({
      name: '铜山县',
      level: 'county',
      city: '徐州市',
      province: '江苏省',
      code: null
    })
    expect(
      renamed.diagnostics
        .filter((diagnostic) => diagnostic.rule === 'unknown-division')
        .map((diagnostic) => diagnostic.severity)
    ).toEqual(['warning'])
    // A zone named like a district is no division; a known district keeps its code.
    expect((await notice('南京市江北新区委员会')).jurisdiction?.name).toBe('南京市')
    expect((await notice('南京市经开区委员会')).jurisdiction?.name).toBe('南京市')
    expect((await notice('宿迁市宿豫区人民政府')).jurisdiction).toMatchObject({name: '宿豫区', code: '321311'})
  })

  test("should tell a district name several cities share (鼓楼区) by the city the body's opening names, and leave it open where it names none or two", async () => {
    const notice = (body: string) =>
      extractText(
        '鼓楼区人民政府关于印发鼓楼区“十四五”知识产权发展规划的通知\n\n各街道办事处：\n\n现印发给你们。\n\n鼓楼区人民政府\n2022年3月1日\n\n一、发展基础\n\n' +
          body +
          '\n'
      )
    expect((await notice('鼓楼区积极融入南京市创新名城建设。')).jurisdiction).toMatchObject({
      name: '鼓楼区',
      city: '南京市',
      code: '320106'
    })
    const open = await notice('鼓楼区知识产权工作成效显著。')
    expect(open.jurisdiction).toMatchObject({name: '鼓楼区', city: null, code: null})
    expect(open.diagnostics.map((diagnostic) => diagnostic.rule)).toContain('ambiguous-division')
    expect((await notice('鼓楼区学习借鉴南京市和福州市的做法。')).jurisdiction?.code).toBeNull()
  })

  test("should give a zone's documents the zone as printed in the titles, its parents from the names before it", async () => {
    const notice = (organ: string, plan: string) =>
      extractText(
        organ +
          '关于印发' +
          plan +
          '的通知\n\n各有关单位：\n\n现印发给你们。\n\n' +
          organ +
          '\n2022年3月2日\n\n' +
          plan +
          '\n\n一、发展目标\n\n到2025年，南京市全面建成。南京市……\n'
      )
    const newArea = await notice('南京江北新区管理委员会', '江北新区“十四五”知识产权发展规划')
    expect(newArea.jurisdiction).toMatchObject({
      name: '江北新区',
      level: 'zone',
      city: '南京市',
      province: '江苏省',
      code: null
    })
    const text = '江苏省常熟经济技术开发区管委会关于印发某规划的通知\n\n各单位：\n\n现印发给你们。\n'
    const zone = await extractText(text)
    expect(zone.jurisdiction).toMatchObject({name: '常熟经济技术开发区', level: 'zone', province: '江苏省', city: null})
    expect(sliceAt(text, zone.jurisdiction!.position)).toBe('常熟经济技术开发区')
    const unsigned = await extractText('江北新区“十四五”知识产权发展规划\n\n一、发展基础\n\n南京市江北新区……南京市。\n')
    expect(unsigned.jurisdiction).toMatchObject({name: '江北新区', level: 'zone'})
    // A short form that is no ending of the organ's name: its characters in order, the city it opens with.
    const shortened = await notice('常州国家高新技术产业开发区管理委员会', '常州高新区“十四五”知识产权发展规划')
    expect(shortened.jurisdiction).toMatchObject({
      name: '常州高新区',
      level: 'zone',
      city: '常州市',
      province: '江苏省'
    })
  })

  test('should split a signature into organs at wide gaps, each spaced-out name one organ', async () => {
    expect(splitOrgans('中共南京市委 南京市人民政府')).toEqual(['中共南京市委', '南京市人民政府'])
    expect(splitOrgans('国 务 院')).toEqual(['国务院'])
    expect(splitOrgans('中 共 南 京 市 委\u3000\u3000\u3000\u3000南 京 市 人 民 政 府')).toEqual([
      '中共南京市委',
      '南京市人民政府'
    ])
    expect(splitOrgans('国 务 院  办 公 厅')).toEqual(['国务院办公厅'])
    const record = await extractText(
      '中共南京市委文件\n\n宁委发〔2022〕43号\n\n关于印发某纲要的通知\n\n各区委：\n\n现印发给你们。\n\n中 共 南 京 市 委\u3000\u3000\u3000\u3000南 京 市 人 民 政 府\n\n2022年12月28日\n'
    )
    expect(record.issuers.map((issuer) => issuer.name)).toEqual(['中共南京市委', '南京市人民政府'])
  })

  test("should split organs printed with no gap where another begins with 中共 or a division, and keep an organ's own parts", () => {
    expect(splitOrgans('中共南京市委南京市人民政府')).toEqual(['中共南京市委', '南京市人民政府'])
    expect(splitOrgans('江苏省知识产权局江苏省财政厅')).toEqual(['江苏省知识产权局', '江苏省财政厅'])
    expect(splitOrgans('中共南京市委办公厅南京市人民政府办公厅')).toEqual([
      '中共南京市委办公厅',
      '南京市人民政府办公厅'
    ])
    for (const organ of ['南京市人民政府办公厅', '中共南京市委宣传部', '南京市人民政府国有资产监督管理委员会'])
      expect(splitOrgans(organ)).toEqual([organ])
  })

  test('should read a notice whose line breaks were lost (one line), positions still exact', async () => {
    const text =
      '溧阳市人民政府办公室文件溧政办发〔2022〕71号市政府办公室关于印发溧阳市“十四五”知识产权发展规划的通知各镇人民政府，市各委办局：《溧阳市“十四五”知识产权发展规划》已经市政府同意，现印发给你们，请认真贯彻执行。溧阳市人民政府办公室2022年12月30日（此件公开发布）溧阳市“十四五”知识产权发展规划一、发展基础“十三五”期间，全市知识产权工作取得明显成效，专利授权量稳步增长，知识产权保护体系不断完善，服务能力持续提升。二、总体要求（一）指导思想坚持以新发展理念为引领，全面提升知识产权创造、运用、保护、管理和服务水平。（二）发展目标到2025年，全市发明专利拥有量达到3100件，有效注册商标量达到1.5万件。三、重点任务（一）提升创造质量加快培育高价值专利，推动企业开展专利导航，强化知识产权布局，提升全市知识产权创造质量和效益。'.repeat(
        1
      ) +
      '（二）加强知识产权保护健全知识产权保护体系，加大侵权假冒打击力度，完善多元化纠纷解决机制，营造良好的创新环境和营商环境。'.repeat(
        6
      ) +
      '\n'
    const record = await extractText(text)
    expect([
      record.title?.text,
      record.docNumber?.text,
      record.date?.value,
      record.issuers.map((issuer) => issuer.name),
      record.recipients.map((recipient) => recipient.name)
    ]).toEqual([
      '市政府办公室关于印发溧阳市“十四五”知识产权发展规划的通知',
      '溧政办发〔2022〕71号',
      '2022-12-30',
      ['溧阳市人民政府办公室'],
      ['各镇人民政府', '市各委办局']
    ])
    expect(record.outline.map((section) => section.title)).toEqual(['发展基础', '总体要求', '重点任务'])
    expect(record.targets.map((target) => [target.indicator, target.unit, target.year])).toEqual([
      ['发明专利拥有量', '件', 2025],
      ['有效注册商标量', '万件', 2025]
    ])
    const position = record.docNumber!.position
    expect(sliceAt(text, position)).toBe('溧政办发〔2022〕71号')
    expect(position.start).toEqual({line: 1, column: position.start.offset + 1, offset: position.start.offset})
  })

  test('should give national documents the jurisdiction 全国', async () => {
    const record = await extractText(
      '国务院办公厅关于印发“十四五”国家知识产权保护和运用规划的通知\n\n国办发〔2021〕20号\n\n各省、自治区、直辖市人民政府：\n\n现印发给你们。\n\n国务院办公厅\n2021年10月9日\n'
    )
    expect(record.jurisdiction).toMatchObject({name: '全国', level: 'national'})
    expect(record.docNumber?.text).toBe('国办发〔2021〕20号')
  })

  test('should classify kinds by the title’s document-type word', async () => {
    const kinds: Array<[string, string]> = [
      ['某市“十四五”知识产权发展规划', 'plan'],
      ['某市知识产权强市建设纲要（2021—2035年）', 'outline'],
      ['关于提升知识产权创新支撑力的实施意见', 'opinion'],
      ['某市知识产权发展规划中期评估报告', 'evaluation'],
      ['某市知识产权三年行动计划（2021—2023年）', 'plan'],
      ['关于某市“十四五”知识产权发展规划实施情况的报告', 'evaluation'],
      ['某市“十四五”规划中期评估', 'evaluation'],
      ['关于《某县“十四五”知识产权发展规划》中期评估情况的报告', 'evaluation'],
      ['某县人民政府工作报告', 'report'],
      ['某市专利资助管理办法', 'other'],
      ['关于加快知识产权强市建设的若干措施', 'opinion'],
      ['某县2023年知识产权工作要点', 'plan']
    ]
    for (const [title, kind] of kinds) {
      const record = await extractText(title + '\n\n一、总体要求\n\n坚持创新。\n')
      expect([title, record.kind]).toEqual([title, kind])
    }
  })

  test('should give nulls, not guesses, for a document without a masthead', async () => {
    const record = await extractText(
      '## 附件 8\n\n# 关于提升知识产权创新支撑力的实施意见\n\n为建设更高水平创新型城市，现制定本意见。\n\n### 一、指导思想\n\n坚持创新。\n'
    )
    expect(record).toMatchObject({
      kind: 'opinion',
      docNumber: null,
      date: null,
      jurisdiction: null,
      issuers: [],
      recipients: []
    })
    expect(record.title?.text).toBe('关于提升知识产权创新支撑力的实施意见')
    expect(record.outline.map((section) => section.title)).toEqual(['指导思想'])
  })

  test('should say a text is not a policy document, and still give a record', async () => {
    const record = await extractText('今天天气很好，我们去公园散步，看到了很多花。\n')
    expect(record.kind).toBe('other')
    expect(record.diagnostics.map((diagnostic) => diagnostic.rule)).toContain('not-a-policy-document')
  })
})

describe('database exports and converted text', () => {
  test('should read a 北大法宝 export: CRLF, labelled metadata, 【法宝引证码】', async () => {
    const text = [
      '国务院办公厅关于印发“十四五”国家知识产权保护和运用规划的通知',
      '【发布部门】 国务院办公厅 【发文字号】 国办发〔2021〕20号',
      '【发布日期】 2021.10.28 【时效性】 现行有效',
      '【法宝引证码】CLI.2.5048765',
      '',
      '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
      '　　《“十四五”国家知识产权保护和运用规划》已经国务院同意，现印发给你们，请认真贯彻执行。',
      '',
      '国务院办公厅',
      '2021年10月9日',
      '（此件公开发布）',
      ''
    ].join('\r\n')
    const record = await extractText(text)
    expect(record.title?.text).toBe('国务院办公厅关于印发“十四五”国家知识产权保护和运用规划的通知')
    expect(record.docNumber?.text).toBe('国办发〔2021〕20号')
    expect(sliceAt(text, record.docNumber!.position)).toBe('国办发〔2021〕20号')
    expect(record.issuers.map((issuer) => issuer.name)).toEqual(['国务院办公厅'])
    expect(record.date?.value).toBe('2021-10-09')
    expect(record.jurisdiction?.name).toBe('全国')
    expect(record.enclosed?.title).toBe('“十四五”国家知识产权保护和运用规划')
    expect(record.diagnostics.map((diagnostic) => diagnostic.rule)).toContain('conversion-debris')
  })

  test('should take the labelled date when nothing is signed', async () => {
    const record = await extractText(
      '某省知识产权局关于开展专利转化专项行动的通知\n发文字号：苏知发〔2022〕8号\n成文日期：2022-05-06\n\n各设区市知识产权局：\n\n现就有关事项通知如下。\n'
    )
    expect(record.date?.value).toBe('2022-05-06')
    expect(record.docNumber?.text).toBe('苏知发〔2022〕8号')
  })

  test("should read a site's info box: labels spaced to one width (文　　号), an empty field before a line break", async () => {
    const text =
      '索 引 号：014000319/2021-00123\t分类：通知\n发布机构：某省知识产权局\n标　　题：关于开展专利转化专项行动的通知\n文　　号：苏知发〔2021〕98号\t主 题 词：\n内容概述：\n\n关于开展专利转化专项行动的通知\n\n各设区市知识产权局：\n\n现就有关事项通知如下。\n'
    const record = await extractText(text)
    expect(record.docNumber?.text).toBe('苏知发〔2021〕98号')
    expect(sliceAt(text, record.docNumber!.position)).toBe('苏知发〔2021〕98号')
  })

  test('should read a masthead typeset with spaces and join hard-wrapped PDF lines', async () => {
    const text =
      '江 苏 省 人 民 政 府 文 件\n\n苏政发〔2021〕45号\n\n江苏省人民政府关于印发江苏省“十四五”知识产权发展规划的通知\n\n各设区市人民政府：\n\n　　现将《江苏省“十四五”知识产权发展规划》印发给你们，请认真组织实\n施。\n\n- 1 -\n\n江苏省人民政府\n2021年8月20日\n'
    const record = await extractText(text)
    expect(record.issuers.map((issuer) => issuer.name)).toEqual(['江苏省人民政府'])
    expect(sliceAt(text, record.issuers[0]!.position)).toBe('江 苏 省 人 民 政 府')
    expect(record.jurisdiction).toMatchObject({name: '江苏省', level: 'province', code: '320000'})
    expect(record.diagnostics.map((diagnostic) => diagnostic.rule)).toEqual(
      expect.arrayContaining(['joined-line', 'page-number'])
    )
  })
})

describe('plans printed without a notice', () => {
  test('should read a cover: title with its period, the organ below it, and no date guessed from a month', async () => {
    const record = await extractText(
      '苏州市“十四五”知识产权发展规划\n（2021—2025年）\n\n苏州市人民政府\n\n二〇二一年十月\n\n目  录\n\n第一章 发展基础……………1\n\n第一章 发展基础\n\n第一节 发展成就\n\n成效显著。\n'
    )
    expect(record.title?.text).toBe('苏州市“十四五”知识产权发展规划（2021—2025年）')
    expect(record.kind).toBe('plan')
    expect(record.issuers.map((issuer) => issuer.name)).toEqual(['苏州市人民政府'])
    expect(record.date).toBeNull()
    expect(record.period).toEqual({start: 2021, end: 2025, label: '十四五'})
    expect(
      record.outline.map((section) => [section.number, section.title, section.children.map((child) => child.title)])
    ).toEqual([['第一章', '发展基础', ['发展成就']]])
  })
})

describe('government web pages', () => {
  test('should read the metadata table above the title of a gov.cn page', async () => {
    const {extractDocument} = await import('../pipeline/document.js')
    const html =
      '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><table>' +
      '<tr><td>索 引 号：</td><td>000014349/2021-00110</td><td>主题分类：</td><td>科技、教育\\知识产权</td></tr>' +
      '<tr><td>发文机关：</td><td>国务院办公厅</td><td>成文日期：</td><td>2021年10月09日</td></tr>' +
      '<tr><td>标 题：</td><td colspan="3">国务院办公厅关于印发“十四五”国家知识产权保护和运用规划的通知</td></tr>' +
      '<tr><td>发文字号：</td><td>国办发〔2021〕20号</td><td>发布日期：</td><td>2021年10月28日</td></tr></table>' +
      '<h1>国务院办公厅关于印发“十四五”国家知识产权保护和运用规划的通知</h1><p>国办发〔2021〕20号</p>' +
      '<p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p><p>《“十四五”国家知识产权保护和运用规划》已经国务院同意，现印发给你们，请认真贯彻执行。</p>' +
      '<p>国务院办公厅</p><p>2021年10月9日</p><p>（此件公开发布）</p></body></html>'
    const {record} = await extractDocument(new TextEncoder().encode(html), 'page.html', 'html')
    expect(record.title?.text).toBe('国务院办公厅关于印发“十四五”国家知识产权保护和运用规划的通知')
    expect(record.docNumber?.text).toBe('国办发〔2021〕20号')
    expect(record.issuers.map((issuer) => issuer.name)).toEqual(['国务院办公厅'])
    expect(record.date?.value).toBe('2021-10-09')
    expect(record.jurisdiction?.name).toBe('全国')
  })
})
