/**
 * The built command line (`dist/`, made by `npm install` / `npm run build`):
 * worker threads, the time budget, exit codes, `validate` and `schema`.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdtemp, mkdir, readFile, readdir, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, test} from 'vitest'

const root = path.resolve(import.meta.dirname, '..')
const cli = path.join(root, 'dist', 'pipeline', 'cli.js')

function zhengce(...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8'})
}

beforeAll(() => {
  if (!existsSync(cli)) execFileSync('npm', ['run', 'build'], {cwd: root, stdio: 'ignore'})
})

async function corpus(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'zhengce-cli-'))
  await mkdir(path.join(folder, 'in'))
  for (const name of await readdir(path.join(root, 'seeds'))) {
    await writeFile(path.join(folder, 'in', name), await readFile(path.join(root, 'seeds', name)))
  }
  return folder
}

describe('zhengce extract (built)', () => {
  test('should write the same records with worker threads as in one thread', async () => {
    const folder = await corpus()
    const single = zhengce(
      'extract',
      path.join(folder, 'in'),
      '--out',
      path.join(folder, 'one'),
      '--jobs',
      '1',
      '--pretty'
    )
    const pooled = zhengce(
      'extract',
      path.join(folder, 'in'),
      '--out',
      path.join(folder, 'two'),
      '--jobs',
      '2',
      '--pretty'
    )
    expect([single.status, pooled.status]).toEqual([0, 0])
    for (const name of await readdir(path.join(root, 'output', 'seeds'))) {
      if (!name.endsWith('.json') || name === 'manifest.json') continue
      const expected = await readFile(path.join(root, 'output', 'seeds', name), 'utf8')
      expect(await readFile(path.join(folder, 'one', name), 'utf8')).toBe(expected)
      expect(await readFile(path.join(folder, 'two', name), 'utf8')).toBe(expected)
    }
  })

  test('should fail a document over the time budget and go on', async () => {
    const folder = await corpus()
    const result = zhengce(
      'extract',
      path.join(folder, 'in'),
      '--out',
      path.join(folder, 'out'),
      '--jobs',
      '2',
      '--timeout-ms',
      '1'
    )
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/took longer than the time budget of 1 ms/)
    const manifest = JSON.parse(await readFile(path.join(folder, 'out', 'manifest.json'), 'utf8')) as {
      entries: Array<{status: string}>
    }
    expect(manifest.entries).toHaveLength(5)
  })

  test('should refuse a file above --max-bytes and report symbolic links it does not follow', async () => {
    const folder = await corpus()
    await symlink(path.join(folder, 'in'), path.join(folder, 'in', 'loop'))
    const result = zhengce(
      'extract',
      path.join(folder, 'in'),
      '--out',
      path.join(folder, 'out'),
      '--max-bytes',
      '20000'
    )
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/^loop: skipped symbolic link not followed \(use --follow-symlinks\)$/m)
    expect(result.stderr).toMatch(/000_3463f909dcea441a\.txt: error file is 36211 bytes, above --max-bytes 20000/)
  })

  test('should exit 2 on a usage error', () => {
    expect(zhengce('extract').status).toBe(2)
    expect(zhengce('extract', 'seeds', '--out', '/tmp/x', '--max-bytes', 'many').status).toBe(2)
  })

  test('should validate records and print the schema', async () => {
    const valid = zhengce('validate', path.join(root, 'output', 'seeds', '002_f72d7f03ee822240.json'))
    expect(valid.status).toBe(0)
    const folder = await mkdtemp(path.join(tmpdir(), 'zhengce-cli-'))
    await writeFile(path.join(folder, 'bad.json'), JSON.stringify({schemaVersion: '1.0'}))
    const invalid = zhengce('validate', path.join(folder, 'bad.json'))
    expect(invalid.status).toBe(1)
    expect(invalid.stderr).toMatch(/must have required property/)
    expect(JSON.parse(zhengce('schema').stdout).$ref).toBe('#/$defs/PolicyRecord')
  })
})

describe('zhengce extract and the file system (built)', () => {
  test('should keep records inside --out whatever the input paths look like', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'zhengce-fs-'))
    await mkdir(path.join(folder, 'in', 'deep'), {recursive: true})
    const plan = await readFile(path.join(root, 'seeds', '003_34d31a0ef18a20a4.txt'))
    // Two names that look alike but normalise differently (NFC é, NFD e + ◌́), and a path given with `..`.
    await writeFile(path.join(folder, 'in', 'deep', 'caf\u00e9.txt'), plan)
    await writeFile(path.join(folder, 'in', 'deep', 'cafe\u0301.txt'), plan)
    const result = spawnSync(
      process.execPath,
      [cli, 'extract', path.join('in', 'deep', '..', 'deep'), '--out', 'out'],
      {cwd: folder, encoding: 'utf8'}
    )
    expect(result.status).toBe(0)
    const written = (await readdir(path.join(folder, 'out'), {recursive: true})).map(String).sort()
    expect(written).toEqual(['caf\u00e9.json', 'cafe\u0301.json', 'manifest.json'].sort())
    expect((await readdir(folder)).sort()).toEqual(['in', 'out'])
  })

  test('should follow symbolic links only when asked', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'zhengce-fs-'))
    await mkdir(path.join(folder, 'elsewhere'))
    await mkdir(path.join(folder, 'in'))
    await writeFile(
      path.join(folder, 'elsewhere', 'plan.txt'),
      await readFile(path.join(root, 'seeds', '003_34d31a0ef18a20a4.txt'))
    )
    await symlink(path.join(folder, 'elsewhere', 'plan.txt'), path.join(folder, 'in', 'linked.txt'))
    const plain = zhengce('extract', path.join(folder, 'in'), '--out', path.join(folder, 'a'))
    expect(plain.stderr).toMatch(/linked\.txt: skipped symbolic link not followed/)
    const followed = zhengce('extract', path.join(folder, 'in'), '--out', path.join(folder, 'b'), '--follow-symlinks')
    expect(followed.status).toBe(0)
    expect(await readdir(path.join(folder, 'b'))).toContain('linked.json')
  })
})
