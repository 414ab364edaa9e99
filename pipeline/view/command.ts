/**
 * `zhengce view`: write the self-contained HTML pages of documents, records
 * or a whole output folder (with an index).
 */
import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import type {PolicyRecord} from '../../schemas/record.js'
import {extractDocument} from '../document.js'
import type {Manifest} from '../engine.js'
import {WriteGuard} from '../guard.js'
import {writeAtomic} from '../write.js'
import {formatOf} from '../convert/formats.js'
import type {EngineStreams} from '../report.js'
import {documentPage, indexPage, type IndexRow} from './page.js'

interface Source {
  /** Where the record came from (for the page's file name). */
  name: string
  record: PolicyRecord | undefined
  /** A record file to read. */
  recordPath?: string
  /** The source document, when it can be found. */
  document: string | undefined
}

/**
 * Write the pages; resolves to the exit code. Every page is written inside
 * `out` and never over a file the view reads (`guard.ts`): a manifest's or
 * record's paths are data, confined to their folders.
 */
export async function runView(inputs: string[], options: {out: string}, streams: EngineStreams): Promise<number> {
  const out = path.resolve(options.out)
  const sources: Source[] = []
  for (const input of inputs) sources.push(...(await sourcesOf(input)))
  const guard = new WriteGuard(inputs)
  for (const source of sources) {
    if (source.document) guard.addInput(source.document)
    if (source.recordPath) guard.addInput(source.recordPath)
  }
  const rows: IndexRow[] = []
  let failures = 0
  for (const source of sources) {
    try {
      const href = source.name.replace(/\.[^./]+$/, '') + '.html'
      const page = WriteGuard.confine(out, href)
      if (!page)
        throw new Error('refusing to write a page for ' + JSON.stringify(source.name) + ': it would lie outside ' + out)
      guard.check(page, out)
      const {record, text} = await load(source)
      writeAtomic(page, documentPage(record, text))
      rows.push({href, record})
      if (text === undefined)
        streams.stderr.write(source.name + ': warning source document not found, the page shows the record only\n')
    } catch (error) {
      failures++
      streams.stderr.write(source.name + ': error ' + (error instanceof Error ? error.message : String(error)) + '\n')
    }
  }
  if (rows.length > 1 || inputs.some((input) => path.extname(input) === '')) {
    const index = path.join(out, 'index.html')
    const refused = guard.refusal(index, out)
    if (refused) {
      streams.stderr.write('index.html: error ' + refused + '\n')
      return 1
    }
    writeAtomic(index, indexPage(rows))
  }
  streams.stderr.write(rows.length + ' page(s) written to ' + out + '\n')
  return failures > 0 ? 1 : 0
}

async function sourcesOf(input: string): Promise<Source[]> {
  const info = await stat(input)
  if (info.isDirectory()) {
    const manifest = JSON.parse(await readFile(path.join(input, 'manifest.json'), 'utf8')) as Manifest
    // Note: a manifest's paths are data: a record outside the folder, or a source outside the base, is not read.
    return manifest.entries.flatMap((entry) => {
      const recordPath = entry.record ? WriteGuard.confine(input, entry.record) : undefined
      if (entry.status === 'failed' || entry.status === 'skipped' || !recordPath) return []
      return [
        {
          name: entry.path,
          record: undefined,
          recordPath,
          document: manifest.base ? WriteGuard.confine(manifest.base, entry.path) : undefined
        }
      ]
    })
  }
  if (formatOf(input)) return [{name: path.basename(input), record: undefined, document: input}]
  const record = JSON.parse(await readFile(input, 'utf8')) as PolicyRecord
  return [{name: path.basename(input), record, document: await findDocument(path.dirname(input), record)}]
}

/** A record's source, through the manifest of the folder it was written to (or a parent of it). */
async function findDocument(folder: string, record: PolicyRecord): Promise<string | undefined> {
  for (let at = path.resolve(folder), depth = 0; depth < 6; at = path.dirname(at), depth++) {
    const manifest = await readFile(path.join(at, 'manifest.json'), 'utf8').then(
      (text) => JSON.parse(text) as Manifest,
      () => undefined
    )
    if (manifest?.base) return WriteGuard.confine(manifest.base, record.source.path)
    if (path.dirname(at) === at) break
  }
  return undefined
}

async function load(source: Source): Promise<{record: PolicyRecord; text: string | undefined}> {
  const stored =
    source.record ??
    (source.recordPath ? (JSON.parse(await readFile(source.recordPath, 'utf8')) as PolicyRecord) : undefined)
  const document = source.document
  const format = document ? formatOf(document) : undefined
  const bytes = document && format ? await readFile(document).catch(() => undefined) : undefined
  if (!bytes || !format) {
    if (!stored) throw new Error('neither a record nor a source document')
    return {record: stored, text: undefined}
  }
  // Note: the page re-reads the source so that positions and text agree even for converted formats.
  const {record, file, intermediate} = await extractDocument(bytes, stored?.source.path ?? source.name, format)
  return {record, text: intermediate ?? String(file.value)}
}
