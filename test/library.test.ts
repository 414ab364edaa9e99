/**
 * zhengce as a library, imported the way a consumer imports it: by its
 * package name, through package.json `exports`, from the built files, with
 * the built type declarations (`npm run build`).
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, test} from 'vitest'

const root = path.resolve(import.meta.dirname, '..')
let consumer: string

beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist', 'pipeline', 'index.d.ts')))
    execFileSync('npm', ['run', 'build'], {cwd: root, stdio: 'ignore'})
  consumer = await mkdtemp(path.join(tmpdir(), 'zhengce-consumer-'))
  await mkdir(path.join(consumer, 'node_modules'))
  await symlink(root, path.join(consumer, 'node_modules', 'zhengce'))
  await writeFile(path.join(consumer, 'package.json'), JSON.stringify({type: 'module'}))
}, 120_000)

const program = `
import {extract, extractFile, validate, schema, schemaVersion, diffTargets, DocumentError} from 'zhengce'
import type {PolicyRecord, Target} from 'zhengce'

const text = '关于印发某市知识产权发展规划的通知\\n\\n一、发展目标\\n\\n到2025年，有效发明专利拥有量达到1600件。\\n'
const record: PolicyRecord = await extract(text, {path: 'a/规划.txt'})
const first: Target | undefined = record.targets[0]
const fromFile = await extractFile(process.argv[2]!)
let refused = ''
try {
  await extract(text, {path: 'clip.mp4'})
} catch (error) {
  refused = error instanceof DocumentError ? error.message : 'other'
}
console.log(JSON.stringify({
  version: schemaVersion,
  path: record.source.path,
  indicator: first?.indicator,
  value: first?.value,
  valid: await validate(record),
  invalid: (await validate({...record, kind: 'memo'})).length > 0,
  schemaId: (schema as {$id: string}).$id,
  fromFile: fromFile.source.path,
  rows: diffTargets([record, fromFile]).rows.length > 0,
  refused
}))
`

describe('the library', () => {
  test('should extract, validate and compare through the package name, typed', async () => {
    await writeFile(path.join(consumer, 'use.ts'), program)
    await writeFile(
      path.join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          strict: true,
          noEmit: false,
          outDir: 'out',
          skipLibCheck: false,
          types: ['node'],
          typeRoots: [path.join(root, 'node_modules', '@types')]
        },
        files: ['use.ts']
      })
    )
    const compiled = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', consumer],
      {encoding: 'utf8'}
    )
    expect(compiled.stdout + compiled.stderr).toBe('')
    const run = spawnSync(
      process.execPath,
      [path.join(consumer, 'out', 'use.js'), path.join(root, 'seeds', '003_34d31a0ef18a20a4.txt')],
      {encoding: 'utf8', cwd: consumer}
    )
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toEqual({
      version: '2.1',
      path: 'a/规划.txt',
      indicator: '有效发明专利拥有量',
      value: {kind: 'number', number: 1600},
      valid: [],
      invalid: true,
      schemaId: 'https://zhengce.dev/schemas/policy-record-2.1.schema.json',
      fromFile: '003_34d31a0ef18a20a4.txt',
      rows: true,
      refused: 'not a document format: clip.mp4 (give options.format)'
    })
  }, 60_000)

  test('should not let a consumer reach into the package past its exports', async () => {
    await writeFile(
      path.join(consumer, 'deep.mjs'),
      "import('zhengce/dist/pipeline/engine.js').then(() => console.log('reached'), (error) => console.log(error.code))\n"
    )
    const run = spawnSync(process.execPath, [path.join(consumer, 'deep.mjs')], {encoding: 'utf8', cwd: consumer})
    expect(run.stdout.trim()).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED')
  })
})
