/**
 * Input formats by file extension (kept light: the engine's main thread
 * needs this without loading the extractors).
 */
import path from 'node:path'

/** Formats that have a parser. */
export type ParsedFormat = 'text' | 'markdown'

/** Extensions with a parser, by format. */
export const formats: Record<string, ParsedFormat> = {'.txt': 'text', '.text': 'text', '.md': 'markdown', '.markdown': 'markdown'}

/** Formats we know of but do not read yet. */
export const unsupportedFormats = ['.docx', '.doc', '.wps', '.pdf', '.html', '.htm', '.ofd']

/** The format of a path, or undefined when no parser reads it. */
export function formatOf(filePath: string): ParsedFormat | undefined {
  return formats[path.extname(filePath).toLowerCase()]
}
