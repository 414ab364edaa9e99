/**
 * Write safety, resumable runs, bounded memory, clear errors, names and
 * output escaping (issue #21), each through the built command line as a
 * user meets it. Every test here failed on the main branch before the fix.
 */
import {execFileSync, spawn, spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, test} from 'vitest'
import {textEntry, zerosEntry, zip} from './helpers/zip.js'

const root = path.resolve(import.meta.dirname, '..')
// Note: ZHENGCE_CLI runs these tests against another build (how each was checked to fail before the fix).
const cli = process.env.ZHENGCE_CLI ?? path.join(root, 'dist', 'pipeline', 'cli.js')
const plan =
  '关于印发某市知识产权发展规划的通知\n\n各部门：\n\n现印发给你们。\n\n某市人民政府\n\n2022年1月5日\n\n一、发展目标\n\n到2025年，有效发明专利拥有量达到1600件。\n'

function zhengce(args: string[], options: {cwd?: string; input?: string | Buffer; timeout?: number} = {}) {
  return spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', timeout: options.timeout ?? 60_000, ...options})
}

beforeAll(() => {
  if (!existsSync(cli)) execFileSync('npm', ['run', 'build'], {cwd: root, stdio: 'ignore'})
})

async function folder(files: Record<string, string | Buffer> = {}): Promise<string> {
  const at = await mkdtemp(path.join(tmpdir(), 'zhengce-safety-'))
  await mkdir(path.join(at, 'in'))
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(at, 'in', name)), {recursive: true})
    await writeFile(path.join(at, 'in', name), content)
  }
  return at
}

/** `zhengce extract <at>/in --out <at>/out` and `more`. */
function extractInto(at: string, more: string[] = [], options: {timeout?: number} = {}) {
  return zhengce(['extract', path.join(at, 'in'), '--out', path.join(at, 'out'), ...more], options)
}

async function manifestOf(out: string) {
  return JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as {
    entries: Array<{path: string; status: string; reason: string | null; record: string | null}>
  }
}

async function allFiles(at: string): Promise<string[]> {
  return (await readdir(at, {recursive: true})).map(String).sort()
}

describe('never touch an input', () => {
  test('should refuse --ndjson naming an input, and leave it as it was', async () => {
    const at = await folder({'a.txt': plan})
    const result = extractInto(at, ['--ndjson', path.join(at, 'in', 'a.txt')])
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/refusing to write .*a\.txt: it is an input of this run/)
    expect(await readFile(path.join(at, 'in', 'a.txt'), 'utf8')).toBe(plan)
  })

  test('should not write an intermediate text over an input of the same name', async () => {
    const page = '<html><body><p>关于印发某市规划的通知</p></body></html>'
    const at = await folder({'a.html': page, 'a.html.txt': plan})
    const result = extractInto(at, ['--dump-intermediate', path.join(at, 'in')])
    expect(await readFile(path.join(at, 'in', 'a.html.txt'), 'utf8')).toBe(plan)
    expect(result.stderr).toMatch(/^a\.html: error refusing to write .*a\.html\.txt: it is an input of this run$/m)
  })

  test('should not write a view page over the page it shows', async () => {
    const page = '<html><body><p>关于印发某市规划的通知</p><p>一、发展目标</p></body></html>'
    const at = await folder({'page.html': page})
    const result = zhengce(['view', path.join(at, 'in', 'page.html'), '--out', path.join(at, 'in')])
    expect(result.status).toBe(1)
    expect(await readFile(path.join(at, 'in', 'page.html'), 'utf8')).toBe(page)
  })

  test('should keep view inside --out whatever paths a manifest holds', async () => {
    const at = await folder({'a.txt': plan})
    expect(zhengce(['extract', path.join(at, 'in'), '--out', path.join(at, 'out')]).status).toBe(0)
    const manifest = await manifestOf(path.join(at, 'out'))
    manifest.entries.push({...manifest.entries[0]!, path: '../../x/pwn.txt', record: '../../x/pwn.json'})
    manifest.entries.push({...manifest.entries[0]!, path: '../../x/pwn.txt'})
    await writeFile(path.join(at, 'out', 'manifest.json'), JSON.stringify(manifest))
    await mkdir(path.join(at, 'x'))
    zhengce(['view', path.join(at, 'out'), '--out', path.join(at, 'pages', 'deep')])
    expect(await readdir(path.join(at, 'x'))).toEqual([])
    expect((await allFiles(path.join(at, 'pages'))).every((name) => name.startsWith('deep'))).toBe(true)
  })

  test('should give the record of manifest.txt another name than the manifest', async () => {
    const at = await folder({'manifest.txt': plan})
    expect(zhengce(['extract', path.join(at, 'in'), '--out', path.join(at, 'out')]).status).toBe(0)
    const manifest = await manifestOf(path.join(at, 'out'))
    expect(manifest.entries).toMatchObject([{path: 'manifest.txt', status: 'ok', record: 'manifest.txt.json'}])
    expect(JSON.parse(await readFile(path.join(at, 'out', 'manifest.txt.json'), 'utf8')).source.path).toBe(
      'manifest.txt'
    )
  })

  test('should read every input when --out holds the input folder, and refuse --out equal to it', async () => {
    const at = await folder({'a.txt': plan})
    const above = zhengce(['extract', 'in', '--out', '.'], {cwd: at})
    expect(above.status).toBe(0)
    expect(await manifestOf(at)).toMatchObject({entries: [{path: 'a.txt', status: 'ok'}]})
    const same = zhengce(['extract', 'in', '--out', 'in'], {cwd: at})
    expect(same.status).toBe(2)
    expect(same.stderr).toMatch(/is an input folder/)
  })
})

describe('never lose a run', () => {
  async function batch(count: number): Promise<string> {
    const at = await folder()
    const seeds = (await readdir(path.join(root, 'seeds'))).filter((name) => name.endsWith('.txt'))
    const texts = await Promise.all(seeds.map((name) => readFile(path.join(root, 'seeds', name))))
    for (let index = 0; index < count; index++)
      await writeFile(
        path.join(at, 'in', String(index).padStart(4, '0') + '.txt'),
        Buffer.concat([texts[index % texts.length]!, Buffer.from('\n' + index + '\n')])
      )
    return at
  }

  test('should resume a run killed with SIGKILL at any moment: every input once, nothing finished redone, no temporary file left', async () => {
    const count = 300
    const at = await batch(count)
    const out = path.join(at, 'out')
    const ndjson = path.join(at, 'all.ndjson')
    let killedWhileRunning = 0
    for (let trial = 0; trial < 10; trial++) {
      const child = spawn(
        process.execPath,
        [cli, 'extract', path.join(at, 'in'), '--out', out, '--ndjson', ndjson, '--jobs', '2', '-q'],
        {stdio: 'ignore'}
      )
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
      await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 900))
      if (child.kill('SIGKILL')) killedWhileRunning++
      await exited
      const journal = await readFile(path.join(out, 'manifest.journal'), 'utf8').catch(() => '')
      const finished = new Set(
        journal.split('\n').flatMap((line) => {
          try {
            const entry = JSON.parse(line) as {path?: string; status?: string}
            return entry.path && (entry.status === 'ok' || entry.status === 'unchanged') ? [entry.path] : []
          } catch {
            return []
          }
        })
      )
      const rerun = zhengce(['extract', path.join(at, 'in'), '--out', out, '--ndjson', ndjson, '--jobs', '2', '-q'])
      expect(rerun.status).toBe(0)
      const manifest = await manifestOf(out)
      expect(manifest.entries).toHaveLength(count)
      const redone = manifest.entries.filter((entry) => entry.status === 'ok' && finished.has(entry.path))
      expect(redone).toEqual([])
      const lines = (await readFile(ndjson, 'utf8'))
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as {source: {path: string}}).source.path)
      expect(new Set(lines).size).toBe(count)
      expect(lines).toHaveLength(count)
      const left = [...(await allFiles(at)), ...(await readdir(at))].filter(
        (name) => name.endsWith('.tmp') || name.endsWith('.journal') || name.endsWith('.lock')
      )
      expect(left).toEqual([])
      // Note: the next trial starts over, so that each kill lands in a run with work left.
      await rm(out, {recursive: true})
    }
    expect(killedWhileRunning).toBeGreaterThan(0)
  }, 240_000)

  test('should stop on SIGINT after the documents in flight, write the manifest, say how to resume and exit 130', async () => {
    const at = await batch(400)
    const out = path.join(at, 'out')
    const child = spawn(process.execPath, [cli, 'extract', path.join(at, 'in'), '--out', out, '--jobs', '2', '-q'], {
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    await new Promise((resolve) => setTimeout(resolve, 700))
    child.kill('SIGINT')
    const code = await exited
    if (code === 0) return expect(stderr).toMatch(/400 extracted/)
    expect(code).toBe(130)
    expect(stderr).toMatch(/interrupted after \d+ of 400 documents; run the same command again/)
    const done = (await manifestOf(out)).entries.length
    expect(done).toBeGreaterThan(0)
    const rerun = zhengce(['extract', path.join(at, 'in'), '--out', out, '--jobs', '2', '-q'])
    expect(rerun.stderr).toMatch(new RegExp('^' + (400 - done) + ' extracted, ' + done + ' unchanged', 'm'))
  }, 60_000)

  test('should remove temporary files a killed run left, and keep a second run out of a locked folder', async () => {
    const at = await folder({'a.txt': plan})
    const out = path.join(at, 'out')
    await mkdir(path.join(out, 'deep'), {recursive: true})
    // Note: pid 1 of a container may be this runner's own: a dead pid is one above any pid_max.
    await writeFile(path.join(out, 'deep', '.zc-4194305-0-7.tmp'), '{"half":')
    expect(zhengce(['extract', path.join(at, 'in'), '--out', out]).status).toBe(0)
    expect(await allFiles(out)).toEqual(['a.json', 'deep', 'manifest.json'])
    await writeFile(path.join(out, '.zhengce.lock'), String(process.pid))
    const locked = zhengce(['extract', path.join(at, 'in'), '--out', out])
    expect(locked.status).toBe(2)
    expect(locked.stderr).toMatch(new RegExp('another zhengce run \\(pid ' + process.pid + '\\) is writing to'))
    await writeFile(path.join(out, '.zhengce.lock'), '4194305')
    expect(zhengce(['extract', path.join(at, 'in'), '--out', out]).status).toBe(0)
  })

  test('should merge the manifest with an earlier run into the same folder', async () => {
    const at = await folder({'a/one.txt': plan, 'b/two.txt': plan})
    const out = path.join(at, 'out')
    expect(
      zhengce(['extract', path.join(at, 'in', 'a', 'one.txt'), path.join(at, 'in', 'b'), '--out', out]).status
    ).toBe(0)
    await writeFile(path.join(at, 'in', 'a', 'three.txt'), plan)
    expect(
      zhengce(['extract', path.join(at, 'in', 'a', 'three.txt'), path.join(at, 'in', 'b'), '--out', out]).status
    ).toBe(0)
    expect((await manifestOf(out)).entries.map((entry) => entry.path)).toEqual([
      'a/one.txt',
      'a/three.txt',
      'b/two.txt'
    ])
  })
})

describe('bounded memory', () => {
  test('should refuse a .docx or .ofd whose archive under-states an entry, without inflating it', async () => {
    const bomb = await zerosEntry('word/document.xml', 64 << 20, 4000)
    const at = await folder({
      'plan.docx': zip([textEntry('[Content_Types].xml', '<Types/>'), bomb]),
      'scan.ofd': zip([{...bomb, name: 'OFD.xml'}])
    })
    const result = zhengce(['extract', path.join(at, 'in'), '--out', path.join(at, 'out')])
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(
      /^plan\.docx: error \.docx entry word\/document\.xml decompresses to more than the 4000 bytes its archive declares/m
    )
    expect(result.stderr).toMatch(/^scan\.ofd: error \.ofd entry OFD\.xml decompresses to more than the 4000 bytes/m)
  })

  test('should read Markdown nested 15 000 levels deep as plain text, with a warning', async () => {
    const at = await folder({'deep.md': '>'.repeat(15_000) + ' 某县规划\n'})
    const result = zhengce(['extract', path.join(at, 'in'), '--out', path.join(at, 'out')])
    expect(result.status).toBe(0)
    expect(result.stderr).toMatch(
      /deep\.md:1:1 warning Markdown nested more than 32 levels deep: read as plain text markdown-too-deep/
    )
  })

  test.runIf(process.platform === 'linux')(
    'should pass over devices and FIFOs given by name, and stop reading at --max-bytes where stat says 0',
    async () => {
      const at = await folder()
      await symlink('/dev/zero', path.join(at, 'in', 'zero.txt'))
      execFileSync('mkfifo', [path.join(at, 'in', 'pipe.txt')])
      await symlink('/proc/self/smaps', path.join(at, 'in', 'proc.txt'))
      const named = ['zero.txt', 'pipe.txt'].map((name) => path.join(at, 'in', name))
      const result = zhengce(['extract', ...named, '--out', path.join(at, 'out')], {timeout: 30_000})
      expect(result.status).toBe(0)
      expect(result.stderr).toMatch(/^zero\.txt: skipped not a regular file: a device$/m)
      expect(result.stderr).toMatch(/^pipe\.txt: skipped not a regular file: a named pipe \(FIFO\)$/m)
      const proc = zhengce([
        'extract',
        path.join(at, 'in', 'proc.txt'),
        '--out',
        path.join(at, 'out2'),
        '--max-bytes',
        '100'
      ])
      expect(proc.stderr).toMatch(/^proc\.txt: error file is larger than --max-bytes 100 \(read stopped there\)$/m)
    }
  )

  test('should fail a document that outgrows the worker heap and go on with the others', async () => {
    const lines = ['关于印发某县规划的通知', '']
    for (let index = 1; index <= 60_000; index++) lines.push(index + '. 第' + index + '项重点任务：推进某某工程建设')
    const at = await folder({'a.txt': plan, 'huge.txt': lines.join('\n') + '\n', 'z.txt': plan})
    const result = extractInto(at, ['--jobs', '2', '--max-heap-mb', '16'])
    expect(result.stderr).toMatch(/^huge\.txt: error ran out of memory \(worker heap 16 MB\)$/m)
    const manifest = await manifestOf(path.join(at, 'out'))
    expect(manifest.entries.map((entry) => entry.status)).toEqual(['ok', 'failed', 'ok'])
  }, 60_000)

  test('should list at most 500 repairs of one kind, then say how many more', async () => {
    const lines = ['关于印发某县规划的通知', '']
    for (let index = 1; index <= 2000; index++) lines.push(index + '. 第' + index + '项重点任务：推进某某工程建设')
    const at = await folder({'many.txt': lines.join('\n') + '\n'})
    expect(zhengce(['extract', path.join(at, 'in'), '--out', path.join(at, 'out')]).status).toBe(0)
    const record = JSON.parse(await readFile(path.join(at, 'out', 'many.json'), 'utf8')) as {
      diagnostics: Array<{rule: string; message: string}>
    }
    const joined = record.diagnostics.filter((diagnostic) => diagnostic.rule === 'joined-line')
    expect(joined).toHaveLength(501)
    expect(
      joined.filter((diagnostic) =>
        /^\d+ more of these repairs are not listed \(\d+ in all\), from here on$/.test(diagnostic.message)
      )
    ).toHaveLength(1)
  })
})

describe('clear errors', () => {
  test('should exit 2 with one line for --ndjson in a missing folder, and 1 with one line when its disk is full', async () => {
    const at = await folder({'a.txt': plan})
    const missing = extractInto(at, ['--ndjson', path.join(at, 'nowhere', 'all.ndjson')])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toBe(
      'zhengce: cannot write --ndjson ' + path.join(at, 'nowhere', 'all.ndjson') + ': no such folder\n'
    )
    const full = zhengce(['extract', path.join(at, 'in'), '--ndjson', '/dev/full', '-q'])
    expect(full.status).toBe(1)
    expect(full.stderr).toMatch(/^zhengce: cannot write --ndjson \/dev\/full: no space left on the device$/m)
  })

  const canMount =
    process.platform === 'linux' && process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0

  test.runIf(canMount)(
    'should stop with one line on a full disk, leaving no temporary file, and exit 2 on a read-only --out',
    async (context) => {
      const at = await folder()
      const seeds = (await readdir(path.join(root, 'seeds'))).filter((name) => name.endsWith('.txt'))
      for (let index = 0; index < 40; index++)
        await writeFile(
          path.join(at, 'in', index + '.txt'),
          await readFile(path.join(root, 'seeds', seeds[index % seeds.length]!))
        )
      const disk = path.join(at, 'disk')
      await mkdir(disk)
      // Note: a small tmpfs is a disk that fills; a container that may not mount skips this test, and says so.
      if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', disk]).status !== 0)
        return context.skip('cannot mount a tmpfs here')
      try {
        const full = zhengce(['extract', path.join(at, 'in'), '--out', path.join(disk, 'out'), '--pretty'])
        expect(full.status).toBe(1)
        expect(full.stderr).toMatch(/^zhengce: stopped: cannot write .*: no space left on the device$/m)
        expect((await allFiles(disk)).filter((name) => name.endsWith('.tmp'))).toEqual([])
        execFileSync('mount', ['-o', 'remount,ro', disk])
        const readOnly = zhengce(['extract', path.join(at, 'in'), '--out', path.join(disk, 'out')])
        expect(readOnly.status).toBe(2)
        expect(readOnly.stderr).toBe(
          'zhengce: cannot write to the output folder ' + path.join(disk, 'out') + ': read-only file system\n'
        )
      } finally {
        execFileSync('umount', [disk])
      }
    }
  )
})

describe('names', () => {
  test('should read a 250-byte name, a name that is not UTF-8 and a name with a newline, each on one report line', async () => {
    const at = await folder()
    const long = '规'.repeat(82) + '.txt'
    expect(Buffer.byteLength(long)).toBe(250)
    await writeFile(path.join(at, 'in', long), plan)
    // Note: a Latin-1 name (café, é = 0xE9), as an old archive or FTP server writes it.
    await writeFile(
      Buffer.concat([Buffer.from(path.join(at, 'in') + '/caf'), Buffer.from([0xe9]), Buffer.from('.txt')]),
      plan
    )
    await writeFile(path.join(at, 'in', 'two\nlines: error fake.txt'), '')
    const result = zhengce(['extract', path.join(at, 'in'), '--out', path.join(at, 'out')])
    const manifest = await manifestOf(path.join(at, 'out'))
    const byPath = Object.fromEntries(manifest.entries.map((entry) => [entry.path, entry]))
    expect(byPath[long]?.status).toBe('ok')
    expect(byPath['caf\\xE9.txt']).toMatchObject({status: 'ok', record: 'caf\\xE9.json'})
    expect(result.stderr).toMatch(/^two\\x0Alines: error fake\.txt: error empty file$/m)
    expect(result.stderr.split('\n').filter((line) => line.startsWith('lines'))).toEqual([])
  })

  test('should account in the manifest for hidden files, FIFOs and temporary files, and walk a loop of links once', async () => {
    const at = await folder({'a.txt': plan, '.hidden.txt': plan, 'old.txt.tmp': plan, 'clip.mp4': 'MP4'})
    if (process.platform === 'linux') execFileSync('mkfifo', [path.join(at, 'in', 'pipe.txt')])
    await symlink(path.join(at, 'in'), path.join(at, 'in', 'loop'))
    const result = zhengce(['extract', path.join(at, 'in'), '--out', path.join(at, 'out'), '--follow-symlinks'], {
      timeout: 30_000
    })
    expect(result.status).toBe(0)
    const manifest = await manifestOf(path.join(at, 'out'))
    const byPath = Object.fromEntries(manifest.entries.map((entry) => [entry.path, entry]))
    expect(byPath['a.txt']?.status).toBe('ok')
    expect(byPath['.hidden.txt']).toMatchObject({status: 'skipped', reason: 'hidden file'})
    expect(byPath['old.txt.tmp']).toMatchObject({status: 'skipped', reason: 'temporary file'})
    expect(byPath['clip.mp4']).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/^not a document format \(\.mp4/)
    })
    expect(byPath['loop']).toMatchObject({status: 'skipped', reason: 'folder already read (a loop of links)'})
    if (process.platform === 'linux')
      expect(byPath['pipe.txt']).toMatchObject({status: 'skipped', reason: 'not a regular file: a named pipe (FIFO)'})
    expect(manifest.entries.filter((entry) => entry.status === 'ok')).toHaveLength(1)
  })
})

describe('output escaping', () => {
  /** A record as a hostile page could make it: formulas and a script for indicators. */
  async function hostile(): Promise<string> {
    const at = await folder()
    const record = JSON.parse(await readFile(path.join(root, 'output', 'seeds', '003_34d31a0ef18a20a4.json'), 'utf8'))
    record.targets[0].indicator = '=HYPERLINK("http://x","a")'
    record.targets[1].indicator = '@SUM(1+1)'
    record.targets[2].indicator = '<script>alert(1)</script>'
    await writeFile(path.join(at, 'hostile.json'), JSON.stringify(record))
    return path.join(at, 'hostile.json')
  }

  test('should prefix CSV cells that start a formula unless --raw-csv', async () => {
    const file = await hostile()
    const csv = zhengce(['diff', file, '--format', 'csv']).stdout
    expect(csv).toMatch(/'=HYPERLINK/)
    expect(csv).toMatch(/'@SUM/)
    expect(csv).not.toMatch(/(^|,)"?[=@]/m)
    expect(zhengce(['diff', file, '--format', 'csv', '--raw-csv']).stdout).toMatch(/(^|,)"?=HYPERLINK/m)
  })

  test('should escape HTML in Markdown output and encode the links of the view index', async () => {
    const markdown = zhengce(['diff', await hostile(), '--format', 'md']).stdout
    expect(markdown).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(markdown).not.toContain('<script>')
    const at = await folder({'b#1?x=%.txt': plan, 'a.txt': plan})
    expect(zhengce(['extract', path.join(at, 'in'), '--out', path.join(at, 'out')]).status).toBe(0)
    expect(zhengce(['view', path.join(at, 'out'), '--out', path.join(at, 'pages')]).status).toBe(0)
    const index = await readFile(path.join(at, 'pages', 'index.html'), 'utf8')
    expect(index).toContain('href="b%231%3Fx%3D%25.html"')
  })

  test('should validate each line of NDJSON, say which are not JSON, and name a missing file', async () => {
    const at = await folder({'a.txt': plan})
    const all = path.join(at, 'all.ndjson')
    expect(zhengce(['extract', path.join(at, 'in'), '--ndjson', all]).status).toBe(0)
    await writeFile(all, (await readFile(all, 'utf8')) + '{"broken\n' + (await readFile(all, 'utf8')))
    const result = zhengce(['validate', all, path.join(at, 'missing.json')])
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/all\.ndjson: line 2: not JSON/)
    expect(result.stderr.split('\n').filter((line) => line.includes('all.ndjson'))).toHaveLength(1)
    expect(result.stderr).toMatch(/missing\.json: no such file/)
  })

  test('should warn when a page declares a charset its bytes contradict', async () => {
    const body =
      '<html><head><meta charset="big5"></head><body><p>关于印发某市知识产权发展规划的通知</p><p>各部门：现将规划印发给你们。</p></body></html>'
    const at = await folder({'page.html': gb18030(body)})
    const result = zhengce(['extract', path.join(at, 'in'), '--out', path.join(at, 'out')])
    expect(result.stderr).toMatch(
      /page\.html:1:1 warning The page declares charset big5 but reads as GB18030 charset-mismatch/
    )
    const record = JSON.parse(await readFile(path.join(at, 'out', 'page.json'), 'utf8')) as {title: {text: string}}
    expect(record.title.text).toContain('知识产权发展规划')
  })
})

/** `text` encoded as GB18030 (Node encodes only UTF-8: by way of iconv, present on Debian). */
function gb18030(text: string): Buffer {
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], {input: text})
}

describe('tables', () => {
  test('should not write a table over the NDJSON it is made from', async () => {
    const at = await folder({'a.txt': plan})
    const targets = path.join(at, 'tables', 'targets.ndjson')
    await mkdir(path.dirname(targets))
    expect(zhengce(['extract', path.join(at, 'in'), '--ndjson', targets]).status).toBe(0)
    const before = await readFile(targets, 'utf8')
    const result = zhengce(['table', targets, '--to', path.join(at, 'tables'), '--format', 'ndjson'])
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/refusing to write .*targets\.ndjson: it is an input of this run/)
    expect(await readFile(targets, 'utf8')).toBe(before)
  })
})

describe('pipeline manners (#22)', () => {
  test('should account for every input in the NDJSON of a re-run, unchanged ones re-emitted from their records', async () => {
    const at = await folder({'a.txt': plan, 'b/c.txt': plan.replace('某市', '另一市')})
    const ndjson = path.join(at, 'all.ndjson')
    const args = ['extract', path.join(at, 'in'), '--out', path.join(at, 'out'), '--ndjson', ndjson, '--pretty']
    expect(zhengce(args).status).toBe(0)
    const first = await readFile(ndjson, 'utf8')
    const again = zhengce(args)
    expect(again.stderr).toMatch(/^0 extracted, 2 unchanged/m)
    expect(await readFile(ndjson, 'utf8')).toBe(first)
    expect(first.trim().split('\n')).toHaveLength(2)
    const stdout = zhengce(['extract', path.join(at, 'in'), '--out', path.join(at, 'out'), '--ndjson', '-']).stdout
    expect(stdout).toBe(first)
  })

  test('should read one document from standard input, named by --name, and print its record without --out', async () => {
    const docx = await readFile(
      path.join(
        root,
        'test',
        'fixtures',
        'formats',
        (await readdir(path.join(root, 'test', 'fixtures', 'formats'))).find((name) => name.endsWith('.docx'))!
      )
    )
    const result = zhengce(['extract', '-', '--name', 'a/规划.docx', '--ndjson', '-'], {input: docx})
    expect(result.status).toBe(0)
    const record = JSON.parse(result.stdout) as {source: {path: string; format: string}}
    expect(record.source).toMatchObject({path: 'a/规划.docx', format: 'docx'})
    expect(zhengce(['extract', '-', '--ndjson', '-'], {input: plan}).stdout).toMatch(/"path":"stdin\.txt"/)
    const dash = zhengce(['extract', '-', '--out', '-'], {input: plan})
    expect(dash.status).toBe(2)
    expect(dash.stderr).toMatch(/--out - is not a folder/)
  })

  test('should print diagnostics as JSON lines with --reporter json', async () => {
    const at = await folder({'a.txt': plan, 'empty.txt': ''})
    const result = extractInto(at, ['--reporter', 'json', '--verbose'])
    const lines = result.stderr
      .trim()
      .split('\n')
      .slice(0, -1)
      .map((line) => JSON.parse(line) as {path: string; severity: string; rule: string})
    expect(lines).toContainEqual(expect.objectContaining({path: 'empty.txt', severity: 'fatal', rule: 'failed'}))
    expect(lines.every((line) => typeof line.path === 'string' && typeof line.rule === 'string')).toBe(true)
    expect(zhengce(['extract', path.join(at, 'in'), '--out', path.join(at, 'x'), '--reporter', 'xml']).status).toBe(2)
  })

  test('should validate an output folder, passing over its manifest', async () => {
    const at = await folder({'a.txt': plan})
    expect(zhengce(['extract', path.join(at, 'in'), '--out', path.join(at, 'out')]).status).toBe(0)
    const result = zhengce(['validate', path.join(at, 'out')])
    expect(result.status).toBe(0)
    expect(result.stdout).toBe(path.join(at, 'out', 'a.json') + ': valid\n')
  })
})
