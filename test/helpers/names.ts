/**
 * What a reader refuses as the name of a target, checked apart from the
 * extractor's own rules: a bare verb (建成, 培育壮大), a place or scope word
 * (国家, 全省), a fragment (分别, 行业型, a name ending in 和), fewer than two
 * characters. Used by the corpus test and `npm run corpus`.
 */

/** Verbs that name nothing alone, with their common prefixes (累计建成, 新培育). */
const bareVerbExpression =
  /^(?:累计|新|再|共|年均|每年|力争|确保|全面|加快|推动)?(?:建成|建设|培育|培育壮大|打造|新建|新增|创建|引进|认定|组建|设立|培养|实施|开展|推进|推动|面向|制定|发布|形成|达到|达|实现|完成|突破|超过|提高|提升|增加|增长|下降|降低|减少|带动|支持|扶持|举办|组织|建立|构建|搭建)$/
/** Places and scopes that name nothing alone. */
const placeExpression =
  /^(?:全国|全省|全市|全区|全县|全州|我国|我省|我市|国家|省级|市级|县级|国际|行业|企业|地方|中央|推动全省|推动全市)$/

/** Why `name` is no name of a target, or undefined when it is one. */
export function nameProblem(name: string): string | undefined {
  const compact = name.replace(/\s+/g, '')
  if ([...compact].length < 2) return 'shorter than two characters'
  if (bareVerbExpression.test(compact)) return 'a bare verb'
  if (placeExpression.test(compact)) return 'a place or scope word'
  if (/(?:分别|均)$|[和及与、或并]$|^[的和及与、]/.test(compact)) return 'a fragment'
  if (/(?:行业|产业|领域)型$/.test(compact)) return 'a fragment'
  return undefined
}
