/**
 * The kinds of document a title names by its last document-type word
 * (文种, GB/T 9704-2012 7.3.1): …的通知 → notice, …规划 → plan.
 */
import type {DocumentKind} from '../../schemas/record.js'

/** Title endings and the kind each names, tried in order. */
const kinds: ReadonlyArray<[RegExp, DocumentKind]> = [
  [/(?:通知|通报)(?:[(（][^()（）]*[)）])?$/, 'notice'],
  // 政府工作报告 and the annual work reports of other organs (…人民代表大会常务委员会工作报告).
  [/工作报告(?:[(（][^()（）]*[)）])?$/, 'report'],
  // A report, evaluation or summary about how a plan went: …中期评估报告, …实施情况的报告, …中期评估情况的报告, …工作总结.
  [/^(?=.*(?:评估|中期|(?:实施|进展|执行|完成)情况|总结)).*(?:评估|报告|总结)(?:[(（][^()（）]*[)）])?$/, 'evaluation'],
  [/纲要(?:[(（][^()（）]*[)）])?$/, 'outline'],
  // An annual 工作要点 is the year's work plan.
  [/(?:规划|计划|工作要点)(?:[(（][^()（）]*[)）])?$/, 'plan'],
  // 若干措施, 政策措施: measures issued as an 意见 is.
  [/(?:意见|方案|措施)(?:[(（][^()（）]*[)）])?$/, 'opinion']
]

/** The kind a title's last document-type word tells (…规划 → plan, …中期评估报告 → evaluation). */
export function titleKind(text: string): DocumentKind {
  for (const [expression, kind] of kinds) if (expression.test(text)) return kind
  return 'other'
}
