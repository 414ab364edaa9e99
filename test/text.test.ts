/**
 * The small helpers on the hot path, checked against the slower standard
 * forms they replace.
 */
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {timeExpression} from '../extractors/deadlines.js'
import {proseValueExpression} from '../extractors/util/goal-clause.js'
import {findDivisions} from '../pipeline/lexicon/divisions.js'
import {anchored, anchoredMatchesOf, compact, matchesOf, toHalfWidth} from '../pipeline/lexicon/text.js'
import {decode, utf16Order} from '../pipeline/stages/decode.js'
import {utf8} from '../pipeline/write.js'

describe('matchesOf', () => {
  test('should find what matchAll finds, groups and indices included', () => {
    const expression = /(?<year>(?:19|20)\d{2})\s*年/g
    const text = '到2025年，较2020年翻一番；2035年基本实现'
    const found = matchesOf(expression, text).map((match) => [match.index, match[0], match.groups?.year])
    expect(found).toEqual([...text.matchAll(expression)].map((match) => [match.index, match[0], match.groups?.year]))
    expect(found).toHaveLength(3)
  })

  test('should start over on every call and step past empty matches', () => {
    const expression = /\d*/gu
    expect(matchesOf(expression, 'a1😀').map((match) => match[0])).toEqual(
      [...'a1😀'.matchAll(expression)].map((match) => match[0])
    )
    expression.lastIndex = 5
    expect(matchesOf(/年/g, '一年两年')).toHaveLength(2)
  })

  test('should refuse an expression that is not global', () => {
    expect(() => matchesOf(/年/, '一年')).toThrow(/global/)
  })
})

describe('anchoredMatchesOf', () => {
  const summary = (matches: RegExpExecArray[]) => matches.map((match) => [match.index, match[0], {...match.groups}])
  // Characters the time expression and its anchor are made of, and their neighbours.
  const characters = [
    ...'2019年0520内底前末期实施规划“”‘’"十四五间到至截止于力争确保第一季度月份之以起预计展望二〇○三六—-～ \u3000\t。，；'
  ]

  test('should find exactly what matchesOf finds, on any text of the relevant characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...characters), {maxLength: 60}), (list) => {
        const text = list.join('')
        expect(summary(anchoredMatchesOf(timeExpression, text))).toEqual(
          summary(matchesOf(timeExpression.expression, text))
        )
      }),
      {numRuns: 3000}
    )
  })

  test('should find exactly the values matchesOf finds in goal clauses', () => {
    const words = [
      '1',
      '2',
      '05',
      '3.5',
      '2025',
      '年',
      '件',
      '家',
      '%',
      '亿元',
      '万人',
      '达到',
      '达',
      '提高到',
      '为',
      '至',
      '到',
      '不低于',
      '大于等于',
      '超过',
      '≥',
      '-',
      '～',
      '千',
      '十',
      '两',
      '以上',
      '左右',
      ' ',
      '\u3000',
      '专利',
      '企业',
      '下降到',
      '缩短至',
      '分钟',
      '吨标准煤',
      '微克/立方米',
      ',',
      '500',
      '—',
      '％',
      '突破',
      '超',
      '亿元',
      '万',
      '亿',
      '余',
      '多'
    ]
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), {maxLength: 30}), (list) => {
        const text = list.join('')
        expect(summary(anchoredMatchesOf(proseValueExpression, text))).toEqual(
          summary(matchesOf(proseValueExpression.expression, text))
        )
      }),
      {numRuns: 3000}
    )
  })

  test('should find the deadlines of real sentences', () => {
    const text =
      '力争到 2025年底前，“十四五”期间完成；截至2022年6月，实施期内、年底前推进。2030年，2023—2025年，展望二〇三五年。6月底前出台，十二月前完成'
    const found = anchoredMatchesOf(timeExpression, text).map((match) => match[0])
    expect(found).toEqual(matchesOf(timeExpression.expression, text).map((match) => match[0]))
    expect(found).toEqual([
      '到 2025年底前',
      '“十四五”期间',
      '截至2022年6月',
      '实施期内',
      '年底前',
      '2030年',
      '2023—2025年',
      '展望二〇三五年',
      '6月底前',
      '十二月前'
    ])
  })

  test('should refuse expressions that are not global', () => {
    expect(() => anchored(/年/, /年/g, 0)).toThrow(/global/)
  })
})

describe('compact and toHalfWidth', () => {
  test('should return text without spaces or full-width characters unchanged', () => {
    expect(compact('市政府办公室')).toBe('市政府办公室')
    expect(toHalfWidth('２０２５年')).toBe('2025年')
    expect(toHalfWidth('2025年')).toBe('2025年')
    expect(compact('关于印发 《规划》 COVID 19')).toBe('关于印发《规划》COVID 19')
  })
})

describe('decode', () => {
  test('should read ASCII, Chinese UTF-8 and GB18030 exactly', () => {
    const chinese = '南京市浦口区知识产权“十四五”规划（2021—2025年）\n𠀀 U+20000 outside the BMP\n'
    expect(decode(new TextEncoder().encode(chinese))).toEqual({text: chinese, encoding: 'utf-8', hasBom: false})
    expect(decode(new TextEncoder().encode('plain ASCII\n')).text).toBe('plain ASCII\n')
    // 规划 in GB18030: B9E6 BBAE.
    expect(decode(Uint8Array.from([0xb9, 0xe6, 0xbb, 0xae]))).toEqual({
      text: '规划',
      encoding: 'gb18030',
      hasBom: false
    })
  })

  test('should read UTF-16 saved without a byte order mark by where its zero bytes fall, and leave binary data alone', () => {
    const plan = '一、发展目标\n到2025年，发明专利拥有量达到1000件。\n'
    const little = Buffer.from(plan, 'utf16le')
    const big = Buffer.from(plan, 'utf16le').swap16()
    expect(decode(little)).toEqual({text: plan, encoding: 'utf-16le', hasBom: false})
    expect(decode(big)).toEqual({text: plan, encoding: 'utf-16be', hasBom: false})
    expect(utf16Order(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x00]))).toBeUndefined()
    expect(utf16Order(new TextEncoder().encode('plain ASCII\n'))).toBeUndefined()
    // UTF-8 with a stray zero byte (a fuzz case): as UTF-16 it would be characters from all over.
    expect(utf16Order(new TextEncoder().encode('不减少\u0000'))).toBeUndefined()
  })
})

describe('utf8', () => {
  test('should encode as Buffer.from does, lone surrogates included', () => {
    for (const text of ['', 'ASCII only', '规划（2021—2025年）😀', 'a\ud800b'])
      expect(utf8(text).equals(Buffer.from(text, 'utf8'))).toBe(true)
  })
})

describe('findDivisions', () => {
  test('should take the longest name ending at each place, once per span', () => {
    const found = findDivisions('江苏省南京市浦口区人民政府')
    expect(found.map((mention) => mention.name)).toEqual(['江苏省', '南京市', '浦口区'])
    expect(found.map((mention) => [mention.start, mention.end])).toEqual([
      [0, 3],
      [3, 6],
      [6, 9]
    ])
  })

  test('should match two-character names only when asked', () => {
    expect(findDivisions('沛县人民政府').map((mention) => mention.name)).toEqual([])
    expect(findDivisions('沛县人民政府', 2).map((mention) => mention.name)).toEqual(['沛县'])
  })
})
