import {describe, expect, test} from 'vitest'
import {fold, foldIndicator, scoreRecord, type Gold} from '../pipeline/score.js'
import {extractText} from './helpers/extract.js'

describe('scorer', () => {
  test('should fold whitespace, brackets and full-width digits, and indicator units and prefixes', () => {
    expect(fold('宁委发［2022］ 43号')).toBe(fold('宁委发〔2022〕43号'))
    expect(fold('到２０２５年')).toBe('到2025年')
    expect(foldIndicator('全市有效发明专利拥有量（件）')).toBe('有效发明专利拥有量')
  })

  test('should count header fields, matched targets, 专栏 and deadlines', async () => {
    const record = await extractText(
      '关于印发某市规划的通知\n\n各部门：\n\n现印发给你们。\n\n某市人民政府\n\n2022年1月5日\n\n一、发展目标\n\n到2025年，有效发明专利拥有量达1600件，地理标志达2件。\n\n二、重点任务\n\n专栏1：护航工程\n\n实施项目。\n'
    )
    const gold: Gold = {
      file: 'x.txt',
      kind: 'notice',
      title: '关于印发某市规划的通知',
      issuers: ['某市人民政府'],
      docNumber: null,
      date: '2022-01-05',
      enclosedTitle: '某市规划',
      jurisdiction: null,
      targets: [
        {indicator: '有效发明专利拥有量', value: 1600},
        {indicator: '高价值发明专利拥有量', value: 15}
      ],
      columns: [{number: 1, title: '护航工程'}],
      deadlines: [
        {year: 2025, quote: '有效发明专利拥有量达1600件'},
        {year: 2035, quote: '综合竞争力'}
      ]
    }
    const score = scoreRecord(record, gold)
    expect(score.header).toEqual({right: 7, total: 7, wrong: []})
    expect(score.targets).toEqual({matched: 1, predicted: 2, gold: 2})
    expect(score.columns).toEqual({matched: 1, predicted: 1, gold: 1})
    expect(score.deadlines).toEqual({found: 1, gold: 2, correct: 1, predicted: 1})
  })
})
