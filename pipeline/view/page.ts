/**
 * Self-contained HTML views: a document with every extracted item
 * highlighted in place, an index of an output folder, and the diff table.
 *
 * Document text is data: everything is escaped (item details travel in
 * escaped attributes), no event handler is built from content, and a
 * Content-Security-Policy allows only the page's own script (by hash).
 */
import {createHash} from 'node:crypto'
import type {PolicyRecord} from '../../schemas/record.js'
import {escapeHtml} from '../escape.js'
import {itemKinds, viewItems, type ItemKind, type ViewItem} from './items.js'

export {escapeHtml} from '../escape.js'

const kindNames: Record<ItemKind, string> = {
  header: '基本信息 header',
  target: '指标 targets',
  column: '专栏 columns',
  deadline: '时限 deadlines',
  reference: '引用 references',
  diagnostic: '诊断 diagnostics',
  section: '目录 outline'
}
/** Highlight priority when spans overlap: the first kind present colours the text. */
const colourOrder: ItemKind[] = ['target', 'deadline', 'column', 'header', 'reference', 'section']

const style = `
:root{--ink:#1f2328;--muted:#59636e;--paper:#fff;--line:#d0d7de;--header:#ddf4ff;--target:#fff1b8;--column:#dafbe1;--deadline:#ffe2cc;--reference:#f0e6ff;--section:#eef1f4;--diagnostic:#cf222e}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:var(--paper);font:16px/1.8 "Noto Serif CJK SC","Source Han Serif SC","Songti SC","SimSun","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",serif}
header.top{padding:12px 20px;border-bottom:1px solid var(--line)}
header.top h1{font-size:20px;margin:0 0 4px}
header.top p{margin:0;color:var(--muted);font-size:14px}
.legend{display:flex;flex-wrap:wrap;gap:10px;margin-top:6px;font-size:13px}
.legend span{padding:0 6px;border-radius:3px}
main{display:grid;grid-template-columns:minmax(0,1fr) 360px;gap:0}
pre.source{margin:0;padding:16px 20px;white-space:pre-wrap;word-break:break-word;font:inherit;tab-size:4}
aside{border-left:1px solid var(--line);padding:10px 14px;height:100vh;overflow:auto;position:sticky;top:0;font-size:14px;line-height:1.5}
aside h2{font-size:15px;margin:14px 0 6px}
aside button.item{display:block;width:100%;text-align:left;border:1px solid transparent;background:none;padding:4px 6px;border-radius:4px;cursor:pointer;font:inherit;color:inherit}
aside button.item:hover,aside button.item:focus{border-color:var(--line);background:#f6f8fa}
aside small{display:block;color:var(--muted)}
.hl{border-radius:2px}
.k-header{background:var(--header)}.k-target{background:var(--target)}.k-column{background:var(--column)}.k-deadline{background:var(--deadline)}.k-reference{background:var(--reference)}.k-section{background:var(--section)}
.k-diagnostic{text-decoration:underline wavy var(--diagnostic);text-underline-offset:3px}
.flash{animation:flash 1.2s ease-out 2}
@keyframes flash{0%{outline:3px solid #0969da}100%{outline:3px solid transparent}}
table.grid{border-collapse:collapse;margin:16px 20px;font-size:14px}
table.grid th,table.grid td{border:1px solid var(--line);padding:4px 8px;vertical-align:top;text-align:left}
table.grid th{background:#f6f8fa;cursor:pointer;position:sticky;top:0}
table.grid th[aria-sort=ascending]::after{content:" ▲"}table.grid th[aria-sort=descending]::after{content:" ▼"}
@media (max-width:900px){main{grid-template-columns:1fr}aside{position:static;height:auto;border-left:0;border-top:1px solid var(--line)}}
@media print{aside{display:none}main{display:block}.flash{animation:none}}
`

/** The page script: panel clicks scroll to and flash an item's spans; table headers sort. Never built from content. */
const script = `
(function(){
  function spansOf(id){return Array.prototype.filter.call(document.querySelectorAll('.hl'),function(s){return (' '+s.getAttribute('data-ids')+' ').indexOf(' '+id+' ')!==-1})}
  Array.prototype.forEach.call(document.querySelectorAll('button.item'),function(b){b.addEventListener('click',function(){
    var spans=spansOf(b.getAttribute('data-id'));if(!spans.length)return;
    spans[0].scrollIntoView({block:'center'});
    spans.forEach(function(s){s.classList.remove('flash');void s.offsetWidth;s.classList.add('flash')});
  })});
  Array.prototype.forEach.call(document.querySelectorAll('table.grid'),function(t){
    Array.prototype.forEach.call(t.querySelectorAll('th'),function(th,col){th.addEventListener('click',function(){
      var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows),asc=th.getAttribute('aria-sort')!=='ascending';
      Array.prototype.forEach.call(t.querySelectorAll('th'),function(o){o.removeAttribute('aria-sort')});
      th.setAttribute('aria-sort',asc?'ascending':'descending');
      function key(r){var c=r.cells[col];var v=c?(c.getAttribute('data-sort')||c.textContent):'';var n=parseFloat(v);return isNaN(n)?v:n}
      rows.sort(function(a,b){var x=key(a),y=key(b);var r=(typeof x==='number'&&typeof y==='number')?x-y:String(x).localeCompare(String(y),'zh');return asc?r:-r});
      rows.forEach(function(r){body.appendChild(r)});
    })});
  });
})();
`
const scriptHash = 'sha256-' + createHash('sha256').update(script).digest('base64')

function shell(title: string, body: string): string {
  return (
    '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '" +
    scriptHash +
    '\'">' +
    '<title>' +
    escapeHtml(title) +
    '</title><style>' +
    style +
    '</style></head><body>' +
    body +
    '<script>' +
    script +
    '</script></body></html>\n'
  )
}

/** The text with every item's spans wrapped in highlight elements (overlaps split into segments). */
function highlighted(text: string, items: ViewItem[]): string {
  const events: Array<[number, 1 | -1, ViewItem]> = []
  for (const item of items) {
    for (const [start, end] of item.spans) {
      if (end <= start || start < 0 || end > text.length) continue
      events.push([start, 1, item], [end, -1, item])
    }
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const active = new Map<ViewItem, number>()
  let html = ''
  let cursor = 0
  const flush = (to: number) => {
    if (to <= cursor) return
    const piece = escapeHtml(text.slice(cursor, to))
    cursor = to
    if (active.size === 0) {
      html += piece
      return
    }
    const present = [...active.keys()]
    const colour = colourOrder.find((kind) => present.some((item) => item.kind === kind))
    const classes = [
      'hl',
      colour ? 'k-' + colour : '',
      present.some((item) => item.kind === 'diagnostic') ? 'k-diagnostic' : ''
    ]
      .filter(Boolean)
      .join(' ')
    const titleText = present.map((item) => item.label + ' — ' + item.detail).join('\n')
    html +=
      '<span class="' +
      classes +
      '" data-ids="' +
      escapeHtml(present.map((item) => item.id).join(' ')) +
      '" title="' +
      escapeHtml(titleText) +
      '">' +
      piece +
      '</span>'
  }
  for (const [offset, delta, item] of events) {
    flush(offset)
    const count = (active.get(item) ?? 0) + delta
    if (count <= 0) active.delete(item)
    else active.set(item, count)
  }
  flush(text.length)
  return html
}

function panel(items: ViewItem[]): string {
  let html = ''
  for (const kind of itemKinds) {
    const group = items.filter((item) => item.kind === kind)
    if (group.length === 0) continue
    html += '<h2>' + escapeHtml(kindNames[kind]) + ' (' + group.length + ')</h2>'
    for (const item of group) {
      html +=
        '<button type="button" class="item" data-id="' +
        escapeHtml(item.id) +
        '">' +
        escapeHtml(item.label) +
        '<small>' +
        escapeHtml(item.detail) +
        '</small></button>'
    }
  }
  return html
}

function legend(): string {
  return (
    '<div class="legend">' +
    (['header', 'target', 'column', 'deadline', 'reference', 'section'] as const)
      .map((kind) => '<span class="k-' + kind + '">' + escapeHtml(kindNames[kind]) + '</span>')
      .join('') +
    '<span class="k-diagnostic">' +
    escapeHtml(kindNames.diagnostic) +
    '</span></div>'
  )
}

/** The page of one document: its text with items highlighted, and the side panel. */
export function documentPage(record: PolicyRecord, text: string | undefined): string {
  const items = text === undefined ? viewItems(record, '') : viewItems(record, text)
  const title = record.title?.text ?? record.enclosed?.title ?? record.source.path
  const facts = [
    record.source.path,
    record.kind,
    record.jurisdiction?.name,
    record.period ? (record.period.label ?? '') + ' ' + record.period.start + '–' + record.period.end : undefined
  ]
    .filter(Boolean)
    .join(' · ')
  const source =
    text === undefined
      ? '<p class="missing">源文本未找到 (source text not found): only the record is shown.</p>'
      : '<pre class="source">' + highlighted(text, items) + '</pre>'
  return shell(
    title,
    '<header class="top"><h1>' +
      escapeHtml(title) +
      '</h1><p>' +
      escapeHtml(facts) +
      '</p>' +
      legend() +
      '</header><main>' +
      source +
      '<aside>' +
      panel(items) +
      '</aside></main>'
  )
}

/** One row of the index. */
export interface IndexRow {
  href: string
  record: PolicyRecord
}

/** The index of an output folder: one sortable row per document, linking to its page. */
export function indexPage(rows: IndexRow[]): string {
  const header = [
    '标题 title',
    '类型 kind',
    '辖区 jurisdiction',
    '期限 period',
    '指标 targets',
    '专栏 columns',
    '时限 deadlines',
    '警告 warnings',
    '未读数字 unread goal numbers'
  ]
  const body = rows
    .map(({href, record}) => {
      const warnings = record.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info').length
      const cells = [
        '<a href="' +
          escapeHtml(href.split('/').map(encodeURIComponent).join('/')) +
          '">' +
          escapeHtml(record.title?.text ?? record.enclosed?.title ?? record.source.path) +
          '</a>',
        escapeHtml(record.kind),
        escapeHtml(record.jurisdiction?.name ?? ''),
        escapeHtml(record.period ? record.period.start + '–' + record.period.end : ''),
        String(record.targets.length),
        String(record.columns.length),
        String(record.deadlines.length),
        String(warnings),
        String(record.diagnostics.filter((diagnostic) => diagnostic.rule === 'unread-goal-number').length)
      ]
      return '<tr>' + cells.map((cell) => '<td>' + cell + '</td>').join('') + '</tr>'
    })
    .join('')
  return gridPage('zhengce', rows.length + ' documents', header, body)
}

/** The diff as a sortable table; the merge explanation of a row shows on hover over its indicator. */
export function diffPage(grid: string[][], explanations: string[]): string {
  const [header = [], ...rows] = grid
  const body = rows
    .map(
      (row, index) =>
        '<tr>' +
        row
          .map(
            (cell, column) =>
              '<td' +
              (column === 0 && explanations[index] ? ' title="' + escapeHtml(explanations[index]!) + '"' : '') +
              '>' +
              escapeHtml(cell) +
              '</td>'
          )
          .join('') +
        '</tr>'
    )
    .join('')
  return gridPage('zhengce diff', rows.length + ' indicators', header, body)
}

/** A page of one sortable table: its title, a line of what it counts, the header cells and the rows' HTML. */
function gridPage(title: string, count: string, header: string[], body: string): string {
  const head = header.map((cell) => '<th>' + escapeHtml(cell) + '</th>').join('')
  const top = '<header class="top"><h1>' + escapeHtml(title) + '</h1><p>' + escapeHtml(count) + '</p></header>'
  return shell(
    title,
    top + '<table class="grid"><thead><tr>' + head + '</tr></thead><tbody>' + body + '</tbody></table>'
  )
}
