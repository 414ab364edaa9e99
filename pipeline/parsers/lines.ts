/**
 * Split decoded text into lines with exact offsets, and classify what a
 * converted document leaves behind: conversion debris and page numbers.
 */
import {breaksOf, flattenedLength, flattenedLines} from './flattened.js'

/** One physical line of the source. */
export interface SourceLine {
  /** 1-based line number. */
  line: number
  /** Offset of the first character of the line. */
  start: number
  /** Offset where its physical line starts: `start`, but for a virtual line cut from a flattened one. */
  lineStart: number
  /** Offset just past the last character (before the line ending). */
  end: number
  /** Offset of the first content character (after indentation and debris). */
  contentStart: number
  /** Offset just past the last content character. */
  contentEnd: number
  /** The content (`text.slice(contentStart, contentEnd)`). */
  content: string
  /** The raw line, without its line ending. */
  raw: string
  /** Whether the line starts with a tab, U+3000 or two or more spaces. */
  isIndented: boolean
  /** What the line is, before block grouping. */
  kind: 'blank' | 'text' | 'debris' | 'page-number' | 'running-head' | 'toc'
  /** Debris removed from the line (kept for the info message). */
  debris: readonly string[]
}

/** Word/WPS conversion leftovers at the start of a line: `[bookmark: _Toc26516]`, `[image: …]`. */
const noDebris: readonly string[] = Object.freeze([])
const debrisExpression = /^\[(?:bookmark|image|page|anchor):[^\]\n]{0,200}\]/
/**
 * 北大法宝 export lines (`【法宝引证码】CLI.12.345`, their URL footers) and the
 * watermark an evaluation copy of a converter prints (Spire.Doc, Aspose.Words).
 */
const debrisLineExpression =
  /^(?:【法宝引证码】|原文链接[:：]\s*http|\s*https?:\/\/\S+$|Evaluation Warning\s*:|Evaluation Only\.|Created with (?:an evaluation copy of )?Aspose)/
/** `- 12 -`, `—3—`, `第 3 页`, `第3页 共12页`, `3/12`. */
const pageNumberExpression =
  /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/
/** A line of one to four digits: a page number where it recurs (`dropPageNumbers`). */
const barePageNumberExpression = /^\d{1,4}$/
/** A table-of-contents entry: dot leaders then a page number (`第一章 发展基础……1`), or the 目录 heading. */
const tocExpression = /(?:[.．。…·•・_\-—–]\s*){4,}\s*\d{1,4}\s*$|^目\s*录$/
const lastDigitExpression = /\d\s*$/

/**
 * Split `text` into classified lines.
 *
 * A bare number alone on an unindented line is a page number only when both
 * its neighbours are prose, one of them punctuated as a sentence: in a
 * flattened table the same line is a cell between two indicator names.
 */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = []
  // Note: without carriage returns (most files), indexOf finds the breaks fastest.
  const hasCarriageReturns = text.includes('\r')
  let start = 0
  for (let number = 1; ; number++) {
    const end = hasCarriageReturns ? nextBreak(text, start) : text.indexOf('\n', start)
    if (end === -1) {
      lines.push(classify(text, start, text.length, number))
      break
    }
    lines.push(classify(text, start, end, number))
    start = end + (text.charCodeAt(end) === 13 && end + 1 < text.length && text.charCodeAt(end + 1) === 10 ? 2 : 1)
  }
  markBarePageNumbers(lines)
  markRunningHeads(lines)
  return isFlattened(lines) ? lines.flatMap((line) => unflatten(text, line)) : lines
}

/** Whether the document lost its line breaks: a few lines, one of them very long. */
function isFlattened(lines: SourceLine[]): boolean {
  let texts = 0
  let long = false
  for (const line of lines) {
    if (line.kind === 'blank') continue
    if (++texts > flattenedLines) return false
    if (line.content.length >= flattenedLength) long = true
  }
  return long
}

/** A very long line as the virtual lines it would have been (`flattened.ts`), each with exact offsets. */
function unflatten(text: string, line: SourceLine): SourceLine[] {
  if (line.kind !== 'text' || line.content.length < flattenedLength) return [line]
  const breaks = breaksOf(line.content)
  return breaks.map((at, index) =>
    classify(
      text,
      line.contentStart + at,
      index + 1 < breaks.length ? line.contentStart + breaks[index + 1]! : line.end,
      line.line,
      line.start
    )
  )
}

/** Index of the next line break (`\n`, `\r\n` or `\r`) at or after `from`, or -1. */
function nextBreak(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 10 || code === 13) return index
  }
  return -1
}

/** Space at the start of a line: space, tab, U+3000, no-break space, a stray BOM, the form feed pdftotext puts at a page's start. */
function isLeadingSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x3000 ||
    code === 0xa0 ||
    code === 0xfeff ||
    code === 0x0c ||
    code === 0x0b
  )
}

/** Space at the end of a line: space, tab, U+3000, no-break space, a form feed. */
function isTrailingSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0 || code === 0x0c || code === 0x0b
}

function classify(text: string, start: number, end: number, line: number, lineStart = start): SourceLine {
  const raw = text.slice(start, end)
  let contentStart = start
  let contentEnd = end
  // Note: most lines hold none, and share one empty list.
  let debris: readonly string[] = noDebris
  // Note: debris is only removed at the edges of a line, so that the content
  // stays one contiguous span of the source (positions remain exact).
  for (;;) {
    while (contentStart < contentEnd && isLeadingSpace(text.charCodeAt(contentStart))) contentStart++
    // Note: bounds first; reading past the end of a string makes V8 drop its optimised code.
    if (contentStart >= contentEnd || text.charCodeAt(contentStart) !== 0x5b) break
    const found = debrisExpression.exec(text.slice(contentStart, contentEnd))
    if (!found) break
    debris = [...debris, found[0]]
    contentStart += found[0].length
  }
  while (contentEnd > contentStart && isTrailingSpace(text.charCodeAt(contentEnd - 1))) contentEnd--
  const content = text.slice(contentStart, contentEnd)
  let kind: SourceLine['kind'] = 'text'
  if (content.length === 0) kind = debris.length > 0 ? 'debris' : 'blank'
  else if (debrisLineExpression.test(content)) kind = 'debris'
  else if (pageNumberExpression.test(content)) kind = 'page-number'
  else if (
    content.length <= 120 &&
    (content.charCodeAt(0) === 0x76ee /* 目 */ || lastDigitExpression.test(content.slice(-8))) &&
    tocExpression.test(content)
  )
    kind = 'toc'
  const first = raw.length > 0 ? raw.charCodeAt(0) : 0
  return {
    line,
    start,
    lineStart,
    end,
    contentStart,
    contentEnd,
    content,
    raw,
    isIndented: first === 0x09 || first === 0x3000 || (first === 0x20 && raw.length > 1 && raw.charCodeAt(1) === 0x20),
    kind,
    debris: kind === 'debris' && debris.length === 0 ? [content] : debris
  }
}

/** The width of `text` on the page, in full-width characters: ASCII and other narrow characters count half. */
export function printedWidth(text: string): number {
  let halves = 0
  for (let index = 0; index < text.length; index++) halves += text.charCodeAt(index) < 0x1100 ? 1 : 2
  return halves / 2
}

/** Lines narrower than this say nothing of the page's width. */
const minimumWrapWidth = 20
/** The share of long lines that must be as wide as the page for the text to count as hard wrapped. */
const wrappedShare = 0.4

/**
 * The width at which a converter hard-wrapped the text (a PDF's lines, each
 * as wide as the page), or undefined when the lines are paragraphs. Most
 * long lines are then within a character of one width; paragraphs as lines
 * have widths all over.
 */
export function wrapWidthOf(lines: SourceLine[]): number | undefined {
  if (!mayBeWrapped(lines)) return undefined
  const counts = new Map<number, number>()
  let long = 0
  for (const line of lines) {
    // Note: table cells (a tab in the line) say nothing of the page's width.
    // (A line as wide as minimumWrapWidth holds as many characters at least.)
    if (line.kind !== 'text' || line.content.length < minimumWrapWidth || line.raw.includes('\t')) continue
    const width = Math.round(printedWidth(line.content))
    if (width < minimumWrapWidth) continue
    long++
    counts.set(width, (counts.get(width) ?? 0) + 1)
  }
  const [width, count] = densestBand(counts, 1)
  return count >= 8 && count >= long * wrappedShare ? width : undefined
}

/** The value whose band (± `radius`) holds the most counts, wider values first on ties, with that many. */
function densestBand(counts: Map<number, number>, radius: number): [number | undefined, number] {
  let best: number | undefined
  let bestCount = 0
  for (const value of counts.keys()) {
    let count = 0
    for (let step = -radius; step <= radius; step++) count += counts.get(value + step) ?? 0
    if (count > bestCount || (count === bestCount && value > best!)) [best, bestCount] = [value, count]
  }
  return [best, bestCount]
}

/**
 * A cheap first look by length in characters (no character is read): hard
 * wrapped lines are within a few characters of one length too, where the
 * narrow ones (digits, Latin) make their printed widths equal.
 */
function mayBeWrapped(lines: SourceLine[]): boolean {
  const counts = new Map<number, number>()
  let long = 0
  for (const line of lines) {
    const length = line.content.length
    if (line.kind !== 'text' || length < minimumWrapWidth || line.raw.includes('\t')) continue
    long++
    counts.set(length, (counts.get(length) ?? 0) + 1)
  }
  const [, band] = densestBand(counts, 3)
  return band >= 8 && band >= long * wrappedShare * 0.75
}

function markBarePageNumbers(lines: SourceLine[]): void {
  for (const [index, line] of lines.entries()) {
    if (line.kind !== 'text' || line.isIndented || !barePageNumberExpression.test(line.content)) continue
    const before = neighbour(lines, index, -1)
    const after = neighbour(lines, index, 1)
    // Note: two long names of indicators around a value (a table a cell a line) are not prose: one side must hold punctuation.
    if (
      isProse(before) &&
      (after === undefined || isProse(after)) &&
      [before, after].some((side) => side !== undefined && sentencePunctuationExpression.test(side.content))
    )
      line.kind = 'page-number'
  }
}

/**
 * A running head or foot (页眉, 页脚): a short line printed again on every
 * page, next to the page numbers (`— 5 —` then `某市“十四五”知识产权发展规划`).
 * The same line beside two page numbers or more is one; where the document
 * prints it elsewhere (its title) it stays.
 */
function markRunningHeads(lines: SourceLine[]): void {
  const beside = new Map<string, Set<number>>()
  for (const [index, line] of lines.entries()) {
    if (line.kind !== 'page-number') continue
    for (const step of [-1, 1] as const) {
      const at = neighbourIndex(lines, index, step)
      const content = lines[at]?.content
      if (content === undefined || content.length > 40 || content.includes('\t') || /[。；，]/.test(content)) continue
      const places = beside.get(content) ?? new Set<number>()
      beside.set(content, places.add(at))
    }
  }
  for (const places of beside.values()) if (places.size >= 2) for (const at of places) lines[at]!.kind = 'running-head'
}

/** The index of the nearest text line from `index` in the direction `step`, or -1. */
function neighbourIndex(lines: SourceLine[], index: number, step: 1 | -1): number {
  for (let at = index + step; at >= 0 && at < lines.length; at += step) if (lines[at]!.kind === 'text') return at
  return -1
}

function neighbour(lines: SourceLine[], index: number, step: 1 | -1): SourceLine | undefined {
  return lines[neighbourIndex(lines, index, step)]
}

/** Punctuation inside a sentence or at its end: what a table's indicator name does not hold. */
const sentencePunctuationExpression = /[，。；：！？,;]/

function isProse(line: SourceLine | undefined): boolean {
  return line !== undefined && !line.isIndented && line.content.length >= 15 && !line.content.includes('\t')
}
