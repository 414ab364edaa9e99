/**
 * Where a 专栏 box ends (`pipeline/tree/box.ts`), rule by rule, and that the
 * parser and `extractColumns` agree on it: the numbered lines the parser
 * takes for a box's items are the ones inside the box the record gives.
 */
import {describe, expect, test} from 'vitest'
import {BoxReader, type BoxPart} from '../pipeline/tree/box.js'
import {extractText} from './helpers/extract.js'

/** A paragraph part: unindented, after no blank line, no item, unless said. */
function paragraph(text: string, options: Partial<BoxPart> = {}): BoxPart {
  return {kind: 'paragraph', text, isIndented: false, gap: 0, isItem: false, ...options}
}

/** How many of `parts` the box takes before it ends. */
function taken(title: {isIndented?: boolean; frame?: number}, parts: BoxPart[]): number {
  const reader = new BoxReader(title)
  let count = 0
  for (const part of parts) {
    if (!reader.takes(part)) break
    count++
  }
  return count
}

describe('BoxReader', () => {
  test('should end a box at a heading, the next 专栏 or two blank lines', () => {
    const body = paragraph('建设智慧园区3个。')
    expect(taken({}, [body, {...body, kind: 'other', text: '三、保障措施'}])).toBe(1)
    expect(taken({}, [body, paragraph('专栏2 数字乡村工程')])).toBe(1)
    expect(taken({isIndented: true}, [body, paragraph('建成', {isIndented: true, gap: 2})])).toBe(1)
  })

  test('should end an unindented box at a paragraph after a blank line, but for its next item or bullet', () => {
    const lines = [paragraph('1.工业废气治理工程。完成50家企业治理。', {isItem: true})]
    expect(taken({}, [...lines, paragraph('2.污水治理工程。新建管网20公里。', {isItem: true, gap: 1})])).toBe(2)
    expect(taken({}, [...lines, paragraph('全县上下要提高认识。', {gap: 1})])).toBe(1)
    // Words introducing the items (实施以下项目：) let numbered items follow after blank lines.
    const introduced = [paragraph('实施以下项目：'), paragraph('1.建设中心。', {isItem: true, gap: 1})]
    expect(taken({}, introduced)).toBe(2)
    expect(taken({}, [paragraph('建设中心。'), paragraph('1.建设中心。', {isItem: true, gap: 1})])).toBe(1)
    // A body opened with a bullet lists its items so, blank line or not.
    expect(taken({}, [paragraph('◆建设中心5家。'), paragraph('◆培育企业10家。', {gap: 1})])).toBe(2)
  })

  test('should end an unindented box where the indented body text returns, with no blank line', () => {
    expect(taken({}, [paragraph('建设中心5家。'), paragraph('加快推进。', {isIndented: true})])).toBe(1)
    // An unindented box whose lines are all indented keeps them.
    expect(
      taken({}, [paragraph('建设中心5家。', {isIndented: true}), paragraph('培育10家。', {isIndented: true})])
    ).toBe(2)
  })

  test('should end an indented box (a Word cell) at an unindented paragraph after a blank line', () => {
    const cell = paragraph('建设中心5家。', {isIndented: true})
    expect(taken({isIndented: true}, [cell, paragraph('全县上下要提高认识。', {gap: 1})])).toBe(1)
    expect(taken({isIndented: true}, [cell, paragraph('培育10家。', {isIndented: true, gap: 1})])).toBe(2)
    // A table after a blank line stays in an indented box.
    expect(taken({isIndented: true}, [cell, {...paragraph('项目\t内容'), kind: 'table', gap: 1}])).toBe(2)
  })

  test('should keep one short statement of expected results after a blank line', () => {
    const body = paragraph('建设中心5家。')
    const results = paragraph('到2025年，建成智慧园区3个。', {gap: 1})
    expect(taken({}, [body, results])).toBe(2)
    expect(taken({isIndented: true}, [{...body, isIndented: true}, results])).toBe(2)
    // Only one, and only a short one.
    expect(taken({}, [body, results, paragraph('到2030年，全面建成。', {gap: 1})])).toBe(2)
    expect(taken({}, [body, paragraph('到2025年，' + '建成'.repeat(120), {gap: 1})])).toBe(1)
  })

  test('should hold a framed box to its frame', () => {
    const inFrame = paragraph('建设中心5家。', {isIndented: true, frame: 0})
    expect(taken({frame: 0}, [inFrame, {...inFrame, gap: 3}, {...inFrame, frame: 1}])).toBe(2)
  })
})

describe('the parser and extractColumns on one box', () => {
  test('should take the numbered lines inside the box for its items and those after it for headings', async () => {
    const text = [
      '关于印发某县数字经济发展规划的通知',
      '',
      '一、重点任务',
      '',
      '专栏1 数字基础设施工程',
      '1.5G网络工程。新建5G基站500个。',
      '2.数据中心工程。建成数据中心2个。',
      '',
      '全县要加快推进数字基础设施建设。',
      '',
      '1.加快产业数字化。推动企业上云。',
      ''
    ].join('\n')
    const record = await extractText(text)
    const [column] = record.columns
    expect(column?.text).toBe('1.5G网络工程。新建5G基站500个。\n2.数据中心工程。建成数据中心2个。')
    // The document's own 1. after the box is a heading of its outline, the box's are not.
    const titles = JSON.stringify(record.outline)
    expect(titles).toContain('加快产业数字化')
    expect(titles).not.toContain('数据中心工程')
  })
})
