/**
 * The README's commands, copied from it: every line of its `sh` blocks runs
 * here (with `npx zhengce` the built CLI) in a folder holding copies of
 * `seeds/` and `output/seeds/`, one block after another, each line in order,
 * and must exit 0. So the README cannot drift from the tool. The quick
 * start's two lines are what CI itself runs (`.ci/run`: `npm ci`, `npm test`)
 * and are not run again here.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {cpSync, existsSync, readFileSync} from 'node:fs'
import {mkdtemp} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, test} from 'vitest'

const root = path.resolve(import.meta.dirname, '..')
const cli = path.join(root, 'dist', 'pipeline', 'cli.js')
const quickStart = new Set(['npm install && npm start', 'npm test'])

/** The command lines of the README's `sh` blocks, comments cut off. */
function readmeCommands(): string[] {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
  const blocks = [...readme.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((match) => match[1]!)
  return blocks.flatMap((block) => block.split('\n').map((line) => line.replace(/\s+#\s.*$/, '').trim())).filter((line) => line && !quickStart.has(line))
}

let work: string

beforeAll(async () => {
  if (!existsSync(cli)) execFileSync('npm', ['run', 'build'], {cwd: root, stdio: 'ignore'})
  work = await mkdtemp(path.join(tmpdir(), 'zhengce-readme-'))
  cpSync(path.join(root, 'seeds'), path.join(work, 'seeds'), {recursive: true})
  cpSync(path.join(root, 'output', 'seeds'), path.join(work, 'output', 'seeds'), {recursive: true})
}, 120_000)

describe('the README', () => {
  const commands = readmeCommands()

  test('should hold the commands of every subcommand', () => {
    for (const command of ['extract', 'diff', 'view', 'table', 'validate', 'schema']) expect(commands.some((line) => line.includes('zhengce ' + command))).toBe(true)
  })

  test.each(commands.map((command, index) => [index + 1, command]))('command %i should run: %s', (_index, command) => {
    const shell = command.replace(/\bnpx zhengce\b|(?<![\w/-])zhengce(?= )/g, JSON.stringify(process.execPath) + ' ' + JSON.stringify(cli))
    const result = spawnSync('bash', ['-o', 'pipefail', '-c', shell], {cwd: work, encoding: 'utf8', timeout: 120_000})
    expect(result.status, result.stderr).toBe(0)
    expect(result.stderr).not.toMatch(/: error /)
  })
})
