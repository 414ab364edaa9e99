/**
 * Records to read: an output folder of `extract` (every record in it, each once; the manifest is
 * passed over), record files (.json), JSON lines (.ndjson, .jsonl), or documents, extracted on
 * the fly. Shared by `diff` and `table`.
 */
import {readFile, readdir, stat} from 'node:fs/promises'
import path from 'node:path'
import type {PolicyRecord} from '../schemas/record.js'
import {extractDocument} from './document.js'
import {formatOf} from './formats.js'
import {validateRecord} from './validate.js'

/** The records `inputs` name, in order (see the module's comment). */
export async function recordsOf(inputs: string[]): Promise<PolicyRecord[]> {
  const records: PolicyRecord[] = []
  // Note: record files are small and many; read them a batch at a time, in parallel, kept in order.
  const texts = new Map<string, string>()
  // Note: a run's manifest is no record, also where a glob (output/seeds/*.json) names it.
  inputs = inputs.filter((input) => !isRunFile(input))
  const recordFiles = inputs.filter((input) => /\.(?:json|ndjson|jsonl)$/i.test(input))
  for (let at = 0; at < recordFiles.length; at += 256) {
    const batch = recordFiles.slice(at, at + 256)
    const read = await Promise.all(batch.map((file) => readFile(file, 'utf8')))
    for (const [index, file] of batch.entries()) texts.set(file, read[index]!)
  }
  for (const input of inputs) {
    if (texts.has(input)) {
      addRecords(input, texts.get(input)!, records)
      texts.delete(input)
      continue
    }
    const info = await stat(input)
    if (info.isDirectory()) {
      // Note: a folder may hold the run's NDJSON beside its records: each record once (by id and source).
      const seen = new Set<string>()
      for (const record of await recordsOf(await recordFilesOf([input]))) {
        const key = record.id + '\u0000' + record.source.path
        if (seen.has(key)) continue
        seen.add(key)
        records.push(record)
      }
      continue
    }
    const format = formatOf(input)
    if (format) {
      records.push((await extractDocument(await readFile(input), path.basename(input), format)).record)
      continue
    }
    addRecords(input, await readFile(input, 'utf8'), records)
  }
  return records
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
      const names = (await readdir(input, {recursive: true})).map(String).filter((name) => /\.(?:json|ndjson|jsonl)$/i.test(name) && !isRunFile(name)).sort()
      files.push(...names.map((name) => path.join(input, name)))
    } else if (!isRunFile(input)) files.push(input)
  }
  return files
}

/** A file a run keeps beside its records: no record. */
function isRunFile(file: string): boolean {
  const name = path.basename(file)
  return name === 'manifest.json' || name === 'manifest.journal' || name.startsWith('.')
}

/** The records of a file's text (one JSON record, or JSON lines), each checked against the schema. */
function addRecords(input: string, text: string, records: PolicyRecord[]): void {
  const values = /\.(?:ndjson|jsonl)$/i.test(input) ? text.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as unknown) : [JSON.parse(text) as unknown]
  for (const value of values) {
    const problems = validateRecord(value)
    if (problems.length > 0) throw new Error(input + ': not a zhengce record (' + problems[0] + ')')
    records.push(value as PolicyRecord)
  }
}

