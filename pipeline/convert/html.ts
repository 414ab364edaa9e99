/**
 * HTML (government web pages, and Word files through mammoth) → the plain
 * text the 公文 parser reads: one line per block, a blank line between
 * blocks, table rows as tab-separated cells with merged cells (rowspan,
 * colspan) expanded so a category reaches every row it spans. A one-column
 * table is a box (专栏): its paragraphs become tab-indented lines. A table
 * that holds tables lays out the page: its cells are read as blocks. The
 * site's furniture (navigation, breadcrumbs, share buttons, the footer, by
 * their class or id) is left out.
 *
 * Positions then point into this intermediate text, which
 * `--dump-intermediate` writes out so a person can open it.
 */
import type {Element, ElementContent, Nodes, Root} from 'hast'
import {isAscii, isUtf8} from 'node:buffer'
import {toString} from 'hast-util-to-string'
import htmlEncodingSniffer from 'html-encoding-sniffer'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import {EXIT, visit} from 'unist-util-visit'

const blockNames = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'dl',
  'dd',
  'dt',
  'center',
  'main',
  'aside',
  'figure',
  'figcaption',
  'address',
  'form',
  'fieldset',
  'caption'
])
const skippedNames = new Set([
  'script',
  'style',
  'head',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'select',
  'button',
  'nav'
])

/**
 * Decode HTML bytes by BOM, `<meta charset>` (gb2312 → GBK) or UTF-8; returns
 * the text and the encoding. A page that declares GBK but is valid UTF-8 with
 * Chinese in it is UTF-8 (a template's stale meta): Chinese GBK text is
 * practically never valid UTF-8, while reading UTF-8 as GBK garbles it all;
 * and a page that claims UTF-8 (or nothing) but is not is read as GB18030.
 */
export function decodeHtml(bytes: Uint8Array): {html: string; encoding: string; mismatch?: string} {
  const sniffed = htmlEncodingSniffer(bytes, {defaultEncoding: 'UTF-8'}).toLowerCase()
  const declared = sniffed === 'windows-1252' ? 'utf-8' : sniffed
  const hasBom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff)
  const encoding =
    declared !== 'utf-8' && !declared.startsWith('utf-16') && !hasBom && !isAscii(bytes) && isUtf8(bytes)
      ? 'utf-8'
      : declared
  // A page that declares nothing (or UTF-8) and is not UTF-8 is GB18030 where it reads as that, as a .txt is.
  if (encoding === 'utf-8' && !hasBom && !isUtf8(bytes)) {
    try {
      return {html: new TextDecoder('gb18030', {fatal: true}).decode(bytes), encoding: 'gb18030'}
    } catch {
      // Neither: read as declared, with replacement characters.
    }
  }
  if (!hasBom && !/^(?:utf-|gb|x-gbk)/.test(encoding)) {
    // Note: a page that declares a charset its bytes contradict (big5, shift_jis over GBK bytes): the reading that gives Chinese text wins.
    const other = strictDecode('gb18030', bytes)
    const own = strictDecode(encoding, bytes)
    if (other !== undefined && (own === undefined || commonShare(other) > 2 * commonShare(own))) {
      return {
        html: other,
        encoding: 'gb18030',
        mismatch: 'The page declares charset ' + declared + ' but reads as GB18030'
      }
    }
  }
  return {html: new TextDecoder(encoding).decode(bytes), encoding}
}

function strictDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, {fatal: true}).decode(bytes)
  } catch {
    return undefined
  }
}

/** The most frequent characters of modern Chinese text. */
const commonCharacters = new Set(
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指'
)

/** The share of a text's non-ASCII characters that are among the most frequent Chinese ones. */
function commonShare(text: string): number {
  let common = 0
  let other = 0
  for (const character of text) {
    if (character.charCodeAt(0) < 0x80) continue
    if (commonCharacters.has(character)) common++
    else other++
  }
  return common / Math.max(1, common + other)
}

/** Convert an HTML string to 公文 plain text. */
export function htmlToText(html: string): string {
  const tree = unified().use(rehypeParse).parse(html)
  const lines = blockLines(tree, true)
  // Note: a page may print its document's title only in <title>, before the site's name: it opens the text then.
  const title = pageTitle(tree)
  if (title && !lines.some((line) => compactText(line).includes(compactText(title)))) lines.unshift(title, '')
  return (
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  )
}

/** A document's title words: a notice (关于…的通知) or a plan, opinion, outline or report. */
const documentTitleExpression =
  /关于.{2,80}的(?:通知|意见|决定|报告|通报)$|.{4,80}(?:规划|纲要|计划|方案|意见|要点|报告)(?:[（(][^（）()]{1,20}[）)])?$/

/** The document title a page's <title> gives before the site's name (关于印发…的通知_通知公告_某县人民政府), if it is one. */
function pageTitle(tree: Root): string | undefined {
  let text: string | undefined
  visit(tree, 'element', (element) => {
    if (element.tagName !== 'title') return undefined
    text = toString(element)
    return EXIT
  })
  const first = text?.split(/\s*(?:[_|｜]|\s[-—–]\s)\s*/)[0]?.trim()
  return first && documentTitleExpression.test(first) ? first : undefined
}

function compactText(text: string): string {
  return text.replace(/\s+/g, '')
}

/** The lines of the blocks below `node`, each followed by a blank line when `spaced`. */
function blockLines(node: Root | Element, spaced: boolean): string[] {
  const lines: string[] = []
  const current: string[] = []
  const flush = () => {
    const line = clean(current.join(''))
    current.length = 0
    if (line) lines.push(...(spaced ? [line, ''] : [line]))
  }
  for (const child of node.children) walk(child as Nodes, current, lines, flush)
  flush()
  return lines
}

function walk(node: Nodes, current: string[], lines: string[], flush: () => void): void {
  if (node.type === 'text') {
    current.push(node.value)
    return
  }
  if (node.type !== 'element' && node.type !== 'root') return
  if (node.type === 'element') {
    if (skippedNames.has(node.tagName) || isChrome(node)) return
    if (node.tagName === 'br') {
      flush()
      return
    }
    if (node.tagName === 'table') {
      flush()
      lines.push(...tableLines(node), '')
      return
    }
  }
  const isBlock = node.type === 'element' && blockNames.has(node.tagName)
  if (isBlock) flush()
  for (const child of node.children as Array<ElementContent | Root['children'][number]>)
    walk(child as Nodes, current, lines, flush)
  if (isBlock) flush()
}

/** A site's furniture by its class or id: navigation, breadcrumbs, share buttons, the footer. */
const chromeExpression = /(?:^|[-_])(?:nav|navbar|menu|footer|sidebar|toolbar|copyright)(?:$|[-_])|share|crumb/i

function isChrome(element: Element): boolean {
  const {className, id} = element.properties
  const names = [...(Array.isArray(className) ? className.map(String) : []), ...(typeof id === 'string' ? [id] : [])]
  return names.some((name) => chromeExpression.test(name))
}

/**
 * A table as lines: a box for one column, else tab-separated rows on the
 * expanded grid. A table whose cells hold tables lays out the page (old
 * government sites put the whole article in one): its cells are read as
 * blocks, in order.
 */
function tableLines(table: Element): string[] {
  const grid = expandGrid(table)
  if (grid.some((row) => row.some((cell) => cell !== undefined && cell !== placeholder && holdsTable(cell)))) {
    const cells = new Set(grid.flat().filter((cell): cell is Element => cell !== undefined && cell !== placeholder))
    return [...cells].flatMap((cell) => blockLines(cell, true))
  }
  const width = Math.max(0, ...grid.map((row) => row.length))
  if (width <= 1) {
    // A one-column table is a box (专栏): its paragraphs, tab-indented, one blank line apart.
    return grid.flatMap((row) =>
      row.flatMap((cell) => paragraphsOf(cell).flatMap((paragraph) => ['\t' + paragraph, '']))
    )
  }
  return grid.map((row) =>
    row
      .map((cell) => (cell ? clean(toString(cell)) : ''))
      .join('\t')
      .replace(/\t+$/, '')
  )
}

/** Whether a table lies anywhere inside `node`. */
function holdsTable(node: Element): boolean {
  return node.children.some((child) => child.type === 'element' && (child.tagName === 'table' || holdsTable(child)))
}

function paragraphsOf(cell: Element | undefined): string[] {
  return cell ? blockLines(cell, false) : []
}

function clean(text: string): string {
  return text.replace(/[ \t\n\r\f\u00a0]+/g, ' ').trim()
}

/**
 * Rows of a table with merged cells expanded: a cell spanning rows appears in
 * each of them (a category reaches every row it spans); a cell spanning
 * columns fills the first and leaves the others empty (a title row stays one cell).
 */
export function expandGrid(table: Element): Array<Array<Element | undefined>> {
  const rows: Element[] = []
  collectRows(table, rows)
  const grid: Array<Array<Element | undefined>> = rows.map(() => [])
  for (const [rowIndex, row] of rows.entries()) {
    let column = 0
    for (const cell of row.children) {
      if (cell.type !== 'element' || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue
      while (grid[rowIndex]![column] !== undefined) column++
      // Note: placeholders are empty cells; they print as ''.
      const rowSpan = Math.min(1000, Math.max(1, Number(cell.properties.rowSpan ?? 1) || 1))
      const colSpan = Math.min(100, Math.max(1, Number(cell.properties.colSpan ?? 1) || 1))
      for (let down = 0; down < rowSpan && rowIndex + down < grid.length; down++) {
        for (let across = 0; across < colSpan; across++)
          grid[rowIndex + down]![column + across] = across === 0 ? cell : placeholder
      }
      column += colSpan
    }
  }
  return grid
}

/** Marks a place covered by a cell spanning columns. */
const placeholder: Element = {type: 'element', tagName: 'td', properties: {}, children: []}

function collectRows(node: Element, rows: Element[]): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (child.tagName === 'tr') rows.push(child)
    else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot')
      collectRows(child, rows)
  }
}
