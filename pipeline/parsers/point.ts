/**
 * Offsets to unist points, over the decoded text.
 */
import type {Point} from 'unist'
import {location} from 'vfile-location'

/** Turns a 0-based offset into a unist point. */
export type PointFactory = (offset: number) => Point

/** A point factory over `text` (line endings `\n`, `\r\n` and `\r`). */
export function pointFactory(text: string): PointFactory {
  const place = location(text)
  return function (offset) {
    const point = place.toPoint(offset)
    if (point) return {line: point.line, column: point.column, offset: point.offset}
    // Note: vfile-location has no point for the very end of the text.
    const last = place.toPoint(Math.max(0, offset - 1))
    if (!last) return {line: 1, column: 1, offset: 0}
    return {line: last.line, column: last.column + 1, offset}
  }
}
