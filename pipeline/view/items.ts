/**
 * The items of a record as the view shows them: a kind, a label, a detail
 * line and the source spans to highlight.
 */
import type {PolicyRecord, Position, Value} from '../../schemas/record.js'

/** Kinds, in the order the side panel groups them. */
export const itemKinds = ['header', 'target', 'column', 'deadline', 'reference', 'diagnostic', 'section'] as const
export type ItemKind = (typeof itemKinds)[number]

/** One item of the view. */
export interface ViewItem {
  id: string
  kind: ItemKind
  label: string
  detail: string
  spans: Array<[number, number]>
}

const comparators = {'>=': '≥', '>': '>', '<=': '≤', '<': '<'}
const prefixes: Record<ItemKind, string> = {
  header: 'h',
  target: 't',
  column: 'c',
  deadline: 'd',
  reference: 'r',
  diagnostic: 'x',
  section: 's'
}

/** A value as a person reads it: `≥20`, `2–3`, `全覆盖`. */
export function printValue(value: Value | null): string {
  if (!value) return '—'
  if (value.kind === 'text') return value.text
  if (value.kind === 'range') return value.min + '–' + value.max
  return (value.comparator ? comparators[value.comparator] : '') + value.number
}

const span = (position: Position): [number, number] => [
  position.start.offset,
  Math.max(position.end.offset, position.start.offset)
]

/** Every item of `record`, in document order within each kind. */
export function viewItems(record: PolicyRecord, text: string): ViewItem[] {
  const items: ViewItem[] = []
  const add = (kind: ItemKind, label: string, detail: string, positions: Position[]) => {
    items.push({
      id: prefixes[kind] + (items.filter((item) => item.kind === kind).length + 1),
      kind,
      label,
      detail,
      spans: positions.map(span)
    })
  }
  const header: Array<[string, {text?: string; name?: string; title?: string; position: Position} | null]> = [
    ['标题 title', record.title],
    ['发文字号 document number', record.docNumber],
    ['成文日期 date', record.date],
    ['印发日期 print date', record.printDate],
    ['公开 publicity', record.publicity],
    ['印发的文件 enclosed', record.enclosed],
    ['辖区 jurisdiction', record.jurisdiction]
  ]
  for (const issuer of record.issuers) add('header', '发文机关 issuer', issuer.name, [issuer.position])
  for (const [label, field] of header)
    if (field) add('header', label, field.text ?? field.name ?? field.title ?? '', [field.position])
  for (const recipient of record.recipients) add('header', '主送 recipient', recipient.name, [recipient.position])
  for (const organ of record.cc) add('header', '抄送 cc', organ.name, [organ.position])
  for (const target of record.targets) {
    const detail = [
      printValue(target.value),
      target.unit,
      target.year ? '(' + target.year + ')' : '',
      target.origin,
      target.category ? '· ' + target.category : ''
    ]
      .filter(Boolean)
      .join(' ')
    add('target', target.indicator, detail, [target.position, ...target.mentions.map((mention) => mention.position)])
  }
  for (const column of record.columns) {
    const lineEnd = text.indexOf('\n', column.position.start.offset)
    const end = lineEnd === -1 ? column.position.end.offset : Math.min(lineEnd, column.position.end.offset)
    items.push({
      id: 'c' + (items.filter((item) => item.kind === 'column').length + 1),
      kind: 'column',
      label: (column.label ?? '专栏') + ' ' + column.title,
      detail: column.text.slice(0, 60),
      spans: [[column.position.start.offset, end]]
    })
  }
  for (const deadline of record.deadlines)
    add(
      'deadline',
      (deadline.year ?? '') + (deadline.month ? '-' + deadline.month : '') + ' ' + deadline.kind,
      deadline.text.slice(0, 80),
      [deadline.position]
    )
  for (const reference of record.references)
    add(
      'reference',
      '《' + reference.title + '》',
      reference.documentNumber ?? reference.positions.length + '×',
      reference.positions
    )
  for (const diagnostic of record.diagnostics) {
    if (!diagnostic.position) continue
    const [start, end] = span(diagnostic.position)
    add('diagnostic', diagnostic.severity + ' ' + diagnostic.rule, diagnostic.message, [
      {
        ...diagnostic.position,
        end: {...diagnostic.position.end, offset: end > start ? end : Math.min(text.length, start + 1)}
      }
    ])
  }
  const sections = (list: PolicyRecord['outline']) => {
    for (const section of list) {
      add('section', (section.number ?? '') + section.title, section.id, [section.position])
      sections(section.children)
    }
  }
  sections(record.outline)
  return items
}
