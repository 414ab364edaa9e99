/**
 * The document as a flat list of blocks (headings, paragraphs, tables) with
 * their text, and the mapping from offsets in that text back to the source.
 *
 * A paragraph joined from several lines has one text node per line; its text
 * is their concatenation, and `spanOf` maps a match in it to exact source
 * positions.
 */
import type {Nodes, Root, RootContent, Text} from 'mdast'
import type {Position as UnistPosition} from 'unist'
import type {Point, Position} from '../../schemas/record.js'
import {visit} from 'unist-util-visit'

/** One top-level block. */
export interface Block {
  node: RootContent
  /** Index among the root's blocks. */
  index: number
  /** The block's text (text nodes concatenated; table cells joined by tabs). */
  text: string
  /** Text nodes with their offset in `text`. */
  pieces: Array<{node: Text; offset: number}>
}

const cache = new WeakMap<Root, Block[]>()

/** The blocks of `tree`, computed once per tree. */
export function blocksOf(tree: Root): Block[] {
  let blocks = cache.get(tree)
  if (!blocks) {
    blocks = flatten(tree).map((node, index) => toBlock(node, index))
    cache.set(tree, blocks)
  }
  return blocks
}

/** Top-level blocks, descending into containers Markdown may add (lists, quotes). */
function flatten(tree: Root): RootContent[] {
  const result: RootContent[] = []
  for (const node of tree.children) {
    if (node.type === 'list' || node.type === 'blockquote') {
      visit(node, function (child) {
        if (child.type === 'paragraph' || child.type === 'heading' || child.type === 'table') {
          result.push(child)
          return 'skip'
        }
        return undefined
      })
    } else result.push(node)
  }
  return result
}

function toBlock(node: RootContent, index: number): Block {
  const block: Block = {node, index, text: '', pieces: []}
  if (node.type === 'table') {
    // Note: cells joined by tabs, rows by line breaks; walked directly (this is hot).
    for (const [rowIndex, row] of node.children.entries()) {
      if (rowIndex > 0) block.text += '\n'
      for (const [cellIndex, cell] of row.children.entries()) {
        if (cellIndex > 0) block.text += '\t'
        collect(cell, block)
      }
    }
  } else collect(node, block)
  return block
}

/** Append the text below `node` to the block, remembering where each text node starts. */
function collect(node: Nodes, block: Block): void {
  if (node.type === 'text') {
    block.pieces.push({node, offset: block.text.length})
    block.text += node.value
  } else if (node.type === 'inlineCode') block.text += node.value
  else if ('children' in node) for (const child of node.children) collect(child, block)
}

/**
 * The source position of `text.slice(start, end)` of a block, or the block's
 * own position when the span cannot be mapped exactly (Markdown escapes).
 */
export function spanOf(block: Block, start: number, end: number): Position {
  const from = pointIn(block, start, false)
  const to = pointIn(block, end, true)
  if (from && to) return {start: from, end: to}
  return toPosition(block.node.position)
}

/** A unist position with its offsets filled in (0 where a parser gave none). */
export function toPosition(position: UnistPosition | undefined): Position {
  const point = (value: UnistPosition['start'] | undefined): Point => ({
    line: value?.line ?? 1,
    column: value?.column ?? 1,
    offset: value?.offset ?? 0
  })
  return {start: point(position?.start), end: point(position?.end)}
}

function pointIn(block: Block, offset: number, isEnd: boolean): Point | undefined {
  for (const {node, offset: pieceStart} of block.pieces) {
    const pieceEnd = pieceStart + node.value.length
    const inside = isEnd ? offset > pieceStart && offset <= pieceEnd : offset >= pieceStart && offset < pieceEnd
    if (!inside || !node.position) continue
    const start = node.position.start
    const sourceLength = (node.position.end.offset ?? 0) - (start.offset ?? 0)
    // Only exact when the text node is 1:1 with the source (no escapes).
    if (sourceLength !== node.value.length || start.offset === undefined) return undefined
    const delta = offset - pieceStart
    // Note: a node on one line (all plain-text nodes) needs no scan for breaks.
    if (node.position.end.line === start.line)
      return {line: start.line, column: start.column + delta, offset: start.offset + delta}
    const before = node.value.slice(0, delta)
    const breaks = before.split('\n').length - 1
    if (breaks === 0) return {line: start.line, column: start.column + delta, offset: start.offset + delta}
    const column = delta - before.lastIndexOf('\n')
    return {line: start.line + breaks, column, offset: start.offset + delta}
  }
  return undefined
}

/** Position of a whole block. */
export function positionOf(block: Block): Position {
  return spanOf(block, 0, block.text.length)
}
