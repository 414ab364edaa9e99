import {readFile} from 'node:fs/promises'
import {describe, expect, test} from 'vitest'
import {convert, diffTargets, sameScope, synonymsOf, tokenSimilarity} from '../pipeline/diff.js'
import {readLexicon} from '../pipeline/diff-command.js'
import {diffCsvColumns, diffCsvRows, diffData} from '../pipeline/diff-data.js'
import {render, shareAchieved, targetGrid} from '../pipeline/diff-format.js'
import type {PolicyRecord} from '../schemas/record.js'
import {extractText} from './helpers/extract.js'

const plan = (place: string, goals: string) =>
  extractText(place + '“十四五”知识产权发展规划\n\n一、发展目标\n\n到2025年，' + goals + '\n')

async function seed(name: string): Promise<PolicyRecord> {
  return JSON.parse(
    await readFile(new URL('../output/seeds/' + name + '.json', import.meta.url), 'utf8')
  ) as PolicyRecord
}

function row(diff: ReturnType<typeof diffTargets>, indicator: string) {
  return diff.rows.find((candidate) => candidate.members.some((member) => member.indicator === indicator))
}

describe('diffTargets', () => {
  test('should line up the same indicator under different wordings, and say why', async () => {
    const a = await plan(
      '甲市',
      '万人高价值有效发明专利拥有量达15件，有效注册商标量达到16000件，专利代理机构达到10家。'
    )
    const b = await plan('乙市', '每万人口高价值发明专利拥有量达到12件，有效注册商标达15000件，地理标志商标量达4件。')
    const c = await plan('丙市', '地理标志商标达2件以上，专利代理机构总量达到8家。')
    const diff = diffTargets([a, b, c])
    const patents = row(diff, '万人高价值有效发明专利拥有量')
    expect(patents?.cells.map((cell) => (cell ? cell.target.value : null))).toEqual([
      {kind: 'number', number: 15},
      {kind: 'number', number: 12},
      null
    ])
    expect(patents?.members.map((member) => member.reason)).toEqual(['first', 'lexicon'])
    expect(row(diff, '有效注册商标量')?.cells.filter(Boolean)).toHaveLength(2)
    const marks = row(diff, '地理标志商标量')
    expect(marks?.members.map((member) => [member.indicator, member.reason])).toEqual([
      ['地理标志商标量', 'first'],
      ['地理标志商标', 'lexicon']
    ])
    const agencies = row(diff, '专利代理机构')
    expect(agencies?.members.map((member) => [member.indicator, member.reason])).toEqual([
      ['专利代理机构', 'first'],
      ['专利代理机构总量', 'similarity']
    ])
  })

  test.each([
    ['累计集成电路布图设计登记量', '新增集成电路布图设计登记量'],
    ['万人发明专利拥有量', '发明专利拥有量'],
    ['全社会知识产权认知度', '全社会知识产权满意度'],
    ['发明专利拥有量', '高价值发明专利拥有量'],
    ['专利密集型产业增加值占GDP比重', '版权产业增加值占GDP比重']
  ])('should keep `%s` and `%s` apart', async (left, right) => {
    const diff = diffTargets([await plan('甲市', left + '达100件。'), await plan('乙市', right + '达200件。')])
    expect(row(diff, left)).not.toBe(row(diff, right))
    expect(diff.suggestions.map((suggestion) => suggestion.keys.join('~'))).toHaveLength(1)
  })

  test('should measure scope and similarity', () => {
    expect(sameScope('累计登记量', '新增登记量')).toBe(false)
    expect(sameScope('万人发明专利拥有量', '万人发明专利拥有量')).toBe(true)
    expect(tokenSimilarity('地理标志商标', '地理标志商标量')).toBeGreaterThan(0.75)
  })

  test('should show the progress view and convert units where that is exact', async () => {
    const evaluation = await seed('001_5c21dee80c744c42')
    const outline = await seed('003_34d31a0ef18a20a4')
    const diff = diffTargets([outline, evaluation])
    const grid = targetGrid(diff)
    const patents = grid.find((cells) => cells[0]?.includes('高价值发明专利拥有量'))
    expect(patents?.slice(1, 3)).toEqual(['50 件 (2025)', '50 件 (2025) · 2022: 48.73 (97%) · 达到序时进度'])
    expect(shareAchieved(20809, {kind: 'number', number: 5, comparator: '>'}, '万人')).toBeCloseTo(0.416, 2)
    expect([convert(1, '万亿元', '亿元'), convert(5000, '亿元', '万亿元'), convert(1, '万亿元', '万件')]).toEqual([
      10000,
      0.5,
      undefined
    ])
  })

  test("should lead a cell with the plan's last year's target and give the other years theirs", async () => {
    const text =
      '某市知识产权强市建设三年行动计划（2023—2025年）\n\n一、主要目标\n\n序号\t指标\t单位\t2022年（基数）\t2023年\t2024年\t2025年\n1\tPCT国际专利申请量\t件\t120\t150\t180\t200\n\n某市人民政府\n2023年2月10日\n'
    const grid = targetGrid(diffTargets([await extractText(text)]))
    expect(grid[1]?.slice(0, 2)).toEqual(['PCT国际专利申请量', '200 件 (2025) · 另 150 件 (2023), 180 件 (2024)'])
  })

  test('should line up the seeds as the issue asks', async () => {
    const records = await Promise.all(
      [
        '000_3463f909dcea441a',
        '003_34d31a0ef18a20a4',
        '001_5c21dee80c744c42',
        '002_f72d7f03ee822240',
        '004_bb17abadfc902431'
      ].map(seed)
    )
    const diff = diffTargets(records)
    const patents = row(diff, '万人高价值有效发明专利拥有量')
    const values = patents?.cells.map((cell) =>
      cell?.target.value?.kind === 'number' ? cell.target.value.number : null
    )
    expect(values).toEqual([15, 50, 50, 12, 10])
    expect(patents?.cells[2]?.target.actuals.map((actual) => actual.value)).toEqual([
      {kind: 'number', number: 39.79},
      {kind: 'number', number: 48.73}
    ])
    const marks = row(diff, '有效注册商标量')
    expect(
      marks?.cells.map((cell) => (cell?.target.value?.kind === 'number' ? cell.target.value.number : null))
    ).toEqual([16000, null, null, 15000, null])
  })

  test('should render CSV with a BOM, Markdown and a terminal table', async () => {
    const diff = diffTargets([
      await plan('甲市', '发明专利拥有量达3100件。'),
      await plan('乙市', '发明专利拥有量达2000件，含"引号"的指标达5件。')
    ])
    const grid = targetGrid(diff)
    expect(render(grid, 'csv').startsWith('\ufeff')).toBe(true)
    expect(render(grid, 'csv')).toContain('"含""引号""的指标"')
    expect(render(grid, 'md').split('\n')[1]).toMatch(/^\|( --- \|)+$/)
    const lines = render(grid, 'table').trimEnd().split('\n')
    expect(lines[2]).toMatch(/^发明专利拥有量\s+3100 件 \(2025\)\s+2000 件 \(2025\)/)
  })

  test('should give the comparison as typed data, one CSV row per indicator and document', async () => {
    const a = await plan('甲市', '万人高价值发明专利拥有量达15件以上，专利代理机构达到10家左右。')
    const b = await plan('乙市', '每万人口高价值发明专利拥有量达到12件，专利代理机构达到8-10家。')
    const data = diffData(diffTargets([a, b]))
    const patents = data.rows.find((row) => row.label === '万人高价值发明专利拥有量')
    expect(patents?.cells.map((cell) => [cell.document, cell.value, cell.comparator, cell.unit, cell.year])).toEqual([
      [0, 15, '>=', '件', 2025],
      [1, 12, null, '件', 2025]
    ])
    const agencies = data.rows.find((row) => row.label === '专利代理机构')
    expect(agencies?.cells.map((cell) => [cell.valueKind, cell.value, cell.min, cell.max, cell.approx])).toEqual([
      ['number', 10, null, null, true],
      ['range', null, 8, 10, false]
    ])
    const rows = diffCsvRows(data)
    expect(rows).toHaveLength(4)
    expect(rows.every((row) => row.length === diffCsvColumns.length)).toBe(true)
  })

  test("should line up the wordings a user's lexicon names as one, and say so", async () => {
    const a = await plan('甲市', '知识产权质押融资额达到10亿元。')
    const b = await plan('乙市', '专利商标质押融资金额达到8亿元。')
    expect(diffTargets([a, b]).rows).toHaveLength(2)
    const diff = diffTargets([a, b], {synonyms: synonymsOf([['专利商标质押融资金额', '知识产权质押融资额']])})
    expect(diff.rows).toHaveLength(1)
    expect(diff.rows[0]?.members.map((member) => member.reason)).toEqual(['first', 'user lexicon'])
  })

  test('should read a lexicon from JSON or CSV, and refuse one of another shape', async () => {
    const {mkdtemp, writeFile} = await import('node:fs/promises')
    const {tmpdir} = await import('node:os')
    const path = await import('node:path')
    const at = await mkdtemp(path.join(tmpdir(), 'zhengce-lexicon-'))
    await writeFile(path.join(at, 'a.json'), JSON.stringify({synonyms: {专利商标质押融资金额: '知识产权质押融资额'}}))
    await writeFile(path.join(at, 'a.csv'), '\ufeffindicator,canonical\n专利商标质押融资金额,知识产权质押融资额\n')
    await writeFile(path.join(at, 'b.csv'), 'from,to\na,b\n')
    const pair = [['专利商标质押融资金额', '知识产权质押融资额']]
    expect(await readLexicon(path.join(at, 'a.json'))).toEqual(pair)
    expect(await readLexicon(path.join(at, 'a.csv'))).toEqual(pair)
    await expect(readLexicon(path.join(at, 'b.csv'))).rejects.toThrow(/indicator,canonical/)
  })
})
