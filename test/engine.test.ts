import {mkdtemp, mkdir, readFile, readdir, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {Writable} from 'node:stream'
import {describe, expect, test} from 'vitest'
import {runExtract, type Manifest} from '../pipeline/engine.js'

const plan =
  '关于印发某市“十四五”知识产权发展规划的通知\n\n各部门：\n\n现印发给你们。\n\n某市人民政府\n\n2022年1月5日\n\n一、总体要求\n\n坚持创新。\n'

function sink(): {stream: Writable & {isTTY?: boolean}; text: () => string} {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk))
      callback()
    }
  })
  return {stream, text: () => chunks.join('')}
}

async function corpus(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'zhengce-'))
  await mkdir(path.join(root, 'in', '南京 市'), {recursive: true})
  await mkdir(path.join(root, 'in', 'b'), {recursive: true})
  await writeFile(path.join(root, 'in', '南京 市', '规划.txt'), plan)
  await writeFile(path.join(root, 'in', 'b', '规划.txt'), plan.replace('某市', '另一市'))
  await writeFile(
    path.join(root, 'in', 'gbk.txt'),
    new Uint8Array([...Buffer.from('\xb9\xd8\xd3\xda\xd3\xa1\xb7\xa2\xb5\xc4\xcd\xa8\xd6\xaa\n', 'latin1')])
  )
  await writeFile(path.join(root, 'in', 'empty.txt'), '')
  await writeFile(path.join(root, 'in', 'blank.txt'), ' \n\t\n')
  await writeFile(path.join(root, 'in', 'binary.txt'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]))
  await writeFile(
    path.join(root, 'in', 'truncated.txt'),
    Buffer.concat([Buffer.from('关于印发的通知'), Buffer.from([0xe9, 0x80])])
  )
  await writeFile(path.join(root, 'in', 'plan.docx'), 'PK')
  await writeFile(
    path.join(root, 'in', 'old.doc'),
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from('legacy')])
  )
  await writeFile(path.join(root, 'in', 'served.doc'), '关于印发某规划的通知\n\n各部门：\n\n现印发给你们。\n')
  await writeFile(path.join(root, 'in', 'letter.doc'), '{\\rtf1\\ansi hello}')
  await writeFile(path.join(root, 'in', 'scan.ofd'), 'PK')
  await writeFile(path.join(root, 'in', 'sheet.xlsx'), 'PK')
  return root
}

async function run(root: string, options: Partial<Parameters<typeof runExtract>[0]> = {}) {
  const stdout = sink()
  const stderr = sink()
  const code = await runExtract(
    {inputs: [path.join(root, 'in')], out: path.join(root, 'out'), ...options},
    {stdout: stdout.stream, stderr: stderr.stream}
  )
  const manifest = JSON.parse(await readFile(path.join(root, 'out', 'manifest.json'), 'utf8')) as Manifest
  return {code, manifest, stdout: stdout.text(), stderr: stderr.text()}
}

describe('runExtract', () => {
  test('should count the goal statements that keep an unread number per document, in the manifest and the summary', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'zhengce-'))
    await mkdir(path.join(root, 'in'), {recursive: true})
    await writeFile(
      path.join(root, 'in', 'missed.txt'),
      '某市知识产权发展规划\n\n一、发展目标\n\n到2025年，有效发明专利拥有量达到1600件，专利实施率为45.5。\n'
    )
    await writeFile(
      path.join(root, 'in', 'read.txt'),
      '某市知识产权发展规划\n\n一、发展目标\n\n到2025年，有效发明专利拥有量达到1600件。\n'
    )
    const {manifest, stderr} = await run(root)
    const byPath = Object.fromEntries(manifest.entries.map((entry) => [entry.path, entry]))
    expect([byPath['missed.txt']?.unreadGoalNumbers, byPath['read.txt']?.unreadGoalNumbers]).toEqual([1, 0])
    expect(stderr).toMatch(/1 goal statements with an unread number, in 1 documents/)
  })

  test('should extract good files, explain every bad one in one line, and exit 1', async () => {
    const root = await corpus()
    const {code, manifest, stderr} = await run(root)
    expect(code).toBe(1)
    const byPath = Object.fromEntries(manifest.entries.map((entry) => [entry.path, entry]))
    expect(Object.keys(byPath).sort()).toEqual([
      'b/规划.txt',
      'binary.txt',
      'blank.txt',
      'empty.txt',
      'gbk.txt',
      'letter.doc',
      'old.doc',
      'plan.docx',
      'scan.ofd',
      'served.doc',
      'sheet.xlsx',
      'truncated.txt',
      '南京 市/规划.txt'
    ])
    expect(byPath['南京 市/规划.txt']).toMatchObject({status: 'ok', record: '南京 市/规划.json'})
    expect(byPath['b/规划.txt']).toMatchObject({status: 'ok', record: 'b/规划.json'})
    expect(byPath['gbk.txt']).toMatchObject({status: 'ok'})
    expect(byPath['empty.txt']).toMatchObject({status: 'failed', reason: 'empty file'})
    expect(byPath['blank.txt']).toMatchObject({status: 'failed', reason: 'no text (only whitespace)'})
    expect(byPath['binary.txt']?.reason).toMatch(/binary/)
    expect(byPath['truncated.txt']?.reason).toMatch(/truncated UTF-8/)
    expect(byPath['plan.docx']?.reason).toMatch(/not a valid \.docx/)
    expect(byPath['old.doc']?.reason).toMatch(/cannot read \.doc/)
    expect(byPath['letter.doc']?.reason).toMatch(/RTF under a Word name/)
    expect(byPath['served.doc']).toMatchObject({status: 'ok'})
    expect(byPath['scan.ofd']?.reason).toMatch(/not a valid \.ofd/)
    expect(byPath['sheet.xlsx']?.status).toBe('skipped')
    expect(byPath['sheet.xlsx']?.reason).toBe(
      'format .xlsx is not supported yet (supported: .txt, .md, .docx, .doc, .wps, .html, .pdf, .ofd, .png, .jpg, .tif)'
    )
    expect(stderr).toMatch(/^empty\.txt: error empty file$/m)
    const gbk = JSON.parse(await readFile(path.join(root, 'out', 'gbk.json'), 'utf8'))
    expect(gbk.source.encoding).toBe('gb18030')
    expect(gbk.title.text).toBe('关于印发的通知')
    const written = await readdir(path.join(root, 'out', 'b'))
    expect(written).toEqual(['规划.json'])
  })

  test('should skip unchanged files on a second run, and redo them with --force', async () => {
    const root = await corpus()
    await run(root)
    const again = await run(root)
    expect(again.manifest.entries.find((entry) => entry.path === 'b/规划.txt')?.status).toBe('unchanged')
    await writeFile(path.join(root, 'in', 'b', '规划.txt'), plan + '\n二、重点任务\n')
    const changed = await run(root)
    expect(changed.manifest.entries.find((entry) => entry.path === 'b/规划.txt')?.status).toBe('ok')
    expect(changed.manifest.entries.find((entry) => entry.path === '南京 市/规划.txt')?.status).toBe('unchanged')
    const forced = await run(root, {force: true})
    expect(forced.manifest.entries.find((entry) => entry.path === '南京 市/规划.txt')?.status).toBe('ok')
  })

  test('should stream records as NDJSON and leave no temporary files', async () => {
    const root = await corpus()
    const {stdout} = await run(root, {ndjson: '-'})
    const lines = stdout.trim().split('\n')
    expect(lines).toHaveLength(4)
    expect(lines.map((line) => (JSON.parse(line) as {source: {path: string}}).source.path).sort()).toEqual([
      'b/规划.txt',
      'gbk.txt',
      'served.doc',
      '南京 市/规划.txt'
    ])
    const all = await readdir(path.join(root, 'out'), {recursive: true})
    expect(all.filter((name) => String(name).endsWith('.tmp'))).toEqual([])
  })

  test('should stop at the first failure with failFast and exit 0 when all is well', async () => {
    const root = await corpus()
    const failing = await run(root, {failFast: true})
    expect(failing.manifest.entries.filter((entry) => entry.status !== 'failed').length).toBeLessThan(4)
    const good = await mkdtemp(path.join(tmpdir(), 'zhengce-'))
    await mkdir(path.join(good, 'in'))
    await writeFile(path.join(good, 'in', 'a.txt'), plan)
    expect((await run(good)).code).toBe(0)
  })

  test('should exit 2 with one line when a file stands where the output folder goes', async () => {
    const root = await corpus()
    await writeFile(path.join(root, 'out'), 'not a folder')
    const stderr = sink()
    const code = await runExtract(
      {inputs: [path.join(root, 'in')], out: path.join(root, 'out', 'records')},
      {stdout: sink().stream, stderr: stderr.stream}
    )
    expect(code).toBe(2)
    expect(stderr.text()).toBe(
      'zhengce: cannot make the output folder ' + path.join(root, 'out', 'records') + ': a file is in the way\n'
    )
  })

  test.runIf(process.platform === 'linux')(
    'should exit 2, not hang, where the system refuses the output folder',
    async () => {
      const root = await corpus()
      const stderr = sink()
      // Note: Node 20's recursive mkdir loops forever on this one.
      const code = await runExtract(
        {inputs: [path.join(root, 'in')], out: '/proc/zhengce/records'},
        {stdout: sink().stream, stderr: stderr.stream}
      )
      expect(code).toBe(2)
      expect(stderr.text()).toMatch(/^zhengce: cannot make the output folder \/proc\/zhengce\/records: .*ENOENT.*\n$/)
    }
  )
})
