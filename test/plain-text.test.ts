import {describe, expect, test} from 'vitest'
import type {Heading, Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {splitLines} from '../pipeline/parsers/lines.js'
import {parsePlainText} from '../pipeline/parsers/plain-text.js'
import {pointFactory} from '../pipeline/parsers/point.js'
import {extractText, sliceAt} from './helpers/extract.js'

function headings(text: string): Array<[number, string | null | undefined, string]> {
  return parsePlainText(text)
    .children.filter((node): node is Heading => node.type === 'heading')
    .map((node) => [node.depth, node.data?.number, toString(node)])
}

/** Each block of the parsed text: its type and its text. */
function blocks(text: string): Array<[string, string]> {
  return parsePlainText(text).children.map((node) => [node.type, toString(node)])
}

function tables(text: string): string[][][] {
  return parsePlainText(text)
    .children.filter((node): node is Table => node.type === 'table')
    .map((table) => table.children.map((row) => row.children.map((cell) => toString(cell))))
}

describe('parsePlainText', () => {
  test('should rank outline markers and number depths by the ranks used', () => {
    const text = '一、总体要求\n\n（一）指导思想\n\n1. 健全机制\n\n(2) 细则\n\n二、重点任务\n'
    expect(headings(text)).toEqual([
      [1, '一、', '总体要求'],
      [2, '（一）', '指导思想'],
      [3, '1.', '健全机制'],
      [4, '(2)', '细则'],
      [1, '二、', '重点任务']
    ])
  })

  test('should split a run-in heading from the body after its first sentence', () => {
    expect(blocks('(四) 完善知识产权法规政策。修订实施条例，制定政策。\n')).toEqual([
      ['heading', '完善知识产权法规政策'],
      ['paragraph', '修订实施条例，制定政策。']
    ])
  })

  test('should end a run-in title at a colon too, but not before a definition, and drop the colon of a title line', () => {
    expect(
      blocks(
        '一、工作目标：到2025年，全县高新技术企业达到100家。\n\n二、主要目标：\n\n注：\n1．万人发明专利拥有量：指每万人口拥有的有效发明专利数量。\n'
      )
    ).toEqual([
      ['heading', '工作目标'],
      ['paragraph', '到2025年，全县高新技术企业达到100家。'],
      ['heading', '主要目标'],
      ['paragraph', '注：'],
      ['paragraph', '1．万人发明专利拥有量：指每万人口拥有的有效发明专利数量。']
    ])
  })

  test('should read a numbered sentence that opens with its time as an item, not a heading, but keep a title that names a year', () => {
    expect(
      blocks(
        '二、主要任务\n（一）到2023年底，建成县知识产权维权援助工作站。\n（二）2024年6月底前，完成专利导航。\n三、2023年重点工作\n（一）到2025年主要目标\n（二）到2035年远景目标。建成强县。\n'
      )
    ).toEqual([
      ['heading', '主要任务'],
      ['paragraph', '（一）到2023年底，建成县知识产权维权援助工作站。'],
      ['paragraph', '（二）2024年6月底前，完成专利导航。'],
      ['heading', '2023年重点工作'],
      ['heading', '到2025年主要目标'],
      ['heading', '到2035年远景目标'],
      ['paragraph', '建成强县。']
    ])
  })

  test('should read the numbered lines after 注： as notes, up to the next unnumbered line', () => {
    const tree = parsePlainText(
      '第二节 发展目标\n\n注：1．学前三年毛入园率：指在园幼儿数占适龄人口的比例。\n2．属性为约束性的指标须完成。\n\n第三章 主要任务\n\n加强师资。\n\n（一）推进普惠发展。\n'
    )
    expect(tree.children.map((node) => node.type)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'heading'
    ])
    const next = parsePlainText('第二章 发展目标\n\n注：1．属性为约束性的指标须完成。\n一、总体目标\n')
    expect(next.children.map((node) => node.type)).toEqual(['heading', 'paragraph', 'heading'])
  })

  test('should not take a long numbered note or a decimal for a heading', () => {
    const text =
      '2. 万人高价值有效发明专利拥有量是指每万人口本区居民拥有的经国家知识产权局授权的符合下列任一条件的有效发明专利数量。\n\n1.5亿元的资金\n'
    expect(headings(text)).toEqual([])
  })

  test('should end a run-in title at a run of spaces before a sentence, but not at a space inside a title', () => {
    expect(blocks('（一）提升创造质量　　到2025年，培育示范企业20家。\n\n（二）强化保护　提升运用\n')).toEqual([
      ['heading', '提升创造质量'],
      ['paragraph', '到2025年，培育示范企业20家。'],
      ['heading', '强化保护　提升运用']
    ])
  })

  test('should read a cell-per-line table with empty first cells and blank-line rows', () => {
    const text =
      '主要指标\n\t分类\n\t指标（单位）\n\t目标\n\n\t创造\n\t有效发明专利拥有量（件）\n\t1600\n\n\t\n\t万人高价值发明专利拥有量（件）\n\t15\n\n\n注：说明文字。\n'
    expect(tables(text)).toEqual([
      [
        ['分类', '指标（单位）', '目标'],
        ['创造', '有效发明专利拥有量（件）', '1600'],
        ['', '万人高价值发明专利拥有量（件）', '15']
      ]
    ])
  })

  test('should read a stacked table: a cell a line, rows as wide as the header, ended by a heading', () => {
    const text =
      '指标名称\n单位\n2020年\n2025年目标\n市场主体总量\n万户\n5.2\n7\n食品抽检合格率\n%\n98\n≥98.5\n二、重点任务\n加强监管能力建设。\n'
    expect(tables(text)).toEqual([
      [
        ['指标名称', '单位', '2020年', '2025年目标'],
        ['市场主体总量', '万户', '5.2', '7'],
        ['食品抽检合格率', '%', '98', '≥98.5']
      ]
    ])
    expect(headings(text)).toEqual([[1, '二、', '重点任务']])
  })

  test('should read a stacked table under a 序号 column row by row, with category rows, left-out merged cells and a page break', () => {
    const numbered =
      '序号\n指标\n2020年\n2025年\n属性\n一、创造\n1\n发明专利拥有量（件）\n186\n300\n预期性\n2\n商标总量（件）\n12056\n18000\n预期性\n注：〔 〕内为累计数。\n'
    expect(tables(numbered)).toEqual([
      [
        ['序号', '指标', '2020年', '2025年', '属性'],
        ['一、创造'],
        ['1', '发明专利拥有量（件）', '186', '300', '预期性'],
        ['2', '商标总量（件）', '12056', '18000', '预期性']
      ]
    ])
    const merged =
      '类别\n\n序号\n\n指标\n\n2020年\n\n2025年\n\n创造\n\n1\n\n发明专利拥有量\n\n186\n\n300\n\n2\n\n- 3 -\n\n商标总量\n\n12056\n\n18000\n\n运用\n\n3\n\n质押融资金额\n\n2.5\n\n5\n'
    expect(tables(merged)).toEqual([
      [
        ['类别', '序号', '指标', '2020年', '2025年'],
        ['创造', '1', '发明专利拥有量', '186', '300'],
        ['', '2', '商标总量', '12056', '18000'],
        ['运用', '3', '质押融资金额', '2.5', '5']
      ]
    ])
  })

  test('should leave a category line before the next number to the next row, never fold it into an attribute column, and take 【8】 for a value', () => {
    const text =
      '类别\n序号\n指标名称\n单位\n2020年\n2025年\n属性\n创造\n1\n发明专利拥有量\n件\n0.9\n2.5\n预期性\n2\nPCT专利申请量\n件\n12\n50\n预期性\n运用\n3\n质押融资\n金额\n亿元\n【3.2】\n【8】\n预期性\n保护\n4\n保护满意度\n分\n80.5\n85\n约束性\n'
    expect(tables(text)).toEqual([
      [
        ['类别', '序号', '指标名称', '单位', '2020年', '2025年', '属性'],
        ['创造', '1', '发明专利拥有量', '件', '0.9', '2.5', '预期性'],
        ['', '2', 'PCT专利申请量', '件', '12', '50', '预期性'],
        ['运用', '3', '质押融资金额', '亿元', '【3.2】', '【8】', '预期性'],
        ['保护', '4', '保护满意度', '分', '80.5', '85', '约束性']
      ]
    ])
  })

  test('should read a stacked row under a 序号 whose indicator is printed in two lines, the last row too, and leave what follows the table out', () => {
    const text =
      '序号\n指标\n单位\n2020年\n2025年\n1\n每万人口高价值发明\n专利拥有量\n件\n5\n10\n2\nPCT专利申请量\n件\n100\n200\n3\n知识产权质押融资\n登记金额\n亿元\n2\n5\n表2\n说明\n'
    expect(tables(text)).toEqual([
      [
        ['序号', '指标', '单位', '2020年', '2025年'],
        ['1', '每万人口高价值发明专利拥有量', '件', '5', '10'],
        ['2', 'PCT专利申请量', '件', '100', '200'],
        ['3', '知识产权质押融资登记金额', '亿元', '2', '5']
      ]
    ])
  })

  test('should read a stacked header name printed in two lines (2025年 / 预期目标, 2020年 / 基数) as one, where the numbered rows are narrower', () => {
    const text =
      '序号\n指标名称\n2025年\n预期目标\n2021年\n完成值\n2022年\n完成值\n序时进度\n1\n高价值发明专利拥有量（件）\n22\n15.6\n18.9\n超过序时进度\n2\nPCT专利申请量（件）\n＞1000\n680\n860\n达到序时进度\n'
    expect(tables(text)).toEqual([
      [
        ['序号', '指标名称', '2025年预期目标', '2021年完成值', '2022年完成值', '序时进度'],
        ['1', '高价值发明专利拥有量（件）', '22', '15.6', '18.9', '超过序时进度'],
        ['2', 'PCT专利申请量（件）', '＞1000', '680', '860', '达到序时进度']
      ]
    ])
    // The second line may be a bare word (2020年 / 基数, 2021年 / 完成).
    const bare =
      '序号\n指标名称\n2020年\n基数\n2025年\n目标\n2021年\n完成\n进展情况\n1\n高价值发明专利拥有量（件）\n10.5\n20\n12.8\n超序时进度\n2\nPCT专利申请量（件）\n600\n1000\n230\n滞后\n'
    expect(tables(bare)).toEqual([
      [
        ['序号', '指标名称', '2020年基数', '2025年目标', '2021年完成', '进展情况'],
        ['1', '高价值发明专利拥有量（件）', '10.5', '20', '12.8', '超序时进度'],
        ['2', 'PCT专利申请量（件）', '600', '1000', '230', '滞后']
      ]
    ])
  })

  test('should read a table laid out with runs of spaces (pdftotext -layout) from its header row on', () => {
    const text =
      '          表1  主要指标\n  类别        指标                  2020年    2025年\n  知识产权创造\n              发明专利拥有量（件）  186       300\n  运用        质押融资金额（亿元）  2.5       5\n\n       - 5 -\n（一）提升质量  到2025年，培育示范企业20家。\n'
    expect(tables(text)).toEqual([
      [
        ['类别', '指标', '2020年', '2025年'],
        ['知识产权创造'],
        ['', '发明专利拥有量（件）', '186', '300'],
        ['运用', '质押融资金额（亿元）', '2.5', '5']
      ]
    ])
    expect(tables('一、发展目标  到2025年\n专利  2020年  300件。\n')).toEqual([])
    // A short header that opens with a column name, like a stacked table's first cell.
    expect(tables('指标  2020年  2025年\n专利  186  300\n商标  12  18\n')).toEqual([
      [
        ['指标', '2020年', '2025年'],
        ['专利', '186', '300'],
        ['商标', '12', '18']
      ]
    ])
  })

  test('should read tab-indented cells with no blank line between rows by the 序号 column, a caption above it left out', () => {
    const text =
      '主要指标完成情况\n\t序号\n\t内容\n\t预期目标\n\t2021年完成值\n\t序时进度\n\t1\n\t万人高价值发明专利拥有量\n\t50 件\n\t39.79\n\t达到序时进度\n\t2\n\t新增海外发明专利\n\t＞3500 件\n\t3451\n\t达到序时进度\n'
    expect(tables(text)).toEqual([
      [
        ['序号', '内容', '预期目标', '2021年完成值', '序时进度'],
        ['1', '万人高价值发明专利拥有量', '50 件', '39.79', '达到序时进度'],
        ['2', '新增海外发明专利', '＞3500 件', '3451', '达到序时进度']
      ]
    ])
  })

  test('should join the lines of a cell of several paragraphs where the value columns then hold values', () => {
    const text =
      '\t序号\n\t指标\n\t单位\n\t2020年\n\t2025年\n\t属性\n\n\t1\n\t每万人口高价值发明专利\n\t拥有量\n\t件\n\t5.2\n\t12\n\t预期性\n\n\t2\n\t有效注册商标量\n\t万件\n\t2.1\n\t3.5\n\t预期性\n\t（引导）\n\n\t3\n\t质押融资金额\n\t亿元\n\t8\n\t≥20\n\t约束性\n'
    expect(tables(text)).toEqual([
      [
        ['序号', '指标', '单位', '2020年', '2025年', '属性'],
        ['1', '每万人口高价值发明专利拥有量', '件', '5.2', '12', '预期性'],
        ['2', '有效注册商标量', '万件', '2.1', '3.5', '预期性（引导）'],
        ['3', '质押融资金额', '亿元', '8', '≥20', '约束性']
      ]
    ])
  })

  test('should join a tab-separated row broken over two lines by a cell of two paragraphs', () => {
    const text =
      '序号\t指标\t单位\t2020年\t2025年\n1\t每万人口高价值发明专利\n拥有量\t件\t5.2\t12\n2\t有效注册商标量\t万件\t2.1\t3.5\n知识产权运用\n3\t质押融资金额\t亿元\t8\t20\n'
    expect(tables(text)).toEqual([
      [
        ['序号', '指标', '单位', '2020年', '2025年'],
        ['1', '每万人口高价值发明专利拥有量', '件', '5.2', '12'],
        ['2', '有效注册商标量', '万件', '2.1', '3.5'],
        ['知识产权运用'],
        ['3', '质押融资金额', '亿元', '8', '20']
      ]
    ])
  })

  test('should join a header name printed in two paragraphs where the rows are narrower (2025年 / 目标值)', () => {
    const text =
      '\t指标\n\t（单位）\n\t2020年\n\t2025年\n\t目标值\n\n\t发明专利（件）\n\t186\n\t300\n\n\t商标（件）\n\t12056\n\t18000\n'
    expect(tables(text)).toEqual([
      [
        ['指标（单位）', '2020年', '2025年目标值'],
        ['发明专利（件）', '186', '300'],
        ['商标（件）', '12056', '18000']
      ]
    ])
  })

  test('should read a stacked table on across a page break, its header printed again', () => {
    const text =
      '序号\n指标\n2025年\n1\n发明专利（件）\n300\n— 5 —\n某县知识产权规划\n序号\n指标\n2025年\n2\n商标（件）\n500\n— 6 —\n某县知识产权规划\n3\n版权（件）\n80\n'
    expect(tables(text)).toEqual([
      [
        ['序号', '指标', '2025年'],
        ['1', '发明专利（件）', '300'],
        ['2', '商标（件）', '500'],
        ['3', '版权（件）', '80']
      ]
    ])
  })

  test('should read a stacked table without 序号 whose rows leave a merged category out', () => {
    const text =
      '类别\n指标\n2020年\n2025年\n创造\n发明专利（件）\n186\n300\n商标（件）\n12056\n18000\n运用\n质押融资（亿元）\n〔2〕\n〔5〕\n三、重点任务\n'
    expect(tables(text)).toEqual([
      [
        ['类别', '指标', '2020年', '2025年'],
        ['创造', '发明专利（件）', '186', '300'],
        ['', '商标（件）', '12056', '18000'],
        ['运用', '质押融资（亿元）', '〔2〕', '〔5〕']
      ]
    ])
  })

  test('should keep a bare value between two long indicator names as a cell, not a page number', () => {
    const text =
      '类别\n\n指标（单位）\n\n“十四五”发展目标\n\n知识产权创造\n\n有效发明专利拥有量（件）\n\n1600\n\n万人高价值有效发明专利拥有量（件）\n\n15\n\n累计集成电路布图设计登记量（件）\n\n200\n'
    expect(tables(text)).toEqual([
      [
        ['类别', '指标（单位）', '“十四五”发展目标'],
        ['知识产权创造', '有效发明专利拥有量（件）', '1600'],
        ['', '万人高价值有效发明专利拥有量（件）', '15'],
        ['', '累计集成电路布图设计登记量（件）', '200']
      ]
    ])
    expect(parsePlainText(text).data?.removedLines).toEqual([])
    // Between sentences, the same bare number is a page number.
    const prose = '知识产权宏观管理明显增强，知识产权工作推进力度不断加\n\n15\n\n大，先后出台一系列政策和措施文件。\n'
    expect(parsePlainText(prose).data?.removedLines?.map((line) => [line.kind, line.text])).toEqual([
      ['page-number', '15']
    ])
  })

  test('should not read short lines without a header of indicators and values as a stacked table', () => {
    expect(tables('指标\n单位\n属性\n发明专利\n件\n预期性\n')).toEqual([])
    expect(tables('指标名称\n2025年\n到2025年，发明专利拥有量达到300件。\n')).toEqual([])
  })

  test('should read a tab-separated table with a leading tab for an empty cell', () => {
    const text = '项目\t指标（单位）\t发展目标\n产出\t发明专利拥有量（件）\t3100\n\t有效注册商标量（件）\t15000\n'
    expect(tables(text)).toEqual([
      [
        ['项目', '指标（单位）', '发展目标'],
        ['产出', '发明专利拥有量（件）', '3100'],
        ['', '有效注册商标量（件）', '15000']
      ]
    ])
  })

  test('should read pipe rows, a grid of them between rule lines (pandoc plain text), a wrapped cell joined, and the dashes of a simple table as no row', () => {
    expect(tables('| 指标 | 2025年 |\n|---|---|\n| 专利 | 300 |\n| 商标 |  |\n')).toEqual([
      [
        ['指标', '2025年'],
        ['专利', '300'],
        ['商标', '']
      ]
    ])
    const grid =
      '+--------------+--------+\n| 指标         | 2025年 |\n+==============+========+\n| 每万人口高价 | 12     |\n| 值专利拥有量 |        |\n+--------------+--------+\n| 商标         | 500    |\n+--------------+--------+\n'
    expect(tables(grid)).toEqual([
      [
        ['指标', '2025年'],
        ['每万人口高价值专利拥有量', '12'],
        ['商标', '500']
      ]
    ])
    // pandoc's simple table: columns apart by spaces, dashes under the header and the last row.
    const simple =
      '  指标          单位   2025年\n  ------------- ------ ------\n  发明专利      件     300\n  质押融资      亿元   5\n  ------------- ------ ------\n\n三、主要任务\n'
    expect(tables(simple)).toEqual([
      [
        ['指标', '单位', '2025年'],
        ['发明专利', '件', '300'],
        ['质押融资', '亿元', '5']
      ]
    ])
  })

  test('should read a table whose cells are apart by single spaces: a name holding a space joined, a merged category left out, a category row', () => {
    const text =
      '表1\n类别 指标 单位 2020年 2025年\n创造 发明专利拥有量 件 500 1200\n商标注册量 件 3000 5000\n运用 PCT 国际专利申请量 件 10 30\n保护\n知识产权保护满意度 分 80 85\n二、主要任务\n'
    expect(tables(text)).toEqual([
      [
        ['类别', '指标', '单位', '2020年', '2025年'],
        ['创造', '发明专利拥有量', '件', '500', '1200'],
        ['', '商标注册量', '件', '3000', '5000'],
        ['运用', 'PCT 国际专利申请量', '件', '10', '30'],
        ['保护'],
        ['', '知识产权保护满意度', '分', '80', '85']
      ]
    ])
    // 项目 beside 指标 names the categories; a row without its category is one word short.
    expect(
      tables(
        '项目 指标（单位） 发展目标\n产出 发明专利拥有量（件） 3100\n有效注册商标量（件） 15000\n运用 质押融资（亿元） 11\n'
      )
    ).toEqual([
      [
        ['项目', '指标（单位）', '发展目标'],
        ['产出', '发明专利拥有量（件）', '3100'],
        ['', '有效注册商标量（件）', '15000'],
        ['运用', '质押融资（亿元）', '11']
      ]
    ])
    // A full-width space between cells, as a Word table saved as text may print it.
    expect(
      tables('指标\u3000单位\u30002025年\n发明专利拥有量\u3000件\u30001200\n商标注册量\u3000件\u30005000\n')
    ).toEqual([
      [
        ['指标', '单位', '2025年'],
        ['发明专利拥有量', '件', '1200'],
        ['商标注册量', '件', '5000']
      ]
    ])
    // Prose that opens with a column's name is no header.
    expect(tables('指标 体系更加完善，2025年 达到 100件。\n指标 1 2 3\n')).toEqual([])
  })

  test('should read a laid-out header name that goes on below it, and put each cell of a row under the name it lies under', () => {
    const text = [
      '  类别      指标名称                  单位     2020年     2025年     属性',
      '                                              （基期）   （目标）',
      '  创造      每万人口发明专利拥有量    件       9.2        20         预期性',
      '            海外发明专利授权量        件       〔120〕    〔300〕    预期性',
      '  运用      质押融资金额              亿元                〔25〕     预期性',
      ''
    ].join('\n')
    expect(tables(text)).toEqual([
      [
        ['类别', '指标名称', '单位', '2020年（基期）', '2025年（目标）', '属性'],
        ['创造', '每万人口发明专利拥有量', '件', '9.2', '20', '预期性'],
        ['', '海外发明专利授权量', '件', '〔120〕', '〔300〕', '预期性'],
        ['运用', '质押融资金额', '亿元', '', '〔25〕', '预期性']
      ]
    ])
  })

  test('should read double-spaced rows as one table, and a header of its own after a blank line as another', () => {
    const text =
      '指标\t2020年\t2025年\n\n生态保护红线面积\t不减少\t不减少\n\n森林覆盖率（%）\t62.1\t62.5\n\n指标\t2021年\t2022年\t2025年\n规上工业增加值（亿元）\t230\t260\t350\n'
    expect(tables(text)).toEqual([
      [
        ['指标', '2020年', '2025年'],
        ['生态保护红线面积', '不减少', '不减少'],
        ['森林覆盖率（%）', '62.1', '62.5']
      ],
      [
        ['指标', '2021年', '2022年', '2025年'],
        ['规上工业增加值（亿元）', '230', '260', '350']
      ]
    ])
  })

  test('should keep a one-line tab-indented 专栏 title as a paragraph, not a table', () => {
    const tree = parsePlainText('\t专栏1：知识产权护航工程\n\n\t制定分析评议规程，规避风险。\n')
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph'])
  })

  test('should join a sentence broken by a blank line and a page number', () => {
    const text = '知识产权宏观管理明显增强。知识产权工作推进力度不断加\n\n- 3 -\n\n大，先后出台一系列政策。\n'
    const tree = parsePlainText(text)
    expect(tree.children.map((node) => toString(node))).toEqual([
      '知识产权宏观管理明显增强。知识产权工作推进力度不断加大，先后出台一系列政策。'
    ])
    expect(tree.data?.removedLines?.map((line) => [line.kind, line.text])).toEqual([['page-number', '- 3 -']])
    expect(tree.data?.joinedLines).toHaveLength(1)
  })

  test('should join a full line closing a quote to a line that cannot open a sentence', () => {
    // A page hard-wrapped at 30 characters, a line of it ending on a closing quote.
    const filler = '加强知识产权保护，完善快速协同保护体系，提高保护效率。'
    const first = filler + filler.slice(0, 18) + '努力培植“大众创新、万众创业”的创新土壤，逐步减少政府引导。'
    const wrap = (text: string) => text.match(/.{1,30}/gu)!.join('\n')
    const page = wrap(filler.repeat(10)) + '\n'
    expect(blocks(page + wrap(first)).map(([, text]) => text)).toEqual([filler.repeat(10), first])
    // A line short of the page's width ends its paragraph.
    expect(blocks(page + '形成“大众创新、万众创业”\n的创新土壤。').map(([, text]) => text)).toEqual([
      filler.repeat(10),
      '形成“大众创新、万众创业”',
      '的创新土壤。'
    ])
  })

  test('should drop a running head printed beside every page number, and keep the title it repeats', () => {
    const text =
      '某市知识产权发展规划\n\n到2025年，有效注册商标总量达到5万件，知识产权质押融资\n— 5 —\n某市知识产权发展规划\n额累计达到100亿元，建成知识产权快速维权中心和保护中心\n— 6 —\n某市知识产权发展规划\n各1家。\n'
    const tree = parsePlainText(text)
    expect(tree.children.map((node) => toString(node))).toEqual([
      '某市知识产权发展规划',
      '到2025年，有效注册商标总量达到5万件，知识产权质押融资额累计达到100亿元，建成知识产权快速维权中心和保护中心各1家。'
    ])
    expect(tree.data?.removedLines?.map((line) => line.kind)).toEqual([
      'page-number',
      'running-head',
      'page-number',
      'running-head'
    ])
    expect(tables('指标\t2025年\n专利\t300\n- 5 -\n指标\t2025年\n商标\t500\n- 6 -\n指标\t2025年\n')).toHaveLength(1)
  })

  test('should join hard-wrapped lines as wide as the page, though one holds no comma, and read a full numbered line as a paragraph', () => {
    const wrapped = [
      '　　注：1. 知识产权高端人才：知识产权领军人才、骨干人才，中高级知识',
      '产权师，专利代理师等。',
      '　　2. 万人高价值发明专利拥有量是指每万人口本区居民拥有的经国家知识',
      '产权局授权的符合下列任一条件的有效发明专利数量：一是战略性新兴产业的',
      '有效发明专利；二是维持年限超过10年的有效发明专利；三是实现较高质押融',
      '资金额的有效发明专利；四是获得国家科学技术奖的有效发明专利。力争“',
      '十四五”期间全区质押融资贷款总额达到10亿元，服务企业达到两百家以上。',
      '　　3. 万人高价值发明专利拥有量，是指每万人口拥有的高价值发明专利。',
      '　　（三）加快构建知识产权创造运用保护管理服务全链条体系建设工程和',
      '　　加强知识产权全链条保护，提高保护效率，完善快速协同保护体系。',
      '　　二、保障措施',
      '　　建立健全知识产权工作领导协调机制，统筹推进规划实施，落实工作责任。'
    ].join('\n')
    expect(blocks(wrapped)).toEqual([
      ['paragraph', '注：1. 知识产权高端人才：知识产权领军人才、骨干人才，中高级知识产权师，专利代理师等。'],
      [
        'paragraph',
        '2. 万人高价值发明专利拥有量是指每万人口本区居民拥有的经国家知识产权局授权的符合下列任一条件的有效发明专利数量：一是战略性新兴产业的有效发明专利；二是维持年限超过10年的有效发明专利；三是实现较高质押融资金额的有效发明专利；四是获得国家科学技术奖的有效发明专利。力争“十四五”期间全区质押融资贷款总额达到10亿元，服务企业达到两百家以上。'
      ],
      ['paragraph', '3. 万人高价值发明专利拥有量，是指每万人口拥有的高价值发明专利。'],
      // A full line followed by an indented one does not go on: a long title.
      ['heading', '加快构建知识产权创造运用保护管理服务全链条体系建设工程和'],
      ['paragraph', '加强知识产权全链条保护，提高保护效率，完善快速协同保护体系。'],
      ['heading', '保障措施'],
      ['paragraph', '建立健全知识产权工作领导协调机制，统筹推进规划实施，落实工作责任。']
    ])
    // Paragraphs a line each are not hard wrapped: a line without a comma stands alone.
    expect(parsePlainText('发展知识产权服务业提升服务能力和水平加快建设\n服务机构达到20家。\n').children).toHaveLength(
      2
    )
  })

  test('should cut a document whose line breaks were lost at its sentences and outline markers, the next 一、 in sequence only', () => {
    const body =
      '坚持市场主导，推进统一、规范、有序的知识产权市场建设，营造良好的创新环境和营商环境，增强全社会知识产权意识。'.repeat(
        6
      )
    const text =
      '某市“十四五”知识产权发展规划。为推进统一、开放的知识产权市场建设，制定本规划。一、发展基础“十三五”期间，全市知识产权工作取得明显成效。' +
      body +
      '二、发展目标到2025年，发明专利拥有量达到3100件。三、重点任务（一）提升创造质量加快培育高价值专利，推动企业开展专利导航，强化知识产权布局。' +
      body +
      '\n'
    expect(headings(text)).toEqual([
      [1, '一、', '发展基础'],
      [1, '二、', '发展目标'],
      [1, '三、', '重点任务'],
      [2, '（一）', '提升创造质量']
    ])
    // A document of many lines is never cut.
    expect(
      parsePlainText('一、发展基础\n\n' + body + '\n\n二、发展目标\n\n到2025年，发明专利拥有量达到3100件。\n').children
    ).toHaveLength(4)
  })

  test('should join a line that leaves a 《 open, though it holds no comma', () => {
    const tree = parsePlainText(
      '　　为深入贯彻《数字乡村发展战略纲要》和《浙江省数字经济\n促进条例》，加快推进数字乡村建设，现提出如下意见。\n'
    )
    expect(tree.children.map((node) => toString(node))).toEqual([
      '为深入贯彻《数字乡村发展战略纲要》和《浙江省数字经济促进条例》，加快推进数字乡村建设，现提出如下意见。'
    ])
  })

  test('should not join a title line with the line after it', () => {
    const tree = parsePlainText('浦口区“十四五”知识产权发展规划\n“十四五”时期是关键阶段，意义重大。\n')
    expect(tree.children).toHaveLength(2)
  })

  test('should remove conversion debris at the start of a line and keep exact positions', () => {
    const text = '[bookmark: _Toc1][bookmark: _Toc2]持续实施国家标准。\n'
    const tree = parsePlainText(text)
    const paragraph = tree.children[0]!
    expect(toString(paragraph)).toBe('持续实施国家标准。')
    expect(text.slice(paragraph.position!.start.offset, paragraph.position!.end.offset)).toBe('持续实施国家标准。')
    expect(tree.data?.removedLines?.[0]?.kind).toBe('debris')
  })

  test("should drop the watermark of a converter's evaluation copy (Spire.Doc, Aspose.Words), so it joins no title", () => {
    for (const watermark of [
      'Evaluation Warning: The document was created with Spire.Doc for .NET.',
      'Evaluation Only. Created with Aspose.Words. Copyright 2003-2021 Aspose Pty Ltd.'
    ]) {
      const tree = parsePlainText(watermark + '\n关于印发某规划的通知\n一、总则\n')
      expect(tree.children.map((node) => toString(node))).toEqual(['关于印发某规划的通知', '总则'])
      expect(tree.data?.removedLines?.[0]?.kind).toBe('debris')
    }
  })

  test('should drop 法宝引证码 lines and handle CRLF line endings', () => {
    const text = '关于印发某规划的通知\r\n【法宝引证码】CLI.12.3456\r\n一、总则\r\n'
    const tree = parsePlainText(text)
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'heading'])
    const heading = tree.children[1]!
    expect(heading.position!.start.line).toBe(3)
    expect(text.slice(heading.position!.start.offset, heading.position!.end.offset)).toBe('一、总则')
  })
})

describe('page breaks as pdftotext prints them', () => {
  test('should read a heading after the form feed that opens a page', () => {
    expect(headings('某市规划\n\n一、发展目标\n\n加强。\n\f二、主要任务\n\n加强。\n\f\n三、保障措施\n')).toEqual([
      [1, '一、', '发展目标'],
      [1, '二、', '主要任务'],
      [1, '三、', '保障措施']
    ])
  })
})

describe('plans whose section numbers were lost', () => {
  const text =
    '某市“十四五”知识产权发展规划\n\n发展基础和面临形势\n\n“十三五”期间，成效显著。\n\n发展目标\n\n到2025年，发明专利拥有量达到1000件。\n\n强化政策建设，优化知识产权治理体系\n\n完善政策。\n\n2025年目标\n\n保障措施\n\n加强组织领导。\n'

  test("should read a section's bare name as its heading where nothing is numbered, and a short line after a finished sentence as another", () => {
    expect(headings(text)).toEqual([
      [1, null, '发展基础和面临形势'],
      [1, null, '发展目标'],
      [1, null, '强化政策建设，优化知识产权治理体系'],
      [1, null, '保障措施']
    ])
  })

  test('should leave the names as paragraphs where the sections or their parts are numbered', () => {
    expect(
      headings('某市规划\n\n一、发展目标\n\n到2025年，发明专利拥有量达到1000件。\n\n保障措施\n\n加强领导。\n')
    ).toEqual([[1, '一、', '发展目标']])
    expect(headings('某市规划\n\n发展目标\n\n（一）主要指标\n\n到2025年，发明专利拥有量达到1000件。\n')).toEqual([
      [1, '（一）', '主要指标']
    ])
  })

  test("should leave a notice's signature (an organ above its date) out of the bare headings", async () => {
    const record = await extractText(
      '关于开展知识产权宣传周活动的通知\n\n各区知识产权局：\n\n现将有关事项通知如下：\n\n工作要求\n\n各单位要高度重视，认真组织实施。\n\n某市知识产权局\n2023年4月10日\n'
    )
    expect(record.outline.map((section) => section.title)).toEqual(['工作要求'])
    expect([record.issuers.map((issuer) => issuer.name), record.date?.value]).toEqual([
      ['某市知识产权局'],
      '2023-04-10'
    ])
  })

  test('should read the goals under a bare 发展目标', async () => {
    const record = await extractText(text)
    expect(record.targets.map((target) => [target.indicator, target.section])).toEqual([['发明专利拥有量', 's2']])
  })
})

describe('plans with chapters and a table of contents', () => {
  test('should drop the 目录 and its dot-leader lines, and rank 第X章 › 第X节 › 一、', () => {
    const text =
      '某市“十四五”规划\n\n目  录\n\n第一章 发展基础…………………………1\n第二章 总体要求……………………5\n\n第一章 发展基础\n\n第一节 主要成就\n\n一、创新能力\n\n成效显著。\n'
    const tree = parsePlainText(text)
    expect(tree.data?.removedLines?.map((line) => line.kind)).toEqual(['toc', 'toc', 'toc'])
    expect(headings(text)).toEqual([
      [1, '第一章', '发展基础'],
      [2, '第一节', '主要成就'],
      [3, '一、', '创新能力']
    ])
  })
})

describe('Markdown from converted Word documents', () => {
  test('should make a paragraph that opens with an outline marker a heading, bold or not, and split a bold run-in title from its body', async () => {
    const text =
      '**长兴县“十四五”交通运输发展规划**\n\n**一、发展目标：**\n\n**（一）主要目标。**到2025年，全县公路总里程达到3000公里。\n\n## 二、重点任务：\n\n加快推进高速公路建设。\n'
    const record = await extractText(text, 'markdown')
    expect(
      record.outline.map((section) => [
        section.number,
        section.title,
        section.children.map((child) => [child.number, child.title])
      ])
    ).toEqual([
      ['一、', '发展目标', [['（一）', '主要目标']]],
      ['二、', '重点任务', []]
    ])
    expect(sliceAt(text, record.outline[0]!.children[0]!.position)).toBe('主要目标')
    expect(record.targets.map((target) => [target.indicator, target.value, target.section])).toEqual([
      ['公路总里程', {kind: 'number', number: 3000}, 's1.1']
    ])
    expect(sliceAt(text, record.targets[0]!.position)).toBe('全县公路总里程达到3000公里')
  })

  test('should split a run-in title whose marker is plain and whose title alone is bold, and whose body goes on in plain text', async () => {
    const text =
      '**二、重点任务**\n\n（一）**提升创造质量**。到2023年底，培育优势企业10家。\n\n（二）加强保护：2024年6月底前，建成维权援助工作站。\n'
    const record = await extractText(text, 'markdown')
    expect(
      record.outline.map((section) => [
        section.number,
        section.title,
        section.children.map((child) => [child.number, child.title])
      ])
    ).toEqual([
      [
        '二、',
        '重点任务',
        [
          ['（一）', '提升创造质量'],
          ['（二）', '加强保护']
        ]
      ]
    ])
    expect(record.deadlines.map((deadline) => [deadline.year, sliceAt(text, deadline.position)])).toEqual([
      [2023, '到2023年底，培育优势企业10家。'],
      [2024, '2024年6月底前，建成维权援助工作站。']
    ])
  })

  test('should read a table printed in HTML (merged cells, as pandoc prints them) as a table, each cell where its element is', async () => {
    const text =
      '## 二、发展目标\n\n<table>\n<tr><td>类别</td><td>指标</td><td>2020年</td><td>2025年</td></tr>\n<tr><td rowspan="2">创造</td><td>发明专利拥有量（件）</td><td>500</td><td>1200</td></tr>\n<tr><td>商标注册量（件）</td><td>3000</td><td>5000</td></tr>\n</table>\n\n<table><tr><td>专栏1 强企工程</td></tr><tr><td>培育示范企业10家。</td></tr></table>\n'
    const record = await extractText(text, 'markdown')
    expect(record.targets.map((target) => [target.category, target.indicator, target.value, target.origin])).toEqual([
      ['创造', '发明专利拥有量', {kind: 'number', number: 1200}, 'table'],
      ['创造', '商标注册量', {kind: 'number', number: 5000}, 'table'],
      [null, '示范企业', {kind: 'number', number: 10}, 'column']
    ])
    expect(sliceAt(text, record.targets[1]!.position)).toBe('<td>商标注册量（件）</td><td>3000</td><td>5000</td>')
    expect(record.columns.map((column) => column.title)).toEqual(['强企工程'])
    // A goal inside a cell is positioned in its text, between the cell's tags.
    expect(sliceAt(text, record.targets[2]!.position)).toBe('培育示范企业10家')
  })

  test('should read a pandoc grid table, a cell wrapped over two lines joined, each cell where it is printed', async () => {
    const text = [
      '## 二、发展目标',
      '',
      '+----------------+------+--------+--------+',
      '| 指标           | 单位 | 2020年 | 2025年 |',
      '+================+======+========+========+',
      '| 每万人口高价值 | 件   | 5.2    | 12     |',
      '| 发明专利拥有量 |      |        |        |',
      '+----------------+------+--------+--------+',
      '| 质押融资金额   | 亿元 | 2      | 5      |',
      '+----------------+------+--------+--------+',
      ''
    ].join('\n')
    const record = await extractText(text, 'markdown')
    expect(
      record.targets.map((target) => [target.indicator, target.unit, target.value, target.baseline?.value])
    ).toEqual([
      ['每万人口高价值发明专利拥有量', '件', {kind: 'number', number: 12}, {kind: 'number', number: 5.2}],
      ['质押融资金额', '亿元', {kind: 'number', number: 5}, {kind: 'number', number: 2}]
    ])
    expect(sliceAt(text, record.targets[1]!.position)).toBe('质押融资金额   | 亿元 | 2      | 5')
    expect(record.diagnostics.map((diagnostic) => diagnostic.rule)).not.toContain('unread-goal-number')
  })

  test('should read a table cell printed in two lines (`<br>`) as one', async () => {
    const text =
      '## 一、发展目标\n\n| 类别 | 指标<br>（单位） | 2020年 | 2025年<br>目标值 |\n|---|---|---|---|\n| 创造 | 每万人口高价值<br>发明专利拥有量（件） | 5 | 10 |\n'
    const record = await extractText(text, 'markdown')
    expect(record.targets.map((target) => [target.indicator, target.unit, target.value, target.year])).toEqual([
      ['每万人口高价值发明专利拥有量', '件', {kind: 'number', number: 10}, 2025]
    ])
  })

  test("should make a section's bare name in bold a heading where nothing is numbered", async () => {
    const text =
      '# 某市“十四五”知识产权发展规划\n\n**发展基础**\n\n成效显著。\n\n**发展目标**\n\n到2025年，发明专利拥有量达到1000件。\n\n**主要任务**\n\n加强培育。\n'
    const record = await extractText(text, 'markdown')
    expect(record.outline.map((section) => [section.number, section.title])).toEqual([
      [null, '发展基础'],
      [null, '发展目标'],
      [null, '主要任务']
    ])
    expect(record.targets.map((target) => [target.indicator, target.section])).toEqual([['发明专利拥有量', 's2']])
  })
})

describe('pointFactory', () => {
  test('should give the line and column of every offset, in any order, for LF, CRLF and CR', () => {
    const text = '一、总体要求\r\n\r\n（一）指导思想\n到2025年\r末行\n'
    const point = pointFactory(splitLines(text))
    // Counted the slow way: a line break belongs to the line it ends.
    const expected = (offset: number) => {
      let line = 1
      let start = 0
      for (let index = 0; index < offset; index++) {
        const isBreak = text[index] === '\n' || (text[index] === '\r' && text[index + 1] !== '\n')
        if (isBreak) {
          line++
          start = index + 1
        }
      }
      return {line, column: offset - start + 1, offset}
    }
    const offsets = [...Array(text.length + 1).keys()]
    for (const offset of [...offsets, ...offsets.reverse()]) expect(point(offset)).toEqual(expected(offset))
  })
})
