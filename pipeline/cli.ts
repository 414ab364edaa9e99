#!/usr/bin/env node
/**
 * `zhengce`: the command line. Flags are declared with commander; the work is
 * done by the engine and the schema modules.
 */
import {readFile} from 'node:fs/promises'
import {Command, InvalidArgumentError} from 'commander'
import {runExtract, type ExtractOptions} from './engine.js'
import {version} from './version.js'
import {supportedList} from './convert/formats.js'
import schema from '../schemas/json/policy-record.schema.json' with {type: 'json'}

// A closed pipe (`zhengce diff … | head`) ends the output, not the process with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

const program = new Command()
program
  .name('zhengce')
  .description('Chinese policy documents (规划, 通知, 纲要, 实施意见) into positioned, schema-valid JSON records')
  .version(version)
program.exitOverride((error) => {
  process.exit(error.exitCode === 0 ? 0 : 2)
})

function positiveInteger(value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number <= 0) throw new InvalidArgumentError('expected a positive whole number')
  return number
}

program
  .command('extract')
  .description('extract one record per document into --out, with manifest.json')
  .argument('<inputs...>', 'files, folders or globs (' + supportedList + '); - reads one document from standard input')
  .option('-o, --out <dir>', 'output folder (required unless --ndjson is given)')
  .option('--force', 're-extract files that are unchanged since the last run', false)
  .option('--ndjson <file>', 'also write all records as JSON lines to <file> (- for stdout), unchanged ones included')
  .option(
    '--name <path>',
    'the path a document on standard input is named by (its extension tells the format)',
    'stdin.txt'
  )
  .option('--fail-fast', 'stop at the first failed file', false)
  .option(
    '--max-bytes <n>',
    'refuse files larger than n bytes (reading stops there)',
    positiveInteger,
    50 * 1024 * 1024
  )
  .option(
    '--timeout-ms <n>',
    'time budget per document in milliseconds (worker threads); OCR restarts it at each page',
    positiveInteger,
    60_000
  )
  .option(
    '--ocr <when>',
    'auto: read images and PDF pages without text by OCR | always: every PDF page too | never',
    'auto'
  )
  .option(
    '--max-heap-mb <n>',
    'heap of each worker thread in MB: a document that needs more fails',
    positiveInteger,
    512
  )
  .option('-j, --jobs <n>', 'worker threads (default: the cores, for 64 documents or more)', positiveInteger)
  .option('--follow-symlinks', 'follow symbolic links inside input folders', false)
  .option('--stats', 'print throughput and peak memory as a JSON line at the end', false)
  .option('--pretty', 'indent the records for reading (default: one compact line each)', false)
  .option(
    '--dump-intermediate <dir>',
    'write the text that .docx, .doc, .html, .pdf, .ofd and image inputs are converted to (or recognised as), or a text without its zero-width characters (positions refer to it)'
  )
  .option('--reporter <kind>', 'text | json (one JSON line per diagnostic, on stderr)', 'text')
  .option('--frail', 'exit 1 on warnings too', false)
  .option('-q, --quiet', 'report only failures and the summary', false)
  .option('-v, --verbose', 'report info diagnostics too', false)
  .action(async function (
    inputs: string[],
    options: Omit<ExtractOptions, 'inputs' | 'signal' | 'stdin'> & {reporter: string}
  ) {
    if (options.reporter !== 'text' && options.reporter !== 'json') {
      process.stderr.write('zhengce: --reporter must be text or json\n')
      process.exitCode = 2
      return
    }
    if (options.ocr !== 'auto' && options.ocr !== 'always' && options.ocr !== 'never') {
      process.stderr.write('zhengce: --ocr must be auto, always or never\n')
      process.exitCode = 2
      return
    }
    // Note: the first Ctrl-C (or SIGTERM) lets the documents in flight finish and writes the manifest; a second ends at once.
    const stop = new AbortController()
    const onSignal = () => {
      if (stop.signal.aborted) process.exit(130)
      process.stderr.write('\nzhengce: stopping after the documents in flight (Ctrl-C again to quit at once)\n')
      stop.abort()
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
    process.exitCode = await runExtract(
      {...options, reporter: options.reporter, inputs, signal: stop.signal},
      {stdout: process.stdout, stderr: process.stderr}
    )
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  })

program
  .command('diff')
  .description('line up the targets (or 专栏, deadlines) of several documents side by side')
  .argument('<inputs...>', 'records (.json, .ndjson) or source documents (.txt, .md), extracted on the fly')
  .option('-f, --format <format>', 'table | md | csv | json | html', 'table')
  .option('-s, --section <section>', 'targets | columns | deadlines', 'targets')
  .option('--min-similarity <n>', 'merge different wordings from this similarity (0–1)', Number, 0.75)
  .option(
    '--raw-csv',
    "CSV: keep cells that start with = + - @ as they are (by default they are prefixed with ')",
    false
  )
  .option(
    '--lexicon <file>',
    'your own indicator synonyms on top of the built-in lexicon: JSON {"synonyms": {"variant": "canonical"}} or CSV indicator,canonical'
  )
  .action(async function (
    inputs: string[],
    options: {format: string; section: string; minSimilarity: number; rawCsv: boolean; lexicon?: string}
  ) {
    const {runDiff} = await import('./diff-command.js')
    process.exitCode = await runDiff(inputs, options, {stdout: process.stdout, stderr: process.stderr})
  })

program
  .command('view')
  .description('write self-contained HTML pages: each document with its extracted items highlighted, and an index')
  .argument('<inputs...>', 'documents, records (.json) or an output folder of `extract`')
  .option('-o, --out <dir>', 'folder for the pages', 'view')
  .action(async function (inputs: string[], options: {out: string}) {
    const {runView} = await import('./view/command.js')
    process.exitCode = await runView(inputs, options, {stdout: process.stdout, stderr: process.stderr})
  })

program
  .command('table')
  .description(
    'write long-format tables (documents, targets, deadlines, columns, references, diagnostics) for pandas, R or DuckDB'
  )
  .argument('<inputs...>', 'an output folder of `extract`, records (.json, .ndjson) or documents, extracted on the fly')
  .requiredOption('--to <dir>', 'folder for the tables')
  .option('-f, --format <format>', 'parquet | csv | ndjson', 'parquet')
  .option('--bom', 'CSV: begin with a byte order mark, so that Excel reads UTF-8', false)
  .option(
    '--raw-csv',
    "CSV: keep cells that start with = + - @ as they are (by default they are prefixed with ')",
    false
  )
  .action(async function (inputs: string[], options: {to: string; format: string; bom: boolean; rawCsv: boolean}) {
    const {runTable} = await import('./table.js')
    process.exitCode = await runTable(inputs, options, {stdout: process.stdout, stderr: process.stderr})
  })

program
  .command('schema')
  .description('print the JSON Schema (draft 2020-12) of the record')
  .action(function () {
    process.stdout.write(JSON.stringify(schema, null, 2) + '\n')
  })

program
  .command('validate')
  .description('validate records (JSON, NDJSON or an output folder of `extract`) against the published JSON Schema')
  .argument('<files...>', 'record files or folders (a manifest is passed over)')
  .action(async function (inputs: string[]) {
    const {validateRecords} = await import('../schemas/validate.js')
    const {recordFilesOf} = await import('./records.js')
    let failures = 0
    for (const file of await recordFilesOf(inputs)) {
      const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => error)
      const problems =
        typeof text === 'string'
          ? await validateRecords(text)
          : [text.code === 'ENOENT' ? 'no such file' : text.code === 'EISDIR' ? 'is a folder' : text.message]
      failures += problems.length
      for (const problem of problems) process.stderr.write(file + ': ' + problem + '\n')
      if (problems.length === 0) process.stdout.write(file + ': valid\n')
    }
    process.exitCode = failures > 0 ? 1 : 0
  })

await program.parseAsync()
