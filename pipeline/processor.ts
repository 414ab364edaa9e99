/**
 * Frozen unified processors, one per input shape: a parser, then every
 * extractor in order.
 */
import type {Root} from 'mdast'
import {unified, type Plugin, type Processor} from 'unified'
import {extractorPlugins} from '../extractors/index.js'
import policyParsePlainText from './parsers/plain-text.js'

type PolicyProcessor = Processor<Root, Root, Root, undefined, undefined>

/** The plain-text processor (also used for converted .docx, .doc, .html, .pdf and .ofd). */
const text = unified().use(policyParsePlainText).use(extractorPlugins).freeze() as unknown as PolicyProcessor
let markdown: PolicyProcessor | undefined

/**
 * The processor for an input shape. Markdown's (remark-parse + remark-gfm)
 * loads on first use, so plain text never pays for micromark.
 */
export async function processorFor(shape: 'text' | 'markdown'): Promise<PolicyProcessor> {
  if (shape === 'text') return text
  if (!markdown) {
    const {parseMarkdown} = await import('./parsers/markdown.js')
    const policyParseMarkdown: Plugin<[], string, Root> = function () {
      this.parser = parseMarkdown
    }
    markdown = unified().use(policyParseMarkdown).use(extractorPlugins).freeze() as unknown as PolicyProcessor
  }
  return markdown
}
