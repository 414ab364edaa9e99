/**
 * `npm run bench:memory`: the peak memory of `zhengce extract --jobs 2` on
 * hostile inputs (issue #21's probes): zip bombs that under-state their
 * size, Markdown nested 15 000 levels deep, a link to /dev/zero and a FIFO
 * named on the command line, 200 000 numbered headings in 13 MB. Each runs
 * alone in a fresh process; the peak is the process's maximum resident set
 * (workers are threads of it), read from `--stats`.
 *
 * A measurement, not a test: it prints one line per probe and asserts
 * nothing (the tests check the outcomes; `test/safety.test.ts`).
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdir, mkdtemp, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {textEntry, zerosEntry, zip} from '../helpers/zip.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const cli = path.join(root, 'dist', 'pipeline', 'cli.js')
const work = await mkdtemp(path.join(tmpdir(), 'zhengce-memory-'))

/** Each probe: its name, and how to make its input (a path to extract). */
const probes: Array<[string, () => Promise<string>]> = [
  [
    '.docx declaring 4 000 bytes, inflating to 1 GiB',
    async () =>
      save(
        'bomb.docx',
        zip([textEntry('[Content_Types].xml', '<Types/>'), await zerosEntry('word/document.xml', 1 << 30, 4000)])
      )
  ],
  [
    '.ofd declaring 4 000 bytes, inflating to 1 GiB',
    async () => save('bomb.ofd', zip([await zerosEntry('OFD.xml', 1 << 30, 4000)]))
  ],
  ['Markdown, 15 000 nested >', () => save('deep.md', '>'.repeat(15_000) + ' 某县规划\n')],
  ['Markdown, 20 000 nested >', () => save('deeper.md', '>'.repeat(20_000) + ' 某县规划\n')],
  ['.txt linked to /dev/zero, named', () => link('zero.txt', '/dev/zero')],
  ['FIFO named', async () => fifo('pipe.txt')],
  ['200 000 numbered headings (13 MB)', () => save('headings.txt', headings(200_000))]
]

async function save(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(work, 'in', name)
  await writeFile(file, content)
  return file
}

async function link(name: string, target: string): Promise<string> {
  const file = path.join(work, 'in', name)
  await symlink(target, file)
  return file
}

function fifo(name: string): string {
  const file = path.join(work, 'in', name)
  execFileSync('mkfifo', [file])
  return file
}

function headings(count: number): string {
  const lines = ['关于印发某县“十四五”规划的通知', '']
  for (let index = 1; index <= count; index++) lines.push(index + '. 第' + index + '项重点任务：推进某某工程建设')
  return lines.join('\n') + '\n'
}

await mkdir(path.join(work, 'in'))
console.log('probe | outcome | seconds | peak RSS (MB), zhengce extract --jobs 2')
for (const [name, make] of probes) {
  const input = await make()
  const started = performance.now()
  const run = spawnSync(
    process.execPath,
    [cli, 'extract', input, '--out', path.join(work, 'out'), '--jobs', '2', '--stats', '--force'],
    {encoding: 'utf8', timeout: 300_000}
  )
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const stats = run.stderr.split('\n').find((line) => line.startsWith('{"documents"'))
  const peak = stats ? (JSON.parse(stats) as {maxRssMb: number}).maxRssMb : NaN
  const outcome =
    run.status === null
      ? 'killed (' + run.signal + ')'
      : (run.stderr
          .split('\n')
          .find((line) => /: (error|skipped) /.test(line))
          ?.replace(/^[^:]+: /, '') ?? 'extracted') +
        ', exit ' +
        run.status
  console.log(name + ' | ' + outcome + ' | ' + seconds + ' | ' + peak)
}
await rm(work, {recursive: true, force: true})
