/**
 * Records to read: an output folder of `extract` (every record in it, each once; the manifest is
 * passed over), record files (.json), JSON lines (.ndjson, .jsonl), or documents, extracted on
 * the fly. Shared by `diff` and `table`.
 */
import {readFile, readdir, stat} from 'node:fs/promises'
import path from 'node:path'
import type {PolicyRecord} from '../schemas/record.js'
import {extractDocument} from './document.js'
import {formatOf} from './convert/formats.js'
import {utf8Text} from './stages/decode.js'
import {validateRecord} from '../schemas/validate.js'
import {journalName, manifestName} from './run-state.js'

/** The records `inputs` name, in order (see the module's comment). */
export async function recordsOf(inputs: string[]): Promise<PolicyRecord[]> {
  const records: PolicyRecord[] = []
  for await (const record of recordStream(inputs)) records.push(record)
  return records
}

/**
 * The records `inputs` name, one at a time, in order: only a batch of files
 * is held at once, so that 20 000 records pass through a bounded memory.
 */
export async function* recordStream(inputs: string[]): AsyncGenerator<PolicyRecord> {
  // Note: a run's manifest is no record, also where a glob (output/seeds/*.json) names it.
  for (const input of inputs.filter((each) => !isRunFile(each))) {
    const info = await stat(input)
    if (info.isDirectory()) {
      // Note: a folder may hold the run's NDJSON beside its records: each record once (by id and source).
      const seen = new Set<string>()
      for await (const record of recordFileStream(await recordFilesOf([input]))) {
        const key = recordKey(record)
        if (seen.has(key)) continue
        seen.add(key)
        yield record
      }
      continue
    }
    const format = formatOf(input)
    if (format) yield (await extractDocument(await readFile(input), path.basename(input), format)).record
    else yield* recordFileStream([input])
  }
}

/** The records of record files, read a batch at a time in parallel (they are small and many), kept in order. */
async function* recordFileStream(files: string[]): AsyncGenerator<PolicyRecord> {
  const batch = 64
  let next = files.slice(0, batch).map(readText)
  for (let at = 0; at < files.length; at += batch) {
    const texts = await Promise.all(next)
    next = files.slice(at + batch, at + 2 * batch).map(readText)
    for (const [index, text] of texts.entries()) yield* recordsIn(files[at + index]!, text)
  }
}

/** What tells a record from another (the same document read twice has the same): its id and source path. */
export function recordKey(record: PolicyRecord): string {
  return record.id + '\u0000' + record.source.path
}

/** A file's text. Note: ICU's transcode reads Chinese UTF-8 several times faster than `toString('utf8')`. */
export async function readText(file: string): Promise<string> {
  return utf8Text(await readFile(file))
}

/** The texts of `files`, in order, read 64 at a time (a batch of a thousand would hold as many files open). */
export async function readTexts(files: string[]): Promise<string[]> {
  const texts: string[] = []
  for (let at = 0; at < files.length; at += 64)
    texts.push(...(await Promise.all(files.slice(at, at + 64).map(readText))))
  return texts
}

/**
 * The record files `inputs` name: files as they are, folders walked for
 * .json/.ndjson/.jsonl files; a run's manifest (and journal) passed over.
 */
export async function recordFilesOf(inputs: string[]): Promise<string[]> {
  const files: string[] = []
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined)
    if (info?.isDirectory()) {
      const names = (await readdir(input, {recursive: true}))
        .map(String)
        .filter((name) => /\.(?:json|ndjson|jsonl)$/i.test(name) && !isRunFile(name))
        .sort()
      files.push(...names.map((name) => path.join(input, name)))
    } else if (!isRunFile(input)) files.push(input)
  }
  return files
}

/** A file a run keeps beside its records: no record. */
function isRunFile(file: string): boolean {
  const name = path.basename(file)
  return name === manifestName || name === journalName || name.startsWith('.')
}

/** The records of a file's text (one JSON record, or JSON lines), each checked against the schema. */
export function recordsIn(input: string, text: string): PolicyRecord[] {
  const values = /\.(?:ndjson|jsonl)$/i.test(input)
    ? text
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as unknown)
    : [JSON.parse(text) as unknown]
  for (const value of values) {
    const problems = validateRecord(value)
    if (problems.length > 0) throw new Error(input + ': not a zhengce record (' + problems[0] + ')')
  }
  return values as PolicyRecord[]
}
