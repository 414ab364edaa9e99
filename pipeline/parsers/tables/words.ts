/**
 * The words of tables in this genre: header names (序号, 指标, 单位, 2025年目标值),
 * category columns (类别, 领域), serial numbers, and what never is a cell (a
 * sentence, a heading). Shared by the layouts that must tell a header row.
 */
import type {SourceLine} from '../lines.js'
import {arabicMarkerRank, matchOutlineMarker, noteExpression} from '../outline.js'
/** Header words a cell of a header row is (序号, 指标, 单位, 2025年目标值 …). */
export const headerCellExpression =
  /^(?:序号|编号|(?:主要|具体|核心)?指标(?:名称|内容)?|单位|计量单位|类别|分类|领域|维度|方面|属性|指标属性|(?:现状|基期|目标|预期|规划)值|预期目标|规划目标|基数|(?:19|20)\d{2}\s*年.{0,6})$/
/** A cell that is a value (a number, with a bound or a per cent): never a header. */
export const numberCellExpression = /^[<>≤≥＜＞]?\s*\d+(?:\.\d+)?\s*[%％]?$/
/** A first column of categories, whose merged cells a stacked row may leave out. */
export const categoryColumnExpression = /^(?:类别|分类|领域|项目|方面|类型)$/
/** A header names the indicators and the values (a year, 目标, 预期). */
export const indicatorHeaderExpression = /指标|项目|内容|名称/
export const valueHeaderExpression = /(?:19|20)\d{2}|目标|预期/
export const serialExpression = /^\d{1,3}$/
/** What never is a cell: a sentence. */
export const sentenceExpression = /[。；;]/

export function isStackedCell(line: SourceLine | undefined, mayBeCategory: boolean): line is SourceLine {
  return (
    line !== undefined &&
    line.kind === 'text' &&
    line.content.length <= 40 &&
    !line.content.includes('\t') &&
    !sentenceExpression.test(line.content) &&
    !noteExpression.test(line.content) &&
    (mayBeCategory || !isHeadingMarked(line.content))
  )
}

/** Whether a line opens with a heading's marker (三、 （一） 第三章): the text after a table, never a cell of it — but a category row may. */
function isHeadingMarked(text: string): boolean {
  return (matchOutlineMarker(text)?.rank ?? arabicMarkerRank) < arabicMarkerRank
}

/** The index of the first line at or after `from` that is neither blank nor a page number or running head (a page broke the table). */
export function skipBlank(lines: SourceLine[], from: number): number {
  let at = from
  while (
    lines[at]?.kind === 'blank' ||
    lines[at]?.kind === 'running-head' ||
    (lines[at]?.kind === 'page-number' && !serialExpression.test(lines[at]!.content))
  )
    at++
  return at
}

/** Two spaces in a row, ASCII or full-width: cells apart in a fixed-width table. */
export const spaceRunExpression = /[ \u3000]{2}/
