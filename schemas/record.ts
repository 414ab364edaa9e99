/**
 * The policy record (政策记录), v2: the contract other systems read.
 *
 * This file is the single source of truth: the JSON Schema in
 * `schemas/json/policy-record.schema.json` is generated from it
 * (`npm run schema`), and every record is checked against that JSON Schema
 * before it is written.
 * Field names and meanings follow `SCHEMA.md`; fields may be added, never
 * renamed or dropped.
 */
import {z} from 'zod'
import {schemaVersion} from './version.js'

export {schemaVersion}

export const Point = z
  .object({
    line: z.int().min(1).describe('1-based line'),
    column: z.int().min(1).describe('1-based column (UTF-16 code units)'),
    offset: z.int().min(0).describe('0-based offset into the decoded text')
  })
  .meta({id: 'Point'})
export type Point = z.infer<typeof Point>

export const Position = z
  .object({start: Point, end: Point})
  .meta({id: 'Position', description: 'unist position of the source text an item came from'})
export type Position = z.infer<typeof Position>

const Named = z.object({name: z.string().min(1), position: Position})

export const Source = z
  .object({
    path: z.string().describe('path of the input, relative to the common base of the batch'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.int().min(0),
    format: z
      .enum(['text', 'markdown', 'docx', 'doc', 'html', 'pdf', 'ofd', 'image'])
      .describe('doc: Word 97–2003 or WPS; ofd: GB/T 33190 (both since 1.1); image: PNG, JPEG or TIFF (since 2.1)'),
    encoding: z.string().describe('encoding the bytes were decoded with (utf-8, gb18030, utf-16le…)'),
    ocr: z
      .object({
        engine: z.string().describe('the recognition engine and its models'),
        pages: z.int().min(1).describe('pages recognised'),
        confidence: z.number().min(0).max(1).describe('the model’s mean confidence over the recognised characters')
      })
      .optional()
      .describe('set when some of the text was read by OCR (since 2.1): positions point into the recognised text')
  })
  .meta({id: 'Source'})
export type Source = z.infer<typeof Source>

export const DocumentKind = z.enum(['notice', 'plan', 'outline', 'opinion', 'evaluation', 'report', 'other']).meta({
  id: 'DocumentKind',
  description:
    'outermost document: notice (通知), plan (规划/计划/行动计划), outline (纲要), opinion (意见/实施意见/方案), evaluation (评估/实施情况报告), report (政府工作报告 and other annual work reports, since 2.0), other'
})
export type DocumentKind = z.infer<typeof DocumentKind>

export const Title = z.object({text: z.string().min(1), position: Position}).meta({id: 'Title'})
export type Title = z.infer<typeof Title>

export const Issuer = Named.meta({id: 'Issuer', description: '发文机关'})
export type Issuer = z.infer<typeof Issuer>

export const DocumentNumber = z
  .object({
    text: z.string().describe('as printed, e.g. 溧政办发〔2022〕71号'),
    agency: z.string().describe('机关代字 with type, e.g. 溧政办发'),
    year: z.int(),
    serial: z.int().min(0),
    position: Position
  })
  .meta({id: 'DocumentNumber', description: '发文字号'})
export type DocumentNumber = z.infer<typeof DocumentNumber>

export const DateValue = z.object({value: z.iso.date(), text: z.string(), position: Position}).meta({id: 'DateValue'})
export type DateValue = z.infer<typeof DateValue>

export const Recipient = Named.meta({id: 'Recipient', description: '主送机关 or 抄送机关'})
export type Recipient = z.infer<typeof Recipient>

export const Publicity = z
  .object({text: z.string(), position: Position})
  .meta({id: 'Publicity', description: '（此件公开发布） and the like'})
export type Publicity = z.infer<typeof Publicity>

export const Enclosed = z
  .object({title: z.string().min(1), position: Position})
  .meta({id: 'Enclosed', description: 'the plan or outline a notice issues'})
export type Enclosed = z.infer<typeof Enclosed>

export const DivisionLevel = z
  .enum(['national', 'province', 'city', 'county', 'district', 'zone'])
  .describe('zone (since 1.2): an area run by a 管委会 (江北新区, 经济技术开发区), no division of GB/T 2260')
export type DivisionLevel = z.infer<typeof DivisionLevel>

export const Jurisdiction = z
  .object({
    name: z.string().describe('as printed (浦口区); 全国 for national documents'),
    level: DivisionLevel,
    province: z.string().nullable(),
    city: z.string().nullable(),
    code: z
      .string()
      .regex(/^\d{6}$/)
      .nullable()
      .describe('GB/T 2260 code where known'),
    position: Position
  })
  .meta({id: 'Jurisdiction'})
export type Jurisdiction = z.infer<typeof Jurisdiction>

export const Period = z
  .object({start: z.int().nullable(), end: z.int().nullable(), label: z.string().nullable()})
  .meta({id: 'Period', description: 'e.g. {2021, 2025, "十四五"}'})
export type Period = z.infer<typeof Period>

export type Section = {
  id: string
  number: string | null
  level: number
  title: string
  position: Position
  children: Section[]
}
export const Section: z.ZodType<Section> = z
  .object({
    id: z.string().describe('stable id, e.g. s3.1 (third top-level heading, its first child)'),
    number: z.string().nullable().describe('outline marker as printed: 三、 （一） 1. 第二章'),
    level: z.int().min(1),
    title: z.string(),
    position: Position,
    get children() {
      return z.array(Section)
    }
  })
  .meta({id: 'Section'})

export const Comparator = z.enum(['>=', '>', '<=', '<'])
export type Comparator = z.infer<typeof Comparator>

export const Value = z
  .discriminatedUnion('kind', [
    z.object({kind: z.literal('number'), number: z.number(), comparator: Comparator.optional()}),
    z.object({kind: z.literal('range'), min: z.number(), max: z.number()}),
    z.object({kind: z.literal('text'), text: z.string().min(1)})
  ])
  .meta({id: 'Value'})
export type Value = z.infer<typeof Value>

export const YearValue = z.object({year: z.int(), value: Value}).meta({id: 'YearValue'})
export type YearValue = z.infer<typeof YearValue>

export const TargetOrigin = z.enum(['table', 'text', 'column', 'task']).meta({
  id: 'TargetOrigin',
  description:
    "table: a row of an indicator table; text: the goals part (发展目标, a work report's 主要预期目标); column: inside a 专栏; task: anywhere else (task sections, measures, 工作要点 items; since 2.0)"
})
export type TargetOrigin = z.infer<typeof TargetOrigin>

export const Measure = z.enum(['level', 'growth', 'decrease']).meta({
  id: 'Measure',
  description:
    'level (a level to reach), growth (增长5%, 年均增长, 提高2个百分点), decrease (下降/降低X%, the value positive)'
})
export type Measure = z.infer<typeof Measure>

export const Mention = z.object({origin: TargetOrigin, quote: z.string(), position: Position}).meta({id: 'Mention'})
export type Mention = z.infer<typeof Mention>

export const Target = z
  .object({
    id: z.string(),
    section: z.string().nullable().describe('outline id of the enclosing section'),
    column: z.string().nullable().describe('column id when inside a 专栏'),
    indicator: z.string().min(1).describe('indicator name as printed, unit brackets removed'),
    key: z.string().min(1).describe('canonical indicator key, aligns indicators across documents'),
    category: z.string().nullable().describe('table category (知识产权创造 …)'),
    unit: z.string().nullable(),
    value: Value.nullable().describe('null when the cell holds no value (——); a diagnostic says so'),
    year: z.int().nullable(),
    baseline: YearValue.nullable(),
    actuals: z.array(YearValue).describe('progress tables: completed values by year'),
    status: z.string().nullable().describe('status as printed (达到序时进度)'),
    measure: Measure,
    approx: z.literal(true).optional().describe('左右, 约, 近: the value is approximate (no comparator)'),
    stretch: z.literal(true).optional().describe('the 力争 level of a two-level goal (确保5%、力争6%)'),
    relativeTo: z
      .string()
      .min(1)
      .optional()
      .describe('the area a relative goal is measured against (增速高于全省1个百分点 → 全省)'),
    origin: TargetOrigin,
    quote: z.string().describe('verbatim source text'),
    position: Position,
    mentions: z.array(Mention).describe('the same goal stated again elsewhere'),
    confidence: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe('read by OCR (since 2.1): the recognition model’s lowest confidence in the lines it was read from')
  })
  .meta({id: 'Target', title: '主要指标'})
export type Target = z.infer<typeof Target>

export const Column = z
  .object({
    id: z.string(),
    number: z
      .int()
      .nullable()
      .describe('专栏一 and 专栏1 are 1 (专栏3-1 is 3); null when unnumbered (an integer since 2.0)'),
    label: z.string().nullable().describe('the label as printed (专栏一, 专栏3-1); null when there is none'),
    title: z.string(),
    section: z.string().nullable(),
    text: z.string().describe('body, lines joined'),
    position: Position
  })
  .meta({id: 'Column', title: '专栏'})
export type Column = z.infer<typeof Column>

export const Deadline = z
  .object({
    id: z.string(),
    section: z.string().nullable(),
    column: z.string().nullable(),
    year: z.int().nullable(),
    month: z.int().min(1).max(12).nullable(),
    kind: z.enum(['by', 'during', 'annual']),
    text: z.string().describe('the whole commitment sentence'),
    targets: z.array(z.string()).describe('ids of the targets its sentence sets (since 2.0; replaces quantities)'),
    position: Position
  })
  .meta({id: 'Deadline', title: '时限'})
export type Deadline = z.infer<typeof Deadline>

export const Reference = z
  .object({
    title: z.string(),
    documentNumber: z.string().nullable().describe('文号 printed right after the citation'),
    position: Position,
    positions: z.array(Position).describe('every place the document is cited')
  })
  .meta({id: 'Reference', description: 'a document cited as 《…》'})
export type Reference = z.infer<typeof Reference>

export const Diagnostic = z
  .object({
    severity: z.enum(['error', 'warning', 'info']),
    rule: z.string(),
    message: z.string(),
    position: Position.nullable()
  })
  .meta({id: 'Diagnostic'})
export type Diagnostic = z.infer<typeof Diagnostic>

export const PolicyRecord = z
  .object({
    schemaVersion: z.literal(schemaVersion),
    id: z
      .string()
      .regex(/^[0-9a-f]{16}$/)
      .describe('first 16 hex of sha256 of the source bytes'),
    source: Source,
    kind: DocumentKind,
    title: Title.nullable(),
    issuers: z.array(Issuer),
    docNumber: DocumentNumber.nullable(),
    date: DateValue.nullable().describe('成文日期 (signature date)'),
    printDate: DateValue.nullable().describe('印发日期'),
    recipients: z.array(Recipient).describe('主送机关'),
    cc: z.array(Recipient).describe('抄送机关'),
    publicity: Publicity.nullable(),
    enclosed: Enclosed.nullable(),
    jurisdiction: Jurisdiction.nullable(),
    period: Period.nullable(),
    outline: z.array(Section),
    targets: z.array(Target),
    columns: z.array(Column),
    deadlines: z.array(Deadline),
    references: z.array(Reference),
    diagnostics: z.array(Diagnostic)
  })
  .meta({id: 'PolicyRecord', title: 'zhengce policy record', description: 'One record per input document.'})
export type PolicyRecord = z.infer<typeof PolicyRecord>
