/**
 * The steps of "Adding an extractor" (docs/extraction.md), followed in a copy
 * of the project: a new extractor of the first 《…》 a document cites, added
 * to the schema, to the record normalize builds and to the list. The type
 * check fails until every step is done, then passes, and the record carries
 * the new field, valid against the regenerated schema.
 */
import {spawnSync} from 'node:child_process'
import {cpSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {mkdtemp} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'

const root = path.resolve(import.meta.dirname, '..')
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc')
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')

const extractor = `import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import type {Position} from '../schemas/record.js'
import {blocksOf, spanOf} from '../pipeline/tree/blocks.js'

declare module 'vfile' {
  interface DataMap {
    firstCited: {title: string; position: Position} | null
  }
}

const extractFirstCited: Plugin<[], Root> = function () {
  return function (tree, file) {
    file.data.firstCited = null
    for (const block of blocksOf(tree)) {
      const match = /《([^《》]+)》/.exec(block.text)
      if (!match) continue
      file.data.firstCited = {title: match[1]!, position: spanOf(block, match.index, match.index + match[0].length)}
      return
    }
  }
}

export default extractFirstCited
`

/** Replace `before` in a file of the copy, which must hold it once. */
function edit(project: string, file: string, before: string, after: string): void {
  const text = readFileSync(path.join(project, file), 'utf8')
  expect(text.split(before)).toHaveLength(2)
  writeFileSync(path.join(project, file), text.replace(before, after))
}

function typeCheck(project: string): string {
  const result = spawnSync(process.execPath, [tsc, '--noEmit', '-p', project], {encoding: 'utf8'})
  return result.stdout + result.stderr
}

describe('adding an extractor', () => {
  test('should take exactly the documented steps, the type check failing until the record has the field', async () => {
    const project = await mkdtemp(path.join(tmpdir(), 'zhengce-extractor-'))
    for (const folder of ['pipeline', 'extractors', 'schemas'])
      cpSync(path.join(root, folder), path.join(project, folder), {recursive: true})
    for (const file of ['package.json', 'tsconfig.json']) cpSync(path.join(root, file), path.join(project, file))
    symlinkSync(path.join(root, 'node_modules'), path.join(project, 'node_modules'))
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        ...JSON.parse(readFileSync(path.join(root, 'tsconfig.json'), 'utf8')),
        include: ['pipeline', 'extractors', 'schemas']
      })
    )
    // 1. The extractor.
    writeFileSync(path.join(project, 'extractors', 'first-cited.ts'), extractor)
    // 2. The field in the schema, and the schema regenerated.
    edit(
      project,
      'schemas/record.ts',
      '    diagnostics: z.array(Diagnostic)\n',
      '    firstCited: z.object({title: z.string(), position: Position}).nullable(),\n    diagnostics: z.array(Diagnostic)\n'
    )
    expect(spawnSync(process.execPath, [tsx, 'schemas/build.ts'], {cwd: project, encoding: 'utf8'}).status).toBe(0)
    expect(typeCheck(project)).toMatch(/normalize\.ts.*Property 'firstCited' is missing/s)
    // 3. The field in the record normalize builds.
    edit(
      project,
      'pipeline/stages/normalize.ts',
      '    diagnostics: file.messages',
      '    firstCited: data.firstCited ?? null,\n    diagnostics: file.messages'
    )
    // 4. The plugin in the list.
    edit(
      project,
      'extractors/index.ts',
      "import extractTitle from './title.js'\n",
      "import extractTitle from './title.js'\nimport extractFirstCited from './first-cited.js'\n"
    )
    edit(project, 'extractors/index.ts', '  extractDeadlines\n]', '  extractDeadlines,\n  extractFirstCited\n]')
    expect(typeCheck(project)).toBe('')
    const script =
      "import {extractDocument} from './pipeline/document.js'\nconst text = '关于印发某市规划的通知\\n\\n根据《中华人民共和国专利法》，制定本规划。\\n'\nconst {record} = await extractDocument(new TextEncoder().encode(text), 'a.txt', 'text')\nconsole.log(JSON.stringify(record.firstCited))\n"
    writeFileSync(path.join(project, 'run.ts'), script)
    const run = spawnSync(process.execPath, [tsx, 'run.ts'], {cwd: project, encoding: 'utf8'})
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toMatchObject({
      title: '中华人民共和国专利法',
      position: {start: {line: 3, column: 3}}
    })
  }, 120_000)
})
