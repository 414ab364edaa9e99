/**
 * Text placed on a page (PDF, OFD) → lines: pieces on the same baseline
 * (within half a glyph) make one line, read left to right; a wide gap
 * between two pieces (a table's next cell) is a tab.
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

/** The lines of one page, top to bottom. */
export function linesOf(pieces: PlacedText[]): string {
  const rows: PlacedText[][] = []
  for (const piece of pieces.filter((candidate) => candidate.text.length > 0).sort((a, b) => b.y - a.y || a.x - b.x)) {
    const row = rows.at(-1)
    if (row && Math.abs(row[0]!.y - piece.y) <= piece.size * 0.5) row.push(piece)
    else rows.push([piece])
  }
  return rows
    .map((row) => {
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
    })
    .join('\n')
}
