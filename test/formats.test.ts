/**
 * Converted formats converge on the same tree: the same plan as .txt, .docx,
 * .doc, .html (UTF-8 and GB2312), .pdf (a non-embedded CID font) and .ofd gives the same
 * header, targets and 专栏. Fixtures: test/fixtures/formats (made by make.ts).
 */
import {readFile} from 'node:fs/promises'
import JSZip from 'jszip'
import {describe, expect, test} from 'vitest'
import {docxToText} from '../pipeline/convert/docx.js'
import {htmlToText} from '../pipeline/convert/html.js'
import {ofdToText} from '../pipeline/convert/ofd.js'
import {extractDocument} from '../pipeline/document.js'
import {formatOf} from '../pipeline/convert/formats.js'
import type {PolicyRecord} from '../schemas/record.js'

const folder = new URL('fixtures/formats/', import.meta.url)

async function extract(name: string) {
  const bytes = await readFile(new URL(name, folder))
  return extractDocument(bytes, name, formatOf(name) ?? 'text')
}

/** What must be equal across formats: everything but positions, quotes and source. */
function essence(record: PolicyRecord) {
  return {
    kind: record.kind,
    title: record.title?.text,
    issuers: record.issuers.map((issuer) => issuer.name),
    docNumber: record.docNumber?.text,
    date: record.date?.value,
    recipients: record.recipients.map((recipient) => recipient.name),
    enclosed: record.enclosed?.title,
    jurisdiction: record.jurisdiction?.code,
    period: record.period,
    targets: record.targets.map((target) => [
      target.category,
      target.indicator,
      target.unit,
      target.value,
      target.year,
      target.origin
    ]),
    columns: record.columns.map((column) => [column.number, column.title, column.text]),
    deadlines: record.deadlines.map((deadline) => [deadline.year, deadline.kind])
  }
}

describe('converted formats', () => {
  test.each(['plan.docx', 'plan.doc', 'plan-utf8.html', 'plan-gb2312.html', 'plan.pdf', 'plan.ofd'])(
    'should read %s as its plain-text twin',
    async (name) => {
      const twin = await extract('plan.txt')
      const {record, intermediate} = await extract(name)
      expect(essence(record)).toEqual(essence(twin.record))
      expect(record.targets).toHaveLength(8)
      expect(record.source.format).toBe(formatOf(name))
      // Positions point into the intermediate text.
      const text = intermediate!
      expect(text.slice(record.docNumber!.position.start.offset, record.docNumber!.position.end.offset)).toBe(
        '苏府办〔2023〕12号'
      )
    }
  )

  test('should decode a GB2312 page by its meta charset and leave out scripts', async () => {
    const {record, intermediate} = await extract('plan-gb2312.html')
    expect(record.source.encoding).toBe('gbk')
    expect(intermediate).not.toContain('不应出现')
  })

  test('should expand merged cells so a category reaches every row it spans', () => {
    const text = htmlToText(
      '<table><tr><th>分类</th><th>指标</th><th>目标</th></tr><tr><td rowspan="2">创造</td><td>甲</td><td>1</td></tr><tr><td>乙</td><td>2</td></tr><tr><td colspan="3">注：说明</td></tr></table>'
    )
    expect(text.trim().split('\n')).toEqual(['分类\t指标\t目标', '创造\t甲\t1', '创造\t乙\t2', '注：说明'])
  })

  test('should read a header of two rows whose merged cells span down (指标 beside 目标值 over 2020年 and 2025年)', async () => {
    const html =
      '<p>某县“十四五”知识产权发展规划</p><p>二、发展目标</p><table><tr><td rowspan="2">类别</td><td rowspan="2">指标</td><td rowspan="2">单位</td><td colspan="2">目标值</td></tr><tr><td>2020年</td><td>2025年</td></tr>' +
      '<tr><td rowspan="2">创造</td><td>发明专利拥有量</td><td>件</td><td>500</td><td>1200</td></tr><tr><td>商标注册量</td><td>件</td><td>3000</td><td>5000</td></tr></table><p>三、主要任务</p>'
    const {record} = await extractDocument(new TextEncoder().encode(html), 'plan.html', 'html')
    expect(
      record.targets.map((target) => [
        target.category,
        target.indicator,
        target.value,
        target.year,
        target.baseline?.value
      ])
    ).toEqual([
      ['创造', '发明专利拥有量', {kind: 'number', number: 1200}, 2025, {kind: 'number', number: 500}],
      ['创造', '商标注册量', {kind: 'number', number: 5000}, 2025, {kind: 'number', number: 3000}]
    ])
  })

  test("should open the text with the document title a page prints only in <title>, before the site's name", async () => {
    const page = (title: string, body: string) =>
      '<html><head><meta charset="utf-8"><title>' + title + '</title></head><body>' + body + '</body></html>'
    const body =
      '<p>某政发〔2022〕5号</p><p>各乡镇人民政府：</p><p>现将《某县“十四五”知识产权发展规划》印发给你们。</p><p>某县人民政府</p><p>2022年3月1日</p>'
    const {record} = await extractDocument(
      new TextEncoder().encode(
        page('某县人民政府关于印发某县“十四五”知识产权发展规划的通知_通知公告_某县人民政府', body)
      ),
      'page.html',
      'html'
    )
    expect([record.kind, record.title?.text, record.enclosed?.title]).toEqual([
      'notice',
      '某县人民政府关于印发某县“十四五”知识产权发展规划的通知',
      '某县“十四五”知识产权发展规划'
    ])
    // A site's name is no title, and a title the body prints is not printed twice.
    expect(htmlToText(page('某县人民政府门户网站', '<p>各乡镇：</p>'))).toBe('各乡镇：\n')
    expect(htmlToText(page('关于加强保护的通知 - 某县', '<h1>关于加强保护的通知</h1><p>各乡镇：</p>'))).toBe(
      '关于加强保护的通知\n\n各乡镇：\n'
    )
  })

  test('should read a page laid out in tables (the article in a cell) as blocks, its navigation left above the title', async () => {
    const html =
      '<html><body><table><tr><td>导航<br>首页</td><td><table><tr><td>某市人民政府关于印发某市“十四五”知识产权发展规划的通知</td></tr><tr><td>某政发〔2021〕12号</td></tr>' +
      '<tr><td><p>各区人民政府：</p><p>现将规划印发给你们。</p><p>某市人民政府</p><p>2021年9月1日</p><p>某市“十四五”知识产权发展规划</p><p>一、发展目标</p>' +
      '<table><tr><td>指标</td><td>2020年</td><td>2025年</td></tr><tr><td>商标总量（件）</td><td>3000</td><td>5000</td></tr></table><p>二、主要任务</p><p>加强领导。</p></td></tr></table></td></tr></table></body></html>'
    const {record, intermediate} = await extractDocument(new TextEncoder().encode(html), 'page.html', 'html')
    expect(intermediate).toContain('一、发展目标\n\n指标\t2020年\t2025年\n商标总量（件）\t3000\t5000\n')
    expect([record.title?.text, record.docNumber?.text, record.date?.value]).toEqual([
      '某市人民政府关于印发某市“十四五”知识产权发展规划的通知',
      '某政发〔2021〕12号',
      '2021-09-01'
    ])
    expect(record.targets.map((target) => [target.indicator, target.value])).toEqual([
      ['商标总量', {kind: 'number', number: 5000}]
    ])
  })

  test("should leave out a site's furniture by its class or id: navigation, breadcrumbs, share buttons, footer", () => {
    const text = htmlToText(
      '<div class="site-nav">首页 政务公开</div><div id="breadcrumb">当前位置</div><h1>关于印发某规划的通知</h1><p>各区：</p><div class="bdshare">分享到</div><div class="page_footer">主办：某市人民政府 2021年10月25日</div>'
    )
    expect(text).toBe('关于印发某规划的通知\n\n各区：\n')
  })

  test('should read a page that declares GB2312 but is UTF-8 as UTF-8, and a real GBK page as GBK', async () => {
    const page =
      '<html><head><meta charset="gb2312"></head><body><h1>某市人民政府关于印发某规划的通知</h1><p>各区人民政府：</p></body></html>'
    const {record} = await extractDocument(new TextEncoder().encode(page), 'stale.html', 'html')
    expect([record.source.encoding, record.title?.text]).toEqual(['utf-8', '某市人民政府关于印发某规划的通知'])
    const gbk = await extract('plan-gb2312.html')
    expect(gbk.record.source.encoding).toBe('gbk')
    // Without its meta charset, the GBK page is read as GB18030, not as UTF-8 full of replacement characters.
    const bare = Buffer.from(
      (await readFile(new URL('plan-gb2312.html', folder), 'latin1')).replace(/<meta[^>]*>/i, ''),
      'latin1'
    )
    const undeclared = await extractDocument(bare, 'bare.html', 'html')
    expect([undeclared.record.source.encoding, undeclared.record.docNumber?.text]).toEqual([
      'gb18030',
      '苏府办〔2023〕12号'
    ])
  })

  test('should remove zero-width characters, which split numbers, and point into the text without them', async () => {
    const source = '某市“十四五”规划\n\n一、发展目标\n\n到2025年，每万人口\u200b高价值发明专利拥有量达到1\u200b2件。\n'
    const {record, intermediate} = await extractDocument(new TextEncoder().encode(source), 'web.txt', 'text')
    expect(record.targets.map((target) => [target.indicator, target.value])).toEqual([
      ['每万人口高价值发明专利拥有量', {kind: 'number', number: 12}]
    ])
    expect(intermediate).toBe(source.replace(/\u200b/g, ''))
    expect(intermediate!.slice(record.targets[0]!.position.start.offset, record.targets[0]!.position.end.offset)).toBe(
      '每万人口高价值发明专利拥有量达到12件'
    )
    expect(record.diagnostics.map((diagnostic) => diagnostic.rule)).toContain('zero-width-removed')
  })

  test('should sniff HTML saved with a .txt name', async () => {
    const html = await readFile(new URL('plan-utf8.html', folder))
    const {record} = await extractDocument(html, 'page.txt', 'text')
    expect(record.source.format).toBe('html')
    expect(record.docNumber?.text).toBe('苏府办〔2023〕12号')
  })

  test('should fail a corrupt .docx, a zip bomb and a zip that is no Word file with a clear message', async () => {
    await expect(extractDocument(new TextEncoder().encode('PK not really a zip'), 'x.docx', 'docx')).rejects.toThrow(
      /not a valid \.docx/
    )
    const docx = await readFile(new URL('plan.docx', folder))
    await expect(docxToText(docx, {maxEntries: 5000, maxUncompressedBytes: 100})).rejects.toThrow(
      /decompresses to \d+ bytes, above the limit of 100/
    )
    await expect(docxToText(docx, {maxEntries: 2, maxUncompressedBytes: 1e9})).rejects.toThrow(
      /entries, above the limit of 2/
    )
    const zip = new JSZip()
    zip.file('hello.txt', 'hello')
    await expect(extractDocument(await zip.generateAsync({type: 'uint8array'}), 'x.docx', 'docx')).rejects.toThrow(
      /not a Word document/
    )
  })

  test('should read a Word file by its bytes whatever Word extension it has (.doc as .docx, .docx as .doc, .wps)', async () => {
    const doc = await readFile(new URL('plan.doc', folder))
    const docx = await readFile(new URL('plan.docx', folder))
    for (const [bytes, name, format] of [
      [doc, 'plan.docx', 'doc'],
      [docx, 'plan.doc', 'docx'],
      [doc, 'plan.wps', 'doc']
    ] as const) {
      const {record} = await extractDocument(bytes, name, formatOf(name)!)
      expect([record.source.format, record.docNumber?.text]).toEqual([format, '苏府办〔2023〕12号'])
    }
  })

  test('should read the text boxes of a .doc (a 专栏) after its body, with a warning where they begin', async () => {
    const {record, intermediate} = await extract('textbox.doc')
    expect(record.columns.map((column) => [column.number, column.title])).toEqual([[1, '高价值专利培育工程']])
    expect(record.targets.map((target) => [target.indicator, target.column])).toEqual([['高价值专利培育中心', 'c1']])
    const warning = record.diagnostics.find((diagnostic) => diagnostic.rule === 'textboxes-appended')
    expect(warning?.severity).toBe('warning')
    expect(intermediate!.slice(warning!.position!.start.offset)).toMatch(/^专栏1：高价值专利培育工程\n/)
    expect((await extract('plan.doc')).record.diagnostics.map((diagnostic) => diagnostic.rule)).not.toContain(
      'textboxes-appended'
    )
  })

  test('should read a .doc table cell of two paragraphs (指标 / （单位）) as one cell of its row', async () => {
    const {record, intermediate} = await extract('cells.doc')
    expect(intermediate).toContain(
      '类别\t指标（单位）\t2020年\t2025年目标值\n创造\t每万人口高价值发明专利拥有量（件）\t10\t20\n\tPCT专利申请量（件）\t100\t200\n'
    )
    expect(record.targets.map((target) => [target.category, target.indicator, target.value])).toEqual([
      ['创造', '每万人口高价值发明专利拥有量', {kind: 'number', number: 20}],
      ['创造', 'PCT专利申请量', {kind: 'number', number: 200}]
    ])
  })

  test('should fail a .doc that is no Word file or a broken one with a clear message, and read text served as .doc', async () => {
    await expect(extractDocument(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), 'x.doc', 'doc')).rejects.toThrow(
      /not a valid \.docx/
    )
    await expect(
      extractDocument(new TextEncoder().encode('{\\rtf1\\ansi 关于印发的通知}'), 'x.doc', 'doc')
    ).rejects.toThrow(/RTF under a Word name/)
    await expect(
      extractDocument(new TextEncoder().encode('MIME-Version: 1.0\r\nContent-Type: multipart/related'), 'x.doc', 'doc')
    ).rejects.toThrow(/web archive \(MHT\)/)
    // Text a site served under a Word name is read as text.
    expect(
      (await extractDocument(new TextEncoder().encode('关于印发某规划的通知\n\n各部门：\n'), 'x.doc', 'doc')).record
        .source.format
    ).toBe('text')
    const doc = await readFile(new URL('plan.doc', folder))
    await expect(extractDocument(doc.subarray(0, 1024), 'cut.doc', 'doc')).rejects.toThrow(/cannot read \.doc/)
  })

  test("should fail an .ofd that is no zip, no OFD, misses its pages' text or holds broken XML with a clear message", async () => {
    await expect(extractDocument(new TextEncoder().encode('PK not really a zip'), 'x.ofd', 'ofd')).rejects.toThrow(
      /not a valid \.ofd/
    )
    const ofd = await JSZip.loadAsync(await readFile(new URL('plan.ofd', folder)))
    const without = async (name: string, replacement?: string) => {
      const copy = await JSZip.loadAsync(await ofd.generateAsync({type: 'uint8array'}))
      if (replacement === undefined) copy.remove(name)
      else copy.file(name, replacement)
      return extractDocument(await copy.generateAsync({type: 'uint8array'}), 'x.ofd', 'ofd')
    }
    await expect(without('OFD.xml')).rejects.toThrow(/not an OFD document/)
    await expect(without('Doc_0/Document.xml')).rejects.toThrow(/Doc_0\/Document\.xml is missing/)
    await expect(without('Doc_0/Pages/Page_0/Content.xml', '<ofd:Page><ofd:Content>')).rejects.toThrow(/broken XML/)
    const blank = await JSZip.loadAsync(await ofd.generateAsync({type: 'uint8array'}))
    for (const page of ['Doc_0/Pages/Page_0/Content.xml', 'Doc_0/Pages/Page_1/Content.xml'])
      blank.file(page, '<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content/></ofd:Page>')
    await expect(extractDocument(await blank.generateAsync({type: 'uint8array'}), 'scan.ofd', 'ofd')).rejects.toThrow(
      /no text .* needs OCR/
    )
    const bytes = await readFile(new URL('plan.ofd', folder))
    await expect(ofdToText(bytes, {maxEntries: 5000, maxUncompressedBytes: 100, maxPages: 2000})).rejects.toThrow(
      /\.ofd decompresses to \d+ bytes, above the limit of 100/
    )
    await expect(ofdToText(bytes, {maxEntries: 5000, maxUncompressedBytes: 1e9, maxPages: 1})).rejects.toThrow(
      /2 pages, above the limit of 1/
    )
  })

  test('should fail an image-only PDF with OCR off, an encrypted and a broken PDF with a clear message', async () => {
    const pdf = (await readFile(new URL('plan.pdf', folder))).toString('latin1')
    const blank = pdf.replace(
      /stream\n[\s\S]*?\nendstream/g,
      (stream) => 'stream\n' + ' '.repeat(stream.length - 'stream\n\nendstream'.length) + '\nendstream'
    )
    // Note: with OCR on (the default) such a page is drawn and recognised (test/ocr.test.ts).
    await expect(
      extractDocument(Buffer.from(blank, 'latin1'), 'scan.pdf', 'pdf', undefined, {ocr: 'never'})
    ).rejects.toThrow(/no text layer .* read it with --ocr auto/)
    const encrypted = pdf.replace(
      '/Root 1 0 R >>',
      '/Root 1 0 R /Encrypt << /Filter /Standard /V 1 /R 2 /O <' +
        'ab'.repeat(32) +
        '> /U <' +
        'cd'.repeat(32) +
        '> /P -4 >> /ID [<' +
        '01'.repeat(16) +
        '> <' +
        '01'.repeat(16) +
        '>] >>'
    )
    await expect(extractDocument(Buffer.from(encrypted, 'latin1'), 'secret.pdf', 'pdf')).rejects.toThrow(/encrypted/)
    await expect(extractDocument(Buffer.from('%PDF-1.4\ngarbage', 'latin1'), 'broken.pdf', 'pdf')).rejects.toThrow(
      /PDF/
    )
  })
})

describe('PDF and OFD tables', () => {
  test('should read a ruled table a row a line: a cell of two lines, its values centred beside it, a category merged over two rows', async () => {
    const {pdfToText} = await import('../pipeline/convert/pdf.js')
    const bytes = await readFile(new URL('table.pdf', folder))
    expect((await pdfToText(bytes)).text).toBe(
      '一、发展目标\n到2025年，知识产权强市建设取得明显成效。\n类别\t指标\t2020年\t2025年\n创造\t每万人口高价值发明专利拥有量（件）\t10\t20\n\tPCT专利申请量（件）\t100\t200\n二、主要任务\n加强领导。\n'
    )
    const {record} = await extractDocument(bytes, 'table.pdf', 'pdf')
    expect(record.targets.map((target) => [target.category, target.indicator, target.unit, target.value])).toEqual([
      ['创造', '每万人口高价值发明专利拥有量', '件', {kind: 'number', number: 20}],
      ['创造', 'PCT专利申请量', '件', {kind: 'number', number: 200}]
    ])
  })

  test('should read an OFD table drawn by PathObjects a row a line', async () => {
    const text = await ofdToText(await readFile(new URL('table.ofd', folder)))
    expect(text).toBe(
      '一、发展目标\n类别\t指标\t2020年\t2025年\n创造\t每万人口高价值发明专利拥有量（件）\t10\t20\n\tPCT专利申请量（件）\t100\t200\n二、主要任务\n'
    )
  })

  test('should cut a run written across a cell border at its spaces (类别 指标)', async () => {
    const {linesOf} = await import('../pipeline/convert/layout.js')
    const grid = [
      ...[700, 680, 660].map((y) => ({x1: 50, y1: y, x2: 250, y2: y})),
      ...[50, 100, 200, 250].map((x) => ({x1: x, y1: 660, x2: x, y2: 700}))
    ]
    const pieces = [
      {text: '类别 指标', x: 55, y: 686, size: 12, width: 60},
      {text: '2025年', x: 205, y: 686, size: 12, width: 36},
      {text: '创造 发明专利拥有量', x: 55, y: 666, size: 12, width: 120},
      {text: '300', x: 205, y: 666, size: 12, width: 18}
    ]
    expect(linesOf(pieces, grid)).toBe('类别\t指标\t2025年\n创造\t发明专利拥有量\t300')
  })

  test('should leave the lines of a box drawn round text (a 专栏) as they are', async () => {
    const {linesOf} = await import('../pipeline/convert/layout.js')
    const piece = (text: string, y: number) => ({text, x: 60, y, size: 12, width: text.length * 12})
    const box = [
      {x1: 50, y1: 700, x2: 400, y2: 700},
      {x1: 50, y1: 640, x2: 400, y2: 640},
      {x1: 50, y1: 640, x2: 50, y2: 700},
      {x1: 400, y1: 640, x2: 400, y2: 700}
    ]
    expect(
      linesOf(
        [
          piece('专栏1 高价值专利培育工程', 686),
          piece('建设培育中心10家。', 668),
          piece('实施专利导航项目20项。', 650)
        ],
        box
      )
    ).toBe('专栏1 高价值专利培育工程\n建设培育中心10家。\n实施专利导航项目20项。')
  })
})

describe('PDF limits', () => {
  test('should refuse a PDF above the page or text limits before reading it all', async () => {
    const {pdfToText} = await import('../pipeline/convert/pdf.js')
    const pdf = await readFile(new URL('plan.pdf', folder))
    await expect(pdfToText(pdf, {}, {maxPages: 1, maxCharacters: 1e6})).rejects.toThrow(/2 pages, above the limit of 1/)
    await expect(pdfToText(pdf, {}, {maxPages: 10, maxCharacters: 50})).rejects.toThrow(
      /above the limit of 50 characters/
    )
  })
})

describe('decoding diagnostics', () => {
  const text = '关于印发某市知识产权发展规划的通知\n\n一、发展目标\n'

  test('should say a text was UTF-16', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    const {record} = await extractDocument(bytes, 'a.txt', 'text')
    expect(record.diagnostics).toContainEqual(
      expect.objectContaining({rule: 'decoded-utf16', severity: 'info', message: 'Decoded as UTF-16LE'})
    )
  })

  test('should warn where a page read in its declared charset holds bytes that could not be decoded', async () => {
    // Note: a page declaring Shift_JIS whose bytes are neither that nor GB18030 nor UTF-8 keeps U+FFFD.
    const bytes = Buffer.concat([
      Buffer.from('<html><head><meta charset="shift_jis"></head><body><p>Plan</p><p>A '),
      Buffer.from([0x81, 0x20, 0xff, 0x80]),
      Buffer.from('</p></body></html>')
    ])
    const {record} = await extractDocument(bytes, 'a.html', 'html')
    expect(record.diagnostics).toContainEqual(
      expect.objectContaining({
        rule: 'replacement-character',
        severity: 'warning',
        position: expect.objectContaining({start: expect.objectContaining({line: 3, column: 3})})
      })
    )
  })
})
