/**
 * Offsets to unist points, over the lines the parser has split.
 */
import type {Point} from 'unist'
import type {SourceLine} from './lines.js'

/** Turns a 0-based offset into a unist point. */
export type PointFactory = (offset: number) => Point

/**
 * A point factory over `lines` (as `splitLines` gives them, in order, the
 * last one ending at the end of the text).
 *
 * A line break belongs to the line it ends, as in vfile-location. Note: the
 * parser asks for points in reading order, so the line of the previous
 * point is tried first; a binary search finds any other.
 */
export function pointFactory(lines: readonly SourceLine[]): PointFactory {
  let last = 0
  return function (offset) {
    let index = last
    const cached = lines[index]!
    const next = lines[index + 1]
    if (offset < cached.start || (next !== undefined && offset >= next.start)) {
      let low = 0
      let high = lines.length - 1
      while (low < high) {
        const middle = (low + high + 1) >> 1
        if (lines[middle]!.start <= offset) low = middle
        else high = middle - 1
      }
      index = low
      last = low
    }
    const line = lines[index]!
    const clamped = Math.max(0, Math.min(offset, lines.at(-1)!.end))
    return {line: line.line, column: clamped - line.lineStart + 1, offset: clamped}
  }
}
