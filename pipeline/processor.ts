/**
 * Frozen unified processors, one per input format: a parser, then every
 * extractor in order.
 */
import type {Root} from 'mdast'
import {unified, type Plugin} from 'unified'
import {extractorPlugins} from '../extractors/index.js'
import {parseMarkdown} from './parsers/markdown.js'
import policyParsePlainText from './parsers/plain-text.js'

const policyParseMarkdown: Plugin<[], string, Root> = function () {
  this.parser = parseMarkdown
}

export const processors = {
  text: unified().use(policyParsePlainText).use(extractorPlugins).freeze(),
  markdown: unified().use(policyParseMarkdown).use(extractorPlugins).freeze()
} as const
