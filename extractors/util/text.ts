/**
 * Small text helpers for Chinese official documents.
 */

const whitespaceExpression = /\s/
const fullWidthExpression = /[\uff01-\uff5e]/

/**
 * Every match of a global `expression` in `text`, like `[...text.matchAll()]`.
 * Note: `matchAll` clones its expression on every call, which doubles the
 * cost of the short scans extractors run per sentence and per clause.
 */
export function matchesOf(expression: RegExp, text: string): RegExpExecArray[] {
  if (!expression.global) throw new TypeError('matchesOf needs a global expression')
  const matches: RegExpExecArray[] = []
  expression.lastIndex = 0
  for (let match = expression.exec(text); match; match = expression.exec(text)) {
    matches.push(match)
    // A match of nothing would match again at the same place.
    if (match[0].length === 0) expression.lastIndex += expression.unicode && (text.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1
  }
  return matches
}

/**
 * Remove whitespace except between two Latin letters or digits: a title
 * printed `市政府办公室关于印发 《…》` or `纲要 (2021—2035 年)` compacts to its
 * printed words, while `COVID 19` keeps its space.
 */
export function compact(text: string): string {
  if (!whitespaceExpression.test(text)) return text
  return text.replace(/\s+/g, function (space, offset: number, whole: string) {
    const before = whole[offset - 1] ?? ''
    const after = whole[offset + space.length] ?? ''
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? ' ' : ''
  })
}

/** Full-width digits, letters and signs to ASCII (`２０２５` → `2025`). */
export function toHalfWidth(text: string): string {
  if (!fullWidthExpression.test(text)) return text
  return text.replace(/[\uff01-\uff5e]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0))
}

/** Document-type words that end a title (文种). */
export const documentTypeExpression =
  /(?:通知|通报|规划|纲要|意见|方案|办法|计划|决定|报告|评估|批复|函|规定|细则|条例|要点|纪要|公告|通告|指南|清单|措施|决议|命令|议案|请示)(?:[(（][^()（）]{0,30}[)）])?$/
