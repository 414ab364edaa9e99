/**
 * The unlabelled real documents (`../shared/real/corpus`), read as a sceptical
 * user would: no target of any record they yield may be named by a bare verb,
 * a place or scope word, a fragment or a single character. Skipped where the
 * folder is not beside the project.
 */
import {existsSync} from 'node:fs'
import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, test} from 'vitest'
import {extractDocument, formatOf} from '../pipeline/document.js'
import {nameProblem} from './helpers/names.js'

const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'real', 'corpus')

describe('name checks', () => {
  test.each([
    ['建成', 'a bare verb'],
    ['累计建设', 'a bare verb'],
    ['国家', 'a place or scope word'],
    ['推动全省', 'a place or scope word'],
    ['市场满足率分别', 'a fragment'],
    ['行业型', 'a fragment'],
    ['X', 'shorter than two characters'],
    ['5G基站', undefined],
    ['新增贯标企业', undefined]
  ])('should judge `%s`: %s', (name, problem) => {
    expect(nameProblem(name)).toBe(problem)
  })
})

describe.skipIf(!existsSync(corpus))('the real corpus', () => {
  test('should name every target of every record by what it counts', async () => {
    const refused: string[] = []
    const names = (await readdir(corpus)).filter((name) => formatOf(name)).sort()
    expect(names.length).toBeGreaterThan(100)
    for (const name of names) {
      const {record} = await extractDocument(await readFile(path.join(corpus, name)), name, formatOf(name)!)
      for (const target of record.targets) {
        const problem = nameProblem(target.indicator)
        if (problem) refused.push(name + ': ' + target.indicator + ' (' + problem + ')')
      }
    }
    expect(refused).toEqual([])
  }, 120_000)
})
