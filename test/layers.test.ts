/**
 * The layers of the code, walked from its imports: each module may import
 * only from its own layer and those below.
 *
 *   schemas/                        the contract
 *   pipeline/lexicon/, pipeline/tree/   the genre's shared knowledge (names, numbers, dates,
 *                                   citations, kinds) and tree helpers
 *   pipeline/convert/, parsers/, stages/  formats into text, text into a tree, and the stages around it
 *   extractors/*.ts                 one field each, never importing another extractor
 *                                   (what two need lives in the lexicon); extractors/util/
 *                                   holds helpers private to the extractors
 *   the rest of pipeline/           the engine, commands and views, which use them all
 */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {functionLengths} from './helpers/functions.js'

const root = path.resolve(import.meta.dirname, '..')

/** The layer of a module, and which layers it may import from. */
function layerOf(file: string): {name: string; mayImport: (target: string) => boolean} {
  const under = (folder: string) => (target: string) => target.startsWith(folder)
  const schemas = under('schemas/')
  const shared = (target: string) =>
    schemas(target) || under('pipeline/lexicon/')(target) || under('pipeline/tree/')(target)
  const parsing = (target: string) =>
    shared(target) ||
    under('pipeline/parsers/')(target) ||
    under('pipeline/stages/')(target) ||
    under('pipeline/convert/')(target)
  if (schemas(file)) return {name: 'schemas', mayImport: schemas}
  if (shared(file)) return {name: 'lexicon', mayImport: shared}
  if (under('pipeline/parsers/')(file) || under('pipeline/stages/')(file) || under('pipeline/convert/')(file))
    return {name: 'parsers and stages', mayImport: parsing}
  if (under('extractors/util/')(file))
    return {name: 'extractor helpers', mayImport: (target) => shared(target) || under('extractors/util/')(target)}
  if (file === 'extractors/index.ts')
    return {name: 'extractor list', mayImport: (target) => shared(target) || under('extractors/')(target)}
  if (under('extractors/')(file))
    return {name: 'extractor', mayImport: (target) => shared(target) || under('extractors/util/')(target)}
  return {name: 'pipeline', mayImport: () => true}
}

function modules(folder: string): string[] {
  return readdirSync(path.join(root, folder), {recursive: true})
    .map(String)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => path.posix.join(folder, name.split(path.sep).join('/')))
}

/** The project modules a file imports (relative specifiers, static and dynamic). */
function importsOf(file: string): string[] {
  const source = readFileSync(path.join(root, file), 'utf8')
  const specifiers = [...source.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]!)
  return specifiers.map((specifier) =>
    path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)).replace(/\.js$/, '.ts')
  )
}

describe('layers', () => {
  const files = [...modules('schemas'), ...modules('pipeline'), ...modules('extractors')]

  test('should find the modules of every layer', () => {
    const layers = new Set(files.map((file) => layerOf(file).name))
    expect([...layers].sort()).toEqual([
      'extractor',
      'extractor helpers',
      'extractor list',
      'lexicon',
      'parsers and stages',
      'pipeline',
      'schemas'
    ])
  })

  test('should import only from the same layer or below, and no extractor from another', () => {
    const violations = files.flatMap((file) => {
      const layer = layerOf(file)
      return importsOf(file)
        .filter((target) => !layer.mayImport(target))
        .map((target) => file + ' (' + layer.name + ') imports ' + target)
    })
    expect(violations).toEqual([])
  })

  test('should catch an upward import', () => {
    expect(layerOf('pipeline/parsers/plain-text.ts').mayImport('extractors/util/goal-clause.ts')).toBe(false)
    expect(layerOf('extractors/title.ts').mayImport('extractors/references.ts')).toBe(false)
    expect(layerOf('pipeline/lexicon/text.ts').mayImport('pipeline/engine.ts')).toBe(false)
  })
})

describe('rule ids', () => {
  test('should each be emitted by some module (a rule nothing emits is removed)', async () => {
    const {rules} = await import('../schemas/rules.js')
    const sources = [...modules('pipeline'), ...modules('extractors')]
      .map((file) => readFileSync(path.join(root, file), 'utf8'))
      .join('\n')
    const silent = Object.keys(rules).filter((id) => !sources.includes("'" + id + "'"))
    expect(silent).toEqual([])
  })
})

/** The longest a function may be, in lines; longer ones are listed in `long-functions.json` and may only shrink. */
const maxLines = 60

describe('function length', () => {
  const measured = [...modules('pipeline'), ...modules('extractors'), ...modules('schemas')]
    .filter((file) => !file.endsWith('validate-record.ts'))
    .flatMap((file) => functionLengths(root, file))
  const listed = JSON.parse(readFileSync(path.join(root, 'test', 'long-functions.json'), 'utf8')) as Record<
    string,
    number
  >

  test('should keep every function within ' + maxLines + ' lines, or no longer than it was when listed', () => {
    const over = measured.filter(
      (each) => each.lines > maxLines && !(listed[each.key] !== undefined && each.lines <= listed[each.key]!)
    )
    expect(over.map((each) => each.key + ': ' + each.lines + ' lines')).toEqual([])
  })

  test('should list only functions that are still long (shorten the list as they shrink)', () => {
    const long = new Set(measured.filter((each) => each.lines > maxLines).map((each) => each.key))
    expect(Object.keys(listed).filter((key) => !long.has(key))).toEqual([])
  })
})
