/**
 * The commands of the README and of `docs/`, copied from them: every line of
 * their `sh` blocks runs here (with `npx zhengce` the built CLI) in a folder
 * holding copies of `seeds/` and `output/seeds/`, page after page, each line
 * in order, and must exit 0. So the pages cannot drift from the tool. The
 * quick start's two lines are what CI itself runs (`.ci/run`: `npm ci`,
 * `npm test`) and are not run again here; the pandas, R and DuckDB snippets
 * need those tools, which are not installed (the Parquet they read is read
 * back by hyparquet in `test/table.test.ts`).
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {cpSync, existsSync, readFileSync, readdirSync} from 'node:fs'
import {mkdtemp} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, test} from 'vitest'

const root = path.resolve(import.meta.dirname, '..')
const cli = path.join(root, 'dist', 'pipeline', 'cli.js')
const quickStart = new Set(['npm install && npm start', 'npm test'])

/** The pages whose commands run: the README, then docs/ by name. */
const pages = [
  'README.md',
  ...readdirSync(path.join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => 'docs/' + name)
]

/** The command lines of a page's `sh` blocks, comments cut off. */
function commandsOf(page: string): string[] {
  const text = readFileSync(path.join(root, page), 'utf8')
  const blocks = [...text.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((match) => match[1]!)
  return blocks
    .flatMap((block) => block.split('\n').map((line) => line.replace(/\s+#\s.*$/, '').trim()))
    .filter((line) => line && !quickStart.has(line))
}

let work: string

beforeAll(async () => {
  if (!existsSync(cli)) execFileSync('npm', ['run', 'build'], {cwd: root, stdio: 'ignore'})
  work = await mkdtemp(path.join(tmpdir(), 'zhengce-readme-'))
  cpSync(path.join(root, 'seeds'), path.join(work, 'seeds'), {recursive: true})
  cpSync(path.join(root, 'output', 'seeds'), path.join(work, 'output', 'seeds'), {recursive: true})
}, 120_000)

describe('the README and docs/', () => {
  const commands = pages.flatMap((page) => commandsOf(page).map((command) => [page, command] as const))

  test('should show every subcommand on the README, on a page of under 10 KB', () => {
    const readme = commandsOf('README.md')
    for (const command of ['extract', 'diff', 'view', 'table', 'validate', 'schema'])
      expect(readme.some((line) => line.includes('zhengce ' + command))).toBe(true)
    expect(readFileSync(path.join(root, 'README.md')).length).toBeLessThan(10 * 1024)
  })

  test.each(commands)('%s: should run %s', (_page, command) => {
    const shell = command.replace(
      /\bnpx zhengce\b|(?<![\w/-])zhengce(?= )/g,
      JSON.stringify(process.execPath) + ' ' + JSON.stringify(cli)
    )
    const result = spawnSync('bash', ['-o', 'pipefail', '-c', shell], {cwd: work, encoding: 'utf8', timeout: 120_000})
    expect(result.status, result.stderr).toBe(0)
    expect(result.stderr).not.toMatch(/: error /)
  })
})
