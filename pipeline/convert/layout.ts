/**
 * Text placed on a page (PDF, OFD) → lines: pieces on the same baseline
 * (within half a glyph) make one line, read left to right; a wide gap
 * between two pieces (a table's next cell) is a tab.
 *
 * Where the page draws a table's grid (its ruling lines), each row of the
 * grid is one line, its cells apart by tabs, whatever the lines of text
 * inside a cell: a cell of two lines (每万人口高价值发明专利拥 / 有量（件）)
 * is one cell, a value centred beside it is on its row, and a category
 * merged over two rows (创造) is in the first of them.
 */

/** A piece of text where a page prints it: `y` is its baseline, growing upwards. */
export interface PlacedText {
  text: string
  x: number
  y: number
  /** Glyph size, in the page's units. */
  size: number
  width: number
  /** A piece of only whitespace: a gap between words, not text. */
  isSpace?: boolean
}

/** A straight ruling line the page draws, in the page's units (y grows upwards). */
export interface Rule {
  x1: number
  y1: number
  x2: number
  y2: number
}

/**
 * The straight segments a path draws, from its commands in page space (PDF's
 * and OFD's path operators alike): a move starts a subpath, a line draws a
 * segment, a close draws back to the subpath's start; a curve only moves the pen.
 */
export class PathSegments {
  readonly rules: Rule[] = []
  #start: [number, number] | undefined
  #pen: [number, number] | undefined

  moveTo(point: [number, number]): void {
    this.#start = this.#pen = point
  }

  lineTo(point: [number, number]): void {
    if (this.#pen) this.rules.push({x1: this.#pen[0], y1: this.#pen[1], x2: point[0], y2: point[1]})
    this.#pen = point
  }

  curveTo(end: [number, number]): void {
    this.#pen = end
  }

  close(): void {
    if (this.#pen && this.#start)
      this.rules.push({x1: this.#pen[0], y1: this.#pen[1], x2: this.#start[0], y2: this.#start[1]})
    this.#pen = this.#start
  }
}

/** A line of the page: its baseline and its text. */
interface Line {
  y: number
  text: string
}

/** The lines of one page, top to bottom; `rules` are the lines the page draws, if known. */
export function linesOf(pieces: PlacedText[], rules: Rule[] = []): string {
  const texts = pieces.filter((candidate) => candidate.text.length > 0)
  const lines: Line[] = []
  const rest = new Set(texts)
  for (const grid of gridsOf(rules)) {
    const inside = texts.filter((piece) => rest.has(piece) && isInside(piece, grid))
    const rows = gridRows(
      inside.flatMap((piece) => splitAcross(piece, grid.columns)),
      grid
    )
    if (rows.length === 0) continue
    for (const piece of inside) rest.delete(piece)
    lines.push(...rows)
  }
  lines.push(...visualLines([...rest]))
  return lines
    .sort((a, b) => b.y - a.y)
    .map((line) => line.text)
    .join('\n')
}

/** Pieces on one baseline (within half a glyph), top to bottom. */
function baselines(pieces: PlacedText[]): PlacedText[][] {
  const rows: PlacedText[][] = []
  for (const piece of [...pieces].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const row = rows.at(-1)
    if (row && Math.abs(row[0]!.y - piece.y) <= piece.size * 0.5) row.push(piece)
    else rows.push([piece])
  }
  return rows
}

/** The page's lines outside its tables: a line a baseline. */
function visualLines(pieces: PlacedText[]): Line[] {
  return baselines(pieces).map((row) => ({y: row[0]!.y, text: lineText(row)}))
}

/** One baseline's pieces as text, left to right: a wide gap is a tab. */
function lineText(row: PlacedText[]): string {
  row.sort((a, b) => a.x - b.x)
  let line = ''
  let end: number | undefined
  let hasSpace = false
  for (const piece of row) {
    // Note: converters add whitespace pieces across gaps; the gap itself decides between a space and a tab.
    if (piece.isSpace || piece.text.trim().length === 0) {
      hasSpace = true
      continue
    }
    if (end !== undefined) line += piece.x - end > piece.size * 2 ? '\t' : hasSpace ? ' ' : ''
    line += piece.text
    end = piece.x + piece.width
    hasSpace = false
  }
  return line.trimEnd()
}

/** A table's grid: its column boundaries (x, left to right), its horizontal rules and its extent. */
interface Grid {
  columns: number[]
  horizontals: Rule[]
  top: number
  bottom: number
}

/**
 * How far apart two drawn lines may be and still be one (a border drawn as a
 * thin filled box has two edges), in the page's units: points in a PDF,
 * millimetres in an OFD — either way far less than a row's height.
 */
const tolerance = 2
/** The shortest ruling line: shorter strokes are glyphs, ticks or the ends of a thin box. */
const shortestRule = 4
/** The most lines a page may draw for its tables to be looked for. */
const maximumRules = 2000

/**
 * The grids the rules draw: horizontal and vertical lines that touch one
 * another. Only grids of two columns or more are tables; a box drawn round
 * text (a 专栏) keeps its lines as they are.
 */
function gridsOf(rules: Rule[]): Grid[] {
  const lines = rules.map(normalise).filter((rule) => rule !== undefined)
  // Note: a page of drawings (a chart, a map) is no table, and its thousands of strokes would cost quadratic time.
  if (lines.length < 4 || lines.length > maximumRules) return []
  // Note: connected components by touching ends, with a union–find over the lines.
  const parent = lines.map((_, index) => index)
  const find = (index: number): number => (parent[index] === index ? index : (parent[index] = find(parent[index]!)))
  for (let a = 0; a < lines.length; a++) {
    for (let b = a + 1; b < lines.length; b++) if (touches(lines[a]!, lines[b]!)) parent[find(a)] = find(b)
  }
  const groups = new Map<number, Rule[]>()
  for (const [index, line] of lines.entries()) {
    const root = find(index)
    const group = groups.get(root)
    if (group) group.push(line)
    else groups.set(root, [line])
  }
  const grids: Grid[] = []
  for (const group of groups.values()) {
    const verticals = group.filter((line) => line.x1 === line.x2)
    const horizontals = group.filter((line) => line.y1 === line.y2)
    const columns = clusters(verticals.map((line) => line.x1))
    if (columns.length < 3 || clusters(horizontals.map((line) => line.y1)).length < 3) continue
    grids.push({
      columns,
      horizontals,
      top: Math.max(...horizontals.map((line) => line.y1)),
      bottom: Math.min(...horizontals.map((line) => line.y1))
    })
  }
  return grids
}

/** A rule as a horizontal or vertical line from left to right, bottom to top; undefined for others. */
function normalise(rule: Rule): Rule | undefined {
  const width = Math.abs(rule.x2 - rule.x1)
  const height = Math.abs(rule.y2 - rule.y1)
  if (height <= tolerance / 2 && width >= shortestRule) {
    const y = (rule.y1 + rule.y2) / 2
    return {x1: Math.min(rule.x1, rule.x2), y1: y, x2: Math.max(rule.x1, rule.x2), y2: y}
  }
  if (width <= tolerance / 2 && height >= shortestRule) {
    const x = (rule.x1 + rule.x2) / 2
    return {x1: x, y1: Math.min(rule.y1, rule.y2), x2: x, y2: Math.max(rule.y1, rule.y2)}
  }
  return undefined
}

/** Whether two lines meet or cross (within the tolerance). */
function touches(a: Rule, b: Rule): boolean {
  return a.x1 <= b.x2 + tolerance && b.x1 <= a.x2 + tolerance && a.y1 <= b.y2 + tolerance && b.y1 <= a.y2 + tolerance
}

/** Values within the tolerance of one another, as one each (their mean), in order. */
function clusters(values: number[]): number[] {
  const result: number[][] = []
  for (const value of [...values].sort((a, b) => a - b)) {
    const last = result.at(-1)
    if (last && value - last.at(-1)! <= tolerance) last.push(value)
    else result.push([value])
  }
  return result.map((members) => members.reduce((sum, value) => sum + value, 0) / members.length)
}

function isInside(piece: PlacedText, grid: Grid): boolean {
  const middle = piece.x + piece.width / 2
  return middle > grid.columns[0]! && middle < grid.columns.at(-1)! && piece.y > grid.bottom && piece.y < grid.top
}

/**
 * A piece that runs across a column boundary (a producer wrote two cells in
 * one run, `类别 指标`) cut at its spaces, each part placed where its share
 * of the width puts it.
 */
function splitAcross(piece: PlacedText, columns: number[]): PlacedText[] {
  const crosses = columns.some((x) => piece.x < x - tolerance && piece.x + piece.width > x + tolerance)
  if (!crosses || !/\S\s+\S/.test(piece.text)) return [piece]
  const step = piece.width / piece.text.length
  const parts: PlacedText[] = []
  for (const match of piece.text.matchAll(/\S+/g)) {
    parts.push({...piece, text: match[0], x: piece.x + match.index * step, width: match[0].length * step})
  }
  return parts
}

/**
 * The rows of a grid as lines: each piece goes to the cell of its column
 * whose top rule is the nearest one above it that crosses the column — the
 * first row of a cell merged over several.
 */
function gridRows(pieces: PlacedText[], grid: Grid): Line[] {
  const tops = clusters(grid.horizontals.map((rule) => rule.y1)).reverse()
  const cells = new Map<number, PlacedText[][]>()
  for (const piece of pieces) {
    const middle = piece.x + piece.width / 2
    const column = grid.columns.findIndex((x, index) => middle > x && middle < (grid.columns[index + 1] ?? -Infinity))
    const above = grid.horizontals.filter(
      (rule) => rule.y1 > piece.y && rule.x1 <= middle + tolerance && rule.x2 >= middle - tolerance
    )
    if (column === -1 || above.length === 0) return []
    const top = Math.min(...above.map((rule) => rule.y1))
    const row = tops.findIndex((y) => Math.abs(y - top) <= tolerance)
    const cellsOfRow = cells.get(row) ?? grid.columns.slice(1).map(() => [])
    cellsOfRow[column]!.push(piece)
    cells.set(row, cellsOfRow)
  }
  return [...cells.entries()].map(([row, cellsOfRow]) => ({
    // Note: the row stands where its top rule is, so that it sorts among the page's other lines.
    y: tops[row]!,
    text: cellsOfRow
      .map((cell) => baselines(cell).map(lineText).join(''))
      .join('\t')
      .trimEnd()
  }))
}
