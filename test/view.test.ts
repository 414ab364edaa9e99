/**
 * The HTML views in a real headless Chromium (Debian's `chromium`, driven by
 * playwright-core; `.ci/run` installs it when missing).
 */
import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {Writable} from 'node:stream'
import {chromium, type Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {extractDocument} from '../pipeline/document.js'
import {runExtract} from '../pipeline/engine.js'
import {runView} from '../pipeline/view/command.js'
import {documentPage} from '../pipeline/view/page.js'

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const root = path.resolve(import.meta.dirname, '..')
const quiet = {
  stdout: new Writable({write: (_c, _e, done) => done()}),
  stderr: new Writable({write: (_c, _e, done) => done()})
}
let browser: Browser
let pages: string

describe.skipIf(!existsSync(executablePath) && !process.env.CI)('view in a browser', () => {
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ]
    })
    const folder = await mkdtemp(path.join(tmpdir(), 'zhengce-view-'))
    await runExtract({inputs: [path.join(root, 'seeds')], out: path.join(folder, 'out'), quiet: true}, quiet)
    pages = path.join(folder, 'pages')
    expect(await runView([path.join(folder, 'out')], {out: pages}, quiet)).toBe(0)
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
  })

  test('should scroll a clicked target into view and flash its span, which holds the quote', async () => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}})
    await page.goto('file://' + path.join(pages, '000_3463f909dcea441a.html'))
    const record = JSON.parse(await readFile(path.join(root, 'output', 'seeds', '000_3463f909dcea441a.json'), 'utf8'))
    const last = record.targets.length
    await page.click('button.item[data-id="t' + last + '"]')
    const spans = page.locator('.hl[data-ids~="t' + last + '"]')
    await expect.poll(() => spans.first().evaluate((element) => element.classList.contains('flash'))).toBe(true)
    const box = await spans.first().boundingBox()
    expect(box && box.y >= 0 && box.y + box.height <= 900).toBe(true)
    const text = (await spans.allTextContents()).join('').replace(/\s+/g, '')
    expect(text).toContain(record.targets[last - 1].quote.replace(/\s+/g, ''))
    expect(await spans.first().getAttribute('title')).toContain(record.targets[last - 1].indicator)
    await mkdir(path.join(root, 'test', 'screenshots'), {recursive: true})
    await page.screenshot({path: path.join(root, 'test', 'screenshots', '000_3463f909dcea441a.png')})
    await page.close()
  })

  test('should sort the index by a column', async () => {
    const page = await browser.newPage()
    await page.goto('file://' + path.join(pages, 'index.html'))
    await page.click('th:has-text("指标 targets")')
    const counts = (await page.locator('tbody tr td:nth-child(5)').allTextContents()).map(Number)
    expect(counts).toEqual([...counts].sort((a, b) => a - b))
    await page.click('th:has-text("指标 targets")')
    const descending = (await page.locator('tbody tr td:nth-child(5)').allTextContents()).map(Number)
    expect(descending).toEqual([...counts].sort((a, b) => b - a))
    expect(await page.locator('tbody tr').count()).toBe(5)
    await page.close()
  })

  test('should render a hostile document as text and run none of its script', async () => {
    const hostile =
      '关于印发<script>window.pwned=1</script>规划的通知\n\n一、发展目标\n\n到2025年，</pre><img src=x onerror="window.pwned=2">指标达到100%，"><script>window.pwned=3</script>\n'
    const {record, file} = await extractDocument(new TextEncoder().encode(hostile), 'hostile.txt', 'text')
    const folder = await mkdtemp(path.join(tmpdir(), 'zhengce-hostile-'))
    await writeFile(path.join(folder, 'hostile.html'), documentPage(record, String(file.value)))
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto('file://' + path.join(folder, 'hostile.html'))
    expect(await page.evaluate(() => (globalThis as unknown as {pwned?: number}).pwned)).toBeUndefined()
    expect(await page.locator('img').count()).toBe(0)
    expect(await page.locator('pre.source').textContent()).toContain('<script>window.pwned=1</script>')
    expect(errors).toEqual([])
    await page.close()
  })
})
