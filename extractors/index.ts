/**
 * The ordered list of extractor plugins: the only place that decides order.
 *
 * Later extractors read what earlier ones wrote on `file.data` (the
 * jurisdiction reads the issuers and the enclosed title; targets read the
 * outline's section ids and the period).
 */
import type {Root} from 'mdast'
import type {Pluggable, Plugin} from 'unified'
import extractColumns from './columns.js'
import extractDeadlines from './deadlines.js'
import extractDocumentNumber from './document-number.js'
import extractIssuingBody from './issuing-body.js'
import extractJurisdiction from './jurisdiction.js'
import extractOutline from './outline.js'
import extractPeriod from './period.js'
import extractRecipients from './recipients.js'
import extractReferences from './references.js'
import extractTargets from './targets.js'
import extractTitle from './title.js'

export const extractors: ReadonlyArray<Plugin<[], Root>> = [
  extractOutline,
  extractTitle,
  extractDocumentNumber,
  extractIssuingBody,
  extractRecipients,
  extractJurisdiction,
  extractPeriod,
  extractReferences,
  extractColumns,
  extractTargets,
  extractDeadlines
]

/** The extractors as a unified preset list. */
export const extractorPlugins: Pluggable[] = extractors.map((plugin) => [plugin])
