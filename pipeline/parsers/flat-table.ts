/**
 * Recognise tables that a PDF/Word conversion flattened into plain text,
 * and build mdast `table` nodes whose cells point at the exact source spans.
 *
 * Each layout is a module of `tables/`, with its doc comment and examples;
 * they are tried in this order, each where its `applies` lets it (a line
 * with a tab or a pipe, or a plain line), and the first that reads a table
 * wins. Adding a layout is adding a module and its place in this list.
 */
import type {SourceLine} from './lines.js'
import type {PointFactory} from './point.js'
import {isPlain, type FlatTable, type TableLayout} from './tables/cells.js'
import {layout as cellPerLine} from './tables/cell-per-line.js'
import {layout as pipe} from './tables/pipe.js'
import {layout as singleSpaced} from './tables/single-spaced.js'
import {layout as spaceSeparated} from './tables/space-separated.js'
import {layout as stacked} from './tables/stacked.js'
import {layout as tabSeparated} from './tables/tab-separated.js'

export type {FlatTable} from './tables/cells.js'
export {isNewHeader} from './tables/tab-separated.js'

/** The layouts, in the order they are tried. */
export const tableLayouts: readonly TableLayout[] = [
  cellPerLine,
  tabSeparated,
  pipe,
  stacked,
  spaceSeparated,
  singleSpaced
]

/** The table that starts at `index`, in the first layout that reads one there. */
export function matchFlatTable(lines: SourceLine[], index: number, point: PointFactory): FlatTable | undefined {
  const line = lines[index]
  if (!line) return undefined
  const plain = isPlain(line)
  for (const layout of tableLayouts) {
    if (!layout.applies(line, plain)) continue
    const table = layout.match(lines, index, point)
    if (table) return table
  }
  return undefined
}
