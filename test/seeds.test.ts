/**
 * The committed records of the seeds: fresh, valid, positioned and deterministic.
 */
import {readFile, readdir} from 'node:fs/promises'
import {describe, expect, test} from 'vitest'
import {extractDocument} from '../pipeline/document.js'
import {validateRecords} from '../schemas/validate.js'
import type {PolicyRecord, Position} from '../schemas/record.js'

const seeds = new URL('../seeds/', import.meta.url)
const output = new URL('../output/seeds/', import.meta.url)
const names = (await readdir(seeds)).filter((name) => name.endsWith('.txt')).sort()

async function extractSeed(name: string): Promise<{record: PolicyRecord; text: string}> {
  const bytes = await readFile(new URL(name, seeds))
  const {record} = await extractDocument(bytes, name, 'text')
  return {record, text: new TextDecoder().decode(bytes)}
}

/** Every (position, text the position must contain) pair of a record. */
function positioned(record: PolicyRecord): Array<[string, Position, string]> {
  const pairs: Array<[string, Position, string]> = []
  const add = (what: string, position: Position, text: string) => pairs.push([what, position, text])
  if (record.title) add('title', record.title.position, '')
  for (const issuer of record.issuers) add('issuer', issuer.position, issuer.name)
  if (record.docNumber) add('docNumber', record.docNumber.position, record.docNumber.text)
  for (const date of [record.date, record.printDate]) if (date) add('date', date.position, date.text)
  for (const recipient of [...record.recipients, ...record.cc]) add('recipient', recipient.position, recipient.name)
  if (record.publicity) add('publicity', record.publicity.position, record.publicity.text)
  if (record.jurisdiction)
    add(
      'jurisdiction',
      record.jurisdiction.position,
      record.jurisdiction.name === '全国' ? '' : record.jurisdiction.name
    )
  for (const reference of record.references) for (const position of reference.positions) add('reference', position, '')
  for (const target of record.targets) {
    add('target', target.position, target.quote)
    for (const mention of target.mentions) add('mention', mention.position, mention.quote)
  }
  for (const column of record.columns) add('column', column.position, column.title)
  for (const deadline of record.deadlines) add('deadline', deadline.position, '')
  const visit = (sections: PolicyRecord['outline']) => {
    for (const section of sections) {
      add('section', section.position, '')
      visit(section.children)
    }
  }
  visit(record.outline)
  return pairs
}

const squash = (text: string) => text.replace(/\s+/g, '')

describe.each(names)('seed %s', (name) => {
  test('should match its committed record in output/seeds (run `npm run seeds` when it does not)', async () => {
    const {record} = await extractSeed(name)
    const committed = String(await readFile(new URL(name.replace(/\.txt$/, '.json'), output)))
    expect(JSON.stringify(record, null, 2) + '\n').toBe(committed)
  })

  test('should be valid against the committed JSON Schema', async () => {
    const committed = String(await readFile(new URL(name.replace(/\.txt$/, '.json'), output)))
    expect(await validateRecords(committed)).toEqual([])
  })

  test('should point every item’s position at source text holding its quote', async () => {
    const {record, text} = await extractSeed(name)
    for (const [what, position, quote] of positioned(record)) {
      const slice = text.slice(position.start.offset, position.end.offset)
      expect(slice.length, what + ' ' + JSON.stringify(position)).toBeGreaterThan(0)
      expect(squash(slice), what).toContain(squash(quote))
      const before = text.slice(0, position.start.offset).split(/\r\n|\r|\n/)
      expect([what, before.length, (before.at(-1) ?? '').length + 1]).toEqual([
        what,
        position.start.line,
        position.start.column
      ])
    }
  })

  test('should give byte-identical output on a second run', async () => {
    const first = await extractSeed(name)
    const second = await extractSeed(name)
    expect(JSON.stringify(second.record)).toBe(JSON.stringify(first.record))
  })
})
