/**
 * Property-based fuzzing of the parser and every extractor: random and
 * adversarial text never throws, stays within a time budget, and every
 * position in the record lies inside the text. Fixed seed, so a failure
 * reproduces; `npm run fuzz` runs many more cases (FUZZ_RUNS).
 */
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {extractDocument} from '../pipeline/document.js'
import type {Position} from '../schemas/record.js'

const runs = Number(process.env.FUZZ_RUNS ?? 150)
const seed = Number(process.env.FUZZ_SEED ?? 20261122)
/**
 * What tells a runaway (catastrophic backtracking, a quadratic pass) from a
 * slow machine: these documents take ~0.1–0.5 s; a runaway takes minutes. Not
 * a speed check (speed is `npm run bench`): a shared 2-core CI machine once
 * took 2.4 s on one of them under load, so the bound is far above any speed.
 */
const budget = 15_000

const pieces = [
  '一、',
  '（一）',
  '(二)',
  '1.',
  '1、',
  '（1）',
  '第一章',
  '专栏1：',
  '专栏',
  '《',
  '》',
  '（',
  '）',
  '〔2022〕',
  '号',
  '到2025年，',
  '截至2022年底',
  '“十四五”期间',
  '达到',
  '≥',
  '＞',
  '以上',
  '不低于',
  '2-3家',
  '100%',
  '全覆盖',
  '\t',
  '\n',
  '\n\n',
  '\r\n',
  '　',
  '有效发明专利拥有量',
  '关于印发',
  '的通知',
  '人民政府',
  '办公室',
  '文件',
  '2022年12月30日',
  '二〇二二年十二月三十日',
  '抄送：',
  '（此件公开发布）',
  '各区人民政府：',
  '南京市',
  '浦口区',
  '鼓楼区',
  '指标',
  '目标值',
  '单位',
  '2021年完成值',
  '——',
  '-',
  '- 3 -',
  '[bookmark: _Toc1]',
  '【法宝引证码】',
  '# ',
  '| a | b |',
  '\u0000',
  '\ud800',
  '\uffff',
  '。',
  '，',
  '、',
  '；',
  '**',
  '展望',
  '二○二五年',
  '比2020年',
  '翻番',
  '年均增长〔累计〕',
  '微克/立方米',
  '1．工业废气治理工程。',
  '不减少',
  '完成市下达任务',
  '2020年基期值'
]

const policyLike = fc
  .array(
    fc.oneof(fc.constantFrom(...pieces), fc.string({maxLength: 8}), fc.integer({min: 0, max: 99999}).map(String)),
    {maxLength: 120}
  )
  .map((parts) => parts.join(''))

function positions(value: unknown, found: Position[] = []): Position[] {
  if (Array.isArray(value)) for (const item of value) positions(item, found)
  else if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>
    if (object.start && object.end && typeof object.start === 'object') found.push(object as unknown as Position)
    else for (const item of Object.values(object)) positions(item, found)
  }
  return found
}

async function check(text: string, format: 'text' | 'markdown' = 'text'): Promise<void> {
  const bytes = new TextEncoder().encode(text)
  const started = performance.now()
  let record
  try {
    ;({record} = await extractDocument(bytes, 'fuzz.txt', format))
  } catch (error) {
    // Only the documented refusals may throw: empty, whitespace, binary.
    expect(String(error)).toMatch(/DocumentError: (?:empty file|no text|binary data)/)
    return
  }
  expect(performance.now() - started).toBeLessThan(budget)
  const decodedLength = new TextDecoder().decode(bytes).length
  for (const position of positions(record)) {
    expect(position.start.offset).toBeGreaterThanOrEqual(0)
    expect(position.end.offset).toBeLessThanOrEqual(decodedLength)
    expect(position.start.offset).toBeLessThanOrEqual(position.end.offset)
    expect(position.start.line).toBeGreaterThanOrEqual(1)
  }
}

describe('fuzz', () => {
  test('should survive policy-like random text', async () => {
    await fc.assert(
      fc.asyncProperty(policyLike, (text) => check(text)),
      {numRuns: runs, seed}
    )
  })

  test('should survive arbitrary unicode, as text and as Markdown', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({unit: 'binary', maxLength: 400}), async (text) => {
        await check(text)
        await check(text, 'markdown')
      }),
      {numRuns: runs, seed}
    )
  })

  test.each([
    ['a 5 MB single line', '知识产权'.repeat(1_250_000)],
    ['100 000 tab characters', '\t'.repeat(100_000) + '指标\n'],
    ['deeply repeated outline markers', '一、'.repeat(50_000)],
    [
      'a ladder of outline lines',
      Array.from({length: 20_000}, (_, index) => ['一、', '（一）', '1.', '（1）'][index % 4] + '标题').join('\n')
    ],
    ['专栏 inside 专栏', Array.from({length: 5000}, (_, index) => '\t专栏' + index + '：标题\n\n\t正文。').join('\n')],
    ['unbalanced brackets', '《（'.repeat(200_000) + '到2025年，达到100%。'],
    ['a long number-laden goal line', '一、发展目标\n' + '有效发明专利拥有量达1600件，'.repeat(50_000)],
    ['lone surrogates and NUL-free control characters', '\ud800\udfff\ud800'.repeat(10_000) + '\u0001\u0002'],
    [
      'a huge cell-per-line table',
      '\t指标\n\t目标值\n\n' +
        Array.from({length: 20_000}, (_, index) => '\t指标' + index + '（件）\n\t' + index).join('\n\n')
    ],
    ['20 000 lines that each could open a stacked table', '指标\n2025年\n'.repeat(10_000)],
    [
      'a huge stacked table',
      '序号\n指标\n2025年\n' +
        Array.from({length: 5000}, (_, index) => index + 1 + '\n指标' + index + '\n' + index).join('\n')
    ],
    [
      'a huge space-laid-out table',
      '指标  2020年  2025年\n' +
        Array.from({length: 5000}, (_, index) => '指标' + index + '  ' + index + '  ' + index).join('\n')
    ],
    [
      'a huge single-spaced table',
      '类别 指标 单位 2025年\n' +
        Array.from(
          {length: 5000},
          (_, index) => (index % 7 === 0 ? '类' + index + '\n' : '') + '指标 ' + index + ' 件 ' + index
        ).join('\n')
    ],
    ['a huge grid table', '+--+--+\n' + '| 指标 | 1 |\n+--+--+\n'.repeat(20_000)]
  ])(
    'should stay bounded on %s',
    async (_name, text) => {
      await check(text)
    },
    30_000
  )
})
