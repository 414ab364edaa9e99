import {describe, expect, test} from 'vitest'
import {extractText, sliceAt} from './helpers/extract.js'

const plan = (body: string) => '某市“十四五”知识产权发展规划\n\n一、重点任务\n\n' + body

describe('专栏', () => {
  test.each([
    ['专栏1：知识产权护航工程', 1, '专栏1', '知识产权护航工程'],
    ['专栏 1 高价值专利培育工程', 1, '专栏1', '高价值专利培育工程'],
    ['专栏2:重点产业专利导航工程', 2, '专栏2', '重点产业专利导航工程'],
    ['专栏一 知识产权强企工程', 1, '专栏一', '知识产权强企工程'],
    ['专栏3版权创新发展工程', 3, '专栏3', '版权创新发展工程'],
    ['专栏\u30004\u3000金融创新工程', 4, '专栏4', '金融创新工程'],
    ['专栏：引进高端人才', null, '专栏', '引进高端人才'],
    ['### 专栏5 人才培育工程', 5, '专栏5', '人才培育工程'],
    ['专栏3-1：数字经济重点项目', 3, '专栏3-1', '数字经济重点项目'],
    ['专栏（2）重大平台', 2, '专栏（2）', '重大平台'],
    ['【专栏1】高价值专利培育工程', 1, '【专栏1】', '高价值专利培育工程'],
    ['〔专栏二〕保护体系建设工程', 2, '〔专栏二〕', '保护体系建设工程'],
    ['【专栏】人才培育', null, '【专栏】', '人才培育'],
    ['专 栏 1  高价值专利培育工程', 1, '专栏1', '高价值专利培育工程'],
    ['专栏4 知识产权保护工程（牵头单位：县市场监管局、县公安局）', 4, '专栏4', '知识产权保护工程']
  ])('should read `%s`: number %s, label %s', async (line, number, label, title) => {
    const record = await extractText(plan(line + '\n\n实施一批项目。\n'), line.startsWith('#') ? 'markdown' : 'text')
    expect(record.columns.map((column) => [column.number, column.label, column.title, column.text])).toEqual([
      [number, label, title, '实施一批项目。']
    ])
  })

  test('should read a box whose label stands alone, its title on the next line', async () => {
    const text = plan(
      '加强培育。\n\n专栏1\n高价值专利培育工程\n1．培育中心建设。到2025年，建设高价值专利培育中心5家。\n\n二、保障措施\n\n加强领导。\n'
    )
    const record = await extractText(text)
    expect(record.columns.map((column) => [column.number, column.title, column.text])).toEqual([
      [1, '高价值专利培育工程', '1．培育中心建设。到2025年，建设高价值专利培育中心5家。']
    ])
    expect(sliceAt(text, record.columns[0]!.position)).toMatch(/^专栏1\n高价值专利培育工程\n1．/)
    expect(record.outline.map((section) => section.title)).toEqual(['重点任务', '保障措施'])
  })

  test('should end an unindented box where indented body text returns, blank line or not', async () => {
    const text = plan(
      '专栏1 高价值专利培育工程\n建设高价值专利培育中心5家。\n培育示范企业10家。\n　　加快推进知识产权运营，建设运营中心3个。\n'
    )
    const record = await extractText(text)
    expect(record.columns.map((column) => column.text)).toEqual(['建设高价值专利培育中心5家。\n培育示范企业10家。'])
    expect(record.targets.map((target) => target.indicator)).toEqual(['高价值专利培育中心', '示范企业', '运营中心'])
  })

  test('should not be fooled by words that merely contain 专栏', async () => {
    const record = await extractText(plan('开设专题专栏，宣传知识产权。\n\n专栏文章在报纸上刊发，读者众多。\n'))
    expect(record.columns).toEqual([])
  })

  test('should end an indented box at two blank lines and keep its unindented footer', async () => {
    const text = plan(
      '\t专栏1：护航工程\n\n\t制定分析评议规程。\n\n截止2025年，实施项目评议20项。\n\n\n加强知识产权运营，推动转化。\n'
    )
    const record = await extractText(text)
    expect(record.columns[0]?.text).toBe('制定分析评议规程。\n截止2025年，实施项目评议20项。')
    expect(sliceAt(text, record.columns[0]!.position)).toMatch(/^专栏1：护航工程[\s\S]*20项。$/)
    expect(record.targets.map((target) => [target.indicator, target.column, target.origin])).toEqual([
      ['项目评议', 'c1', 'column']
    ])
    expect(record.deadlines.map((deadline) => deadline.column)).toEqual(['c1'])
  })

  test('should end an indented box at an unindented paragraph after a blank line that is no statement of results', async () => {
    const text = plan(
      '加强培育。\n\n\t专栏1　高价值专利培育工程\n\n\t建设高价值专利培育中心10家。\n\n加强组织领导，到2025年建成运营中心3个。\n'
    )
    const record = await extractText(text)
    expect(record.columns.map((column) => column.text)).toEqual(['建设高价值专利培育中心10家。'])
    expect(record.targets.map((target) => [target.column, target.origin])).toEqual([
      ['c1', 'column'],
      [null, 'task']
    ])
  })

  test('should end an unindented box where body text returns after a blank line, and at the next 专栏 or heading', async () => {
    const text = plan(
      '专栏1 高价值专利培育工程\n\n培育一批高价值专利。到2025年，万人高价值发明专利拥有量达到12件。\n\n加大自主品牌培育力度。深入实施商标品牌战略。\n\n专栏2 区域品牌工程\n第一段。\n第二段。\n\n二、保障措施\n\n加强组织领导。\n'
    )
    const record = await extractText(text)
    expect(record.columns.map((column) => [column.number, column.text])).toEqual([
      [1, '培育一批高价值专利。到2025年，万人高价值发明专利拥有量达到12件。'],
      [2, '第一段。\n第二段。']
    ])
  })

  test("should keep the expected results printed after an unindented box's body, a blank line between", async () => {
    const text = plan(
      '专栏2：高价值专利培育工程\n\n以主导产业为重点，突出专利布局，建设培育示范中心。\n\n截止2025年，实施2-3家高价值专利培育示范项目。\n\n\n（二）提高创造质量\n\n到2025年，全市专利授权量较2020年翻一番，以主导产业为重点加强布局。\n'
    )
    const record = await extractText(text)
    expect(record.columns.map((column) => column.text)).toEqual([
      '以主导产业为重点，突出专利布局，建设培育示范中心。\n截止2025年，实施2-3家高价值专利培育示范项目。'
    ])
    expect(record.targets.map((target) => [target.indicator, target.column])).toEqual([
      ['高价值专利培育示范项目', 'c1'],
      ['专利授权量', null]
    ])
    // One statement of results: a second one after it is body text again.
    const twice = plan(
      '专栏1 护航工程\n\n制定分析评议规程。\n\n实施期内，开展项目评议20项。\n\n到2025年，建成服务平台3个，全面提升全市知识产权公共服务能力和服务水平。\n'
    )
    expect((await extractText(twice)).columns.map((column) => column.text)).toEqual([
      '制定分析评议规程。\n实施期内，开展项目评议20项。'
    ])
  })

  test("should give the numbered sections after an unindented box of paragraphs to the outline, and keep a box's own items across blank lines", async () => {
    const text =
      '某市“十四五”知识产权发展规划\n\n一、重点任务\n\n（一）强化保护\n\n专栏1 知识产权护航工程\n建设知识产权保护中心，开展快速维权。\n\n1．加强行政执法。建立联合执法机制，查处侵权案件。\n\n2．完善司法保护。推进审判机制改革。\n\n（二）促进运用\n\n专栏2 运营工程\n\n1．运营中心。建设运营中心3个。\n\n2．质押融资。质押融资金额达到10亿元。\n\n加快成果转化，完善运营体系。\n'
    const record = await extractText(text)
    const titles = (sections: typeof record.outline): string[] =>
      sections.flatMap((section) => [section.title, ...titles(section.children)])
    expect(titles(record.outline)).toEqual(['重点任务', '强化保护', '加强行政执法', '完善司法保护', '促进运用'])
    expect(record.columns.map((column) => column.text)).toEqual([
      '建设知识产权保护中心，开展快速维权。',
      '1．运营中心。建设运营中心3个。\n2．质押融资。质押融资金额达到10亿元。'
    ])
    // A bare label's title on the next line is no body: the items after a blank line are the box's.
    const labelled = await extractText(
      '某市规划\n\n一、重点任务\n\n（一）加强培育\n\n专栏1\n高价值专利培育工程\n\n1．培育中心。建设培育中心5家。\n\n2．示范企业。培育示范企业10家。\n\n（二）加强保护\n\n加强领导。\n'
    )
    expect(labelled.columns.map((column) => [column.title, column.text])).toEqual([
      ['高价值专利培育工程', '1．培育中心。建设培育中心5家。\n2．示范企业。培育示范企业10家。']
    ])
    expect(titles(labelled.outline)).toEqual(['重点任务', '加强培育', '加强保护'])
    // Words that introduce a list (实施以下项目：) keep the numbered items after a blank line in the box.
    const introduced = await extractText(
      '某市规划\n\n一、重点任务\n\n（一）促进运用\n\n专栏2 知识产权运用工程\n\n推动专利转化运用，实施以下项目：\n\n1．专利转化。转化专利200件。\n\n2．知识产权金融。质押融资10亿元。\n\n（二）加强保护\n\n加强领导。\n'
    )
    expect(introduced.columns.map((column) => column.text)).toEqual([
      '推动专利转化运用，实施以下项目：\n1．专利转化。转化专利200件。\n2．知识产权金融。质押融资10亿元。'
    ])
    expect(titles(introduced.outline)).toEqual(['重点任务', '促进运用', '加强保护'])
  })

  test("should keep a box's items of one sentence each (1．培育中心2家。) in the box, and give the numbered lines after the body returns to the outline", async () => {
    const text =
      '某区规划\n\n第三章 主要任务\n\n第一节 强化创造\n\n专栏1 高价值专利培育工程\n\n1．培育高价值专利培育中心2家。\n\n2．实施产业专利导航项目3项。\n\n加强知识产权创造，提升质量。\n\n1．加强组织领导。\n'
    const record = await extractText(text)
    expect(record.columns.map((column) => column.text)).toEqual([
      '1．培育高价值专利培育中心2家。\n2．实施产业专利导航项目3项。'
    ])
    expect(record.targets.map((target) => [target.indicator, target.origin])).toEqual([
      ['高价值专利培育中心', 'column'],
      ['产业专利导航项目', 'column']
    ])
    const titles = (sections: typeof record.outline): string[] =>
      sections.flatMap((section) => [section.title, ...titles(section.children)])
    expect(titles(record.outline)).toEqual(['主要任务', '强化创造', '加强组织领导'])
  })

  test("should keep a box's bulleted items (◆ …) in the box across blank lines, up to a line without the bullet", async () => {
    const record = await extractText(
      '某区规划\n\n三、主要任务\n\n（二）促进运用\n\n专栏2 运用促进工程\n\n◆ 推动专利转化，转化专利100件。\n\n◆ 开展质押融资，融资金额5亿元。\n\n加强知识产权运用。\n'
    )
    expect(record.columns.map((column) => column.text)).toEqual([
      '◆ 推动专利转化，转化专利100件。\n◆ 开展质押融资，融资金额5亿元。'
    ])
  })

  test("should read a box under a numbered heading of its items' own rank: its items count from 1, the document's next number ends it", async () => {
    const text =
      '某县“十四五”数字经济发展规划\n\n一、重点任务\n\n（一）加快数字产业化\n\n1．培育软件产业。建成软件产业园1个。\n\n专栏1　数字产业化重点工程\n\n1．软件园建设工程。建设软件产业园，入驻企业100家。\n\n2．数据中心工程。建成县级大数据中心1个。\n\n2．发展数字服务。培育平台企业。\n'
    const record = await extractText(text)
    expect(record.columns.map((column) => column.text)).toEqual([
      '1．软件园建设工程。建设软件产业园，入驻企业100家。\n2．数据中心工程。建成县级大数据中心1个。'
    ])
    expect(record.outline[0]?.children[0]?.children.map((section) => [section.number, section.title])).toEqual([
      ['1．', '培育软件产业'],
      ['2．', '发展数字服务']
    ])
  })

  test('should read a Markdown table of one column as a framed box: its rows, no more', async () => {
    const text =
      '# 某市规划\n\n## 二、重点任务\n\n加强培育。\n\n| 专栏1　高价值专利培育工程 |\n|---|\n| 建设高价值专利培育中心10家。 |\n| 培育高价值专利组合50个。 |\n\n加强组织领导，到2025年建成运营中心3个。\n'
    const record = await extractText(text, 'markdown')
    expect(record.columns.map((column) => [column.number, column.title, column.text])).toEqual([
      [1, '高价值专利培育工程', '建设高价值专利培育中心10家。\n培育高价值专利组合50个。']
    ])
    expect(record.targets.map((target) => [target.indicator, target.column])).toEqual([
      ['高价值专利培育中心', 'c1'],
      ['高价值专利组合', 'c1'],
      ['运营中心', null]
    ])
  })

  test('should hold a table of projects in the box, without reading it as targets', async () => {
    const text = plan(
      '专栏1　数字基础设施重点项目\n\n序号\t项目名称\t建设内容\n1\t县数据中心\t建设机柜3000个\n2\t5G基站\t新建5G基站1200个\n\n（二）发展数字产业\n\n培育数字企业。\n'
    )
    const record = await extractText(text)
    expect(record.columns.map((column) => column.text)).toEqual([
      '序号\t项目名称\t建设内容\n1\t县数据中心\t建设机柜3000个\n2\t5G基站\t新建5G基站1200个'
    ])
    expect(sliceAt(text, record.columns[0]!.position)).toMatch(/^专栏1[\s\S]*1200个$/)
    expect(record.targets).toEqual([])
  })

  test("should keep numbered items of a box in the box, out of the outline, up to a heading of the box's rank or above its items", async () => {
    const text =
      '某县“十四五”生态环境保护规划\n\n第一章 主要任务\n\n第一节 深入打好蓝天保卫战\n\n专栏1 大气污染防治重点工程\n　　1．工业废气治理工程。完成50家工业企业废气提标改造。\n　　2．扬尘治理工程。建成区建筑工地扬尘在线监测覆盖率达到100%。\n\n一、加强监测。完善监测网络。\n\n专栏2 监测能力建设工程\n\n建设监测站点10个。\n\n（一）提升预警。建设预警平台。\n\n第二节 深入打好碧水保卫战\n\n1．推进污水处理。到2025年，城镇生活污水集中收集率达到75%。\n'
    const record = await extractText(text)
    expect(record.columns.map((column) => column.text)).toEqual([
      '1．工业废气治理工程。完成50家工业企业废气提标改造。\n2．扬尘治理工程。建成区建筑工地扬尘在线监测覆盖率达到100%。',
      '建设监测站点10个。'
    ])
    // A 一、 after a box's 1． items, and a （一） after a box of plain paragraphs, are the document's own sections.
    expect(
      record.outline[0]?.children.map((section) => [
        section.title,
        section.children.map((child) => [child.title, child.children.map((grandchild) => grandchild.title)])
      ])
    ).toEqual([
      ['深入打好蓝天保卫战', [['加强监测', ['提升预警']]]],
      ['深入打好碧水保卫战', [['推进污水处理', []]]]
    ])
    expect(record.targets.map((target) => [target.indicator, target.origin])).toEqual([
      ['工业企业废气提标改造', 'column'],
      ['建成区建筑工地扬尘在线监测覆盖率', 'column'],
      ['监测站点', 'column'],
      ['城镇生活污水集中收集率', 'task']
    ])
  })
})

describe('deadlines', () => {
  const dated = (body: string) =>
    '关于印发某市“十四五”知识产权发展规划的通知\n\n各部门：\n\n现印发给你们。\n\n某市人民政府\n\n2022年3月1日\n\n一、发展基础\n\n' +
    body

  test('should cut a sentence at a ； where a part opens with a time expression of its own', async () => {
    const record = await extractText(
      dated(
        '到2023年，有效发明专利达到8000件；到2025年，有效发明专利突破1万件，质押融资额年均增长15%。截至2021年底，专利达到6000件；到2024年，建成中心3家。\n'
      ).replace('一、发展基础', '一、主要任务')
    )
    expect(record.deadlines.map((deadline) => [deadline.year, deadline.text, deadline.targets.length])).toEqual([
      [2023, '到2023年，有效发明专利达到8000件', 1],
      [2025, '到2025年，有效发明专利突破1万件，质押融资额年均增长15%。', 2],
      [2024, '到2024年，建成中心3家。', 1]
    ])
  })

  test('should read numbered tasks that open with their time, or go on to it after a comma, as items, each its own deadline', async () => {
    const record = await extractText(
      dated(
        '二、主要任务\n\n（一）2025年前建成县级知识产权公共服务平台。\n（二）二〇二四年底前，实现乡镇维权站全覆盖。\n（三）到“十四五”末，培育知识产权优势企业20家。\n（四）2023年上半年，启动保护中心筹建工作。\n（五）2022年起，每年举办宣传周活动。\n（六）建设知识产权保护中心，到2024年建成运行。\n三、2023年重点工作\n\n加强宣传。\n'
      )
    )
    expect(record.deadlines.map((deadline) => [deadline.year, deadline.text])).toEqual([
      [2025, '（一）2025年前建成县级知识产权公共服务平台。'],
      [2024, '（二）二〇二四年底前，实现乡镇维权站全覆盖。'],
      [2025, '（三）到“十四五”末，培育知识产权优势企业20家。'],
      [2023, '（四）2023年上半年，启动保护中心筹建工作。'],
      [2024, '（六）建设知识产权保护中心，到2024年建成运行。']
    ])
    expect(record.outline.map((section) => section.title)).toEqual(['发展基础', '主要任务', '2023年重点工作'])
  })

  test('should take a year the work is done in (2024年完成, （2023年完成）) as its deadline, and such a year past as none', async () => {
    const record = await extractText(
      dated(
        '二、主要任务\n\n建成县知识产权保护中心（2023年完成）。计划2024年完成专利导航。2021年完成专利授权3000件。\n'
      )
    )
    expect(record.deadlines.map((deadline) => [deadline.year, deadline.text])).toEqual([
      [2023, '建成县知识产权保护中心（2023年完成）。'],
      [2024, '计划2024年完成专利导航。']
    ])
  })

  test('should date a month without a year (6月底前, 十二月前) in the year the document is dated', async () => {
    const text =
      '某县2023年知识产权工作要点\n\n一、重点工作\n\n（一）提升创造质量。6月底前，出台专利资助办法；十二月前，建成保护工作站2家。3月18日召开推进会。\n\n某县市场监督管理局\n2023年2月20日\n'
    const record = await extractText(text)
    expect(record.kind).toBe('plan')
    expect(record.deadlines.map((deadline) => [deadline.year, deadline.month, deadline.text])).toEqual([
      [2023, 6, '6月底前，出台专利资助办法'],
      [2023, 12, '十二月前，建成保护工作站2家。']
    ])
  })

  test('should read the due column of a task table: one deadline per row, a bare date included', async () => {
    const text =
      '某县知识产权强县建设实施方案\n\n附件\n\n序号\t重点任务\t牵头单位\t完成时限\n1\t培育知识产权示范企业10家\t县市场监管局\t2023年底前\n2\t建设维权援助工作站\t县市场监管局\t2024年6月\n3\t开展专利导航\t县科技局\t长期坚持\n'
    const record = await extractText(text)
    expect(record.deadlines.map((deadline) => [deadline.year, deadline.month, deadline.kind, deadline.text])).toEqual([
      [2023, 12, 'by', '1 培育知识产权示范企业10家 县市场监管局 2023年底前'],
      [2024, 6, 'by', '2 建设维权援助工作站 县市场监管局 2024年6月']
    ])
    expect(record.deadlines[0]?.targets).toEqual([])
    expect(sliceAt(text, record.deadlines[1]!.position)).toBe('2\t建设维权援助工作站\t县市场监管局\t2024年6月')
  })

  test('should date a task by the 完成时限 of the bracketed note after it, not make the note a deadline of its own', async () => {
    const record = await extractText(
      dated(
        '二、主要任务\n\n（二）加强行政执法。到2024年，侵权案件结案率达到95%以上。（责任单位：市市场监管局；完成时限：2024年12月）\n'
      )
    )
    expect(record.deadlines.map((deadline) => [deadline.year, deadline.month, deadline.text])).toEqual([
      [2024, 12, '到2024年，侵权案件结案率达到95%以上。']
    ])
  })

  test.each([
    ['到2025年，建成知识产权强市。', 2025, null, 'by'],
    ['力争2024年，建成国家级知识产权保护示范区。', 2024, null, 'by'],
    ['确保2023年6月底前完成条例修订。', 2023, 6, 'by'],
    ['2024年第三季度前，出台实施方案。', 2024, 9, 'by'],
    ['2024年上半年完成条例修订。', 2024, 6, 'by'],
    ['力争2023年下半年建成运营中心。', 2023, 12, 'by'],
    ['截止2025年，实施产业专利导航项目3-5项。', 2025, null, 'by'],
    ['至2025年底，专利密集型产业增加值占GDP比重达到20%。', 2025, 12, 'by'],
    ['2023年前建立专家智库。', 2023, null, 'by'],
    ['“十四五”期间，全市质押融资登记金额累计达11亿元。', 2025, null, 'during'],
    ['“十四五”末，建成一批高价值专利培育中心。', 2025, null, 'by'],
    ['到2035年，知识产权综合竞争力跻身世界前列。', 2035, null, 'by'],
    ['展望2035年，美丽城市基本建成。', 2035, null, 'by'],
    ['2023—2025年，每年新增高新技术企业50家。', 2025, null, 'during'],
    ['2022年至2025年，累计培育专精特新企业100家。', 2025, null, 'during'],
    ['到二〇三五年，基本实现社会主义现代化。', 2035, null, 'by'],
    ['到二○二五年底，建成市级数据中心。', 2025, 12, 'by'],
    ['年内出台专利资助办法。', 2022, 12, 'by'],
    ['力争于2024年年底前实现全覆盖。', 2024, 12, 'by'],
    ['十四五期间，累计培育示范企业50家。', 2025, null, 'during'],
    ['到十四五末，建成知识产权强市。', 2025, null, 'by'],
    ['‘十四五’期间，新增贯标企业100家。', 2025, null, 'during'],
    ['请各区于2023年3月31日前将推荐材料报送市知识产权局。', 2023, 3, 'by']
  ])('should read `%s`', async (sentence, year, month, kind) => {
    const record = await extractText(dated('二、重点任务\n\n' + sentence + '\n'))
    expect(record.deadlines.map((deadline) => [deadline.year, deadline.month, deadline.kind, deadline.text])).toEqual([
      [year, month, kind, sentence]
    ])
  })

  test.each([
    ['截至2021年底，全市有效发明专利量达113788件。'],
    ['截至2021年年底，全市有效发明专利量达113788件。'],
    ['二〇二一年，全市新增专利授权4731件。'],
    ['根据《知识产权强国建设纲要（2021—2035年）》，制定本规划。'],
    ['2021年，全市授权发明专利占总量比23.5%。'],
    ['预计到2025年，该指标可完成预期目标。'],
    ['按目前增速，到2025年难以完成预期目标。'],
    ['其余指标到2025年可全面完成规划目标。'],
    ['本意见自2023年5月1日起施行，有效期至2028年4月30日。'],
    ['自2022年起，实行专利资助新办法。'],
    ['“十三五”期间，全区新增专利授权4731件。'],
    ['每年组织一批企业纳入培育与辅导。'],
    ['2023年9月']
  ])('should not take `%s` for a deadline', async (sentence) => {
    const record = await extractText(dated(sentence + '\n'))
    expect(record.deadlines).toEqual([])
  })

  test('should take the plan period as the earliest year an undated plan speaks from', async () => {
    const record = await extractText(
      '某县“十四五”文化和旅游发展规划\n\n一、发展基础\n\n“十三五”期间，全县接待游客达到2500万人次。\n\n二、发展目标\n\n到2025年，全县旅游总收入达到500亿元。\n'
    )
    expect(record.deadlines.map((deadline) => deadline.year)).toEqual([2025])
  })

  test("should date a heading's run-in body by the time its title names, and not take a stage's span for the period", async () => {
    const record = await extractText(
      '某县知识产权强县建设实施方案\n\n一、工作目标\n\n（一）第一阶段（2022年）：建成县级知识产权保护工作站3个。\n\n（二）第二阶段（2023—2024年）：累计培育知识产权示范企业10家。\n\n（三）第三阶段（2025年）：每万人口发明专利拥有量达到8件。\n'
    )
    expect(record.period).toBeNull()
    expect(record.deadlines.map((deadline) => [deadline.year, deadline.kind, deadline.text])).toEqual([
      [2022, 'by', '建成县级知识产权保护工作站3个。'],
      [2024, 'during', '累计培育知识产权示范企业10家。'],
      [2025, 'by', '每万人口发明专利拥有量达到8件。']
    ])
  })

  test('should take an undated report as speaking from after the last year its progress table reports', async () => {
    const table =
      '序号\t指标\t单位\t2025年目标\t2021年\t2022年\t完成情况\n1\t有效发明专利拥有量\t万件\t10\t8.1\t8.9\t达到序时进度\n'
    const record = await extractText(
      '某市“十四五”知识产权发展规划中期评估报告\n\n一、主要指标完成情况\n\n' +
        table +
        '\n二、下一步工作\n\n到2022年底，全市有效发明专利拥有量达到8.9万件。力争到2025年，全市有效发明专利拥有量达到10万件。\n'
    )
    expect(record.targets.map((target) => target.actuals.map((actual) => actual.year))).toEqual([[2021, 2022]])
    expect(record.deadlines.map((deadline) => deadline.year)).toEqual([2025])
  })

  test('should skip the guiding statements of 指导思想', async () => {
    const record = await extractText(
      dated('二、总体要求\n\n（一）指导思想\n\n“十四五”期间，要以新发展理念为指引，深入实施知识产权战略。\n')
    )
    expect(record.deadlines).toEqual([])
  })

  test('should give one entry per time expression, with the targets its sentence sets', async () => {
    const record = await extractText(
      dated(
        '二、面临形势\n\n到2025年，知识产权强国建设取得明显成效；到2035年，综合竞争力跻身世界前列。\n\n三、重点任务\n\n到2025年，实现知识产权质押融资总额超200亿元，服务企业总数达 5000 家。\n'
      )
    )
    expect(record.deadlines.map((deadline) => deadline.year)).toEqual([2025, 2035, 2025])
    const set = (ids: string[]) =>
      ids
        .map((id) => record.targets.find((target) => target.id === id))
        .map((target) => [target?.indicator, target?.value, target?.unit, target?.origin])
    expect(record.deadlines[0]?.targets).toEqual([])
    expect(set(record.deadlines[2]!.targets)).toEqual([
      ['知识产权质押融资总额', {kind: 'number', number: 200, comparator: '>'}, '亿元', 'task'],
      ['服务企业总数', {kind: 'number', number: 5000}, '家', 'task']
    ])
    expect(record.deadlines[0]?.section).toBe('s2')
  })

  test('should find no deadline in a document that has none', async () => {
    const record = await extractText(dated('坚持创新驱动，加强保护。\n\n二、保障措施\n\n加强组织领导。\n'))
    expect(record.deadlines).toEqual([])
  })
})
