/**
 * `npm run corpus`: read the unlabelled real documents (`../shared/real/corpus`,
 * or the folder given) as a sceptical user would, and count what no gold
 * says: targets by origin, goal statements that keep an unread number
 * (`unread-goal-number`), target names a reader refuses (a bare verb, a place,
 * a fragment, shorter than two characters), records of kind `other` and
 * without a jurisdiction. A measurement, not a test; the README keeps its lines.
 * `--names` lists every refused name with its document.
 */
import {readFile, readdir} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {extractDocument, formatOf} from '../../pipeline/document.js'
import {nameProblem} from '../helpers/names.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const {values, positionals} = parseArgs({options: {names: {type: 'boolean'}}, allowPositionals: true})
const folder = positionals[0] ?? path.join(root, '..', 'shared', 'real', 'corpus')

const origins = new Map<string, number>()
let documents = 0
let targets = 0
let unread = 0
let withUnread = 0
let other = 0
let noJurisdiction = 0
const refused: string[] = []
for (const name of (await readdir(folder)).sort()) {
  const file = path.join(folder, name)
  const format = formatOf(file)
  if (!format) continue
  const {record} = await extractDocument(await readFile(file), name, format)
  documents++
  targets += record.targets.length
  for (const target of record.targets) origins.set(target.origin, (origins.get(target.origin) ?? 0) + 1)
  const misses = record.diagnostics.filter((diagnostic) => diagnostic.rule === 'unread-goal-number').length
  unread += misses
  if (misses > 0) withUnread++
  if (record.kind === 'other') other++
  if (!record.jurisdiction) noJurisdiction++
  for (const target of record.targets) {
    const problem = nameProblem(target.indicator)
    if (problem) refused.push(name + ': `' + target.indicator + '` (' + problem + ')')
  }
}
const share = (count: number) => ((100 * count) / Math.max(1, documents)).toFixed(1) + '%'
process.stdout.write(
  [
    documents +
      ' documents, ' +
      targets +
      ' targets (' +
      [...origins]
        .sort()
        .map(([origin, count]) => origin + ' ' + count)
        .join(', ') +
      ')',
    'unread-goal-number: ' + unread + ' in ' + withUnread + ' documents',
    'refused names: ' + refused.length,
    'kind other: ' +
      other +
      ' (' +
      share(other) +
      '), jurisdiction null: ' +
      noJurisdiction +
      ' (' +
      share(noJurisdiction) +
      ')',
    ...(values.names ? refused : refused.slice(0, 10))
  ].join('\n') + '\n'
)
