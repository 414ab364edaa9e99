/**
 * What our parsers add to mdast nodes, by module augmentation.
 */
import type {Position} from 'unist'

/** A line the plain-text parser removed, kept so the engine can report it. */
export interface RemovedLine {
  kind: 'debris' | 'page-number' | 'running-head' | 'toc'
  text: string
  position: Position
}

declare module 'mdast' {
  interface RootData {
    /** Conversion debris and page numbers removed by the parser. */
    removedLines?: RemovedLine[]
    /** Places where a sentence broken over lines was joined (the join point). */
    joinedLines?: Array<{position: Position}>
  }
  interface HeadingData {
    /** Outline marker as printed (`三、`, `（一）`), null for a bare Markdown heading. */
    number?: string | null
    /** Rank of the marker in the 公文 hierarchy (see `outline.ts`); -1 for a bare Markdown heading. */
    rank?: number
    /** Number of `#` when the line was a Markdown heading. */
    markdownDepth?: number
  }
  interface ParagraphData {
    /** Whether the source line was indented (tab, U+3000, two spaces). */
    isIndented?: boolean
    /** Whether the line is a numbered item of a 专栏 box (`1．工业废气治理工程。…`), not a heading. */
    isBoxItem?: boolean
    /** The one-column table (a framed box) the paragraph was printed in, numbered in the document. */
    frame?: number
    /** Whether the paragraph is the body a heading's line runs into (（一）…。body): prose, though short. */
    isRunIn?: boolean
  }
  interface TableData {
    /** How the table was printed in the source. */
    layout?: 'cell-per-line' | 'tab-separated' | 'pipe' | 'stacked' | 'space-separated' | 'gfm'
  }
}
