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
    if (match[0].length === 0)
      expression.lastIndex += expression.unicode && (text.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1
  }
  return matches
}

/**
 * A global expression whose every match holds an anchor — a match of the
 * cheap `anchor` expression — at most `lead` characters after the start of
 * the match (whitespace not counted), with no anchor starting before it in
 * the match. `anchoredMatchesOf` then finds exactly the matches of the
 * expression while trying it only just before each anchor. Note: an
 * expression that opens with optional words (`(?:到|至)?\s*2025年`) makes
 * the engine try a match at every character of the text otherwise.
 *
 * `openers`, when given, are the characters other than whitespace a match
 * can start with before its anchor: other places are not tried.
 */
export interface AnchoredExpression {
  expression: RegExp
  anchor: RegExp
  lead: number
  sticky: RegExp
  /** Per UTF-16 code unit, 1 where a match may start before its anchor. */
  opens: Uint8Array | undefined
}

/** Pair a global `expression` with its `anchor` (see `AnchoredExpression`). */
export function anchored(expression: RegExp, anchor: RegExp, lead: number, openers?: string): AnchoredExpression {
  if (!expression.global || !anchor.global) throw new TypeError('anchored needs global expressions')
  let opens: Uint8Array | undefined
  if (openers !== undefined) {
    opens = new Uint8Array(0x10000)
    for (const character of spaces + openers) opens[character.charCodeAt(0)] = 1
  }
  return {
    expression,
    anchor,
    lead,
    sticky: new RegExp(expression.source, expression.flags.replace('g', '') + 'y'),
    opens
  }
}

/** Every match of an anchored expression in `text`: the same as `matchesOf(expression.expression, text)`. */
export function anchoredMatchesOf(expression: AnchoredExpression, text: string): RegExpExecArray[] {
  const {anchor, lead, sticky, opens} = expression
  const matches: RegExpExecArray[] = []
  let from = 0
  for (;;) {
    anchor.lastIndex = from
    const hit = anchor.exec(text)
    if (!hit) break
    // The earliest place a match holding this anchor can start.
    let start = hit.index
    for (let budget = lead; start > from; start--) {
      if (isSpace(text.charCodeAt(start - 1))) continue
      if (budget === 0) break
      budget--
    }
    let match: RegExpExecArray | null = null
    for (let at = start; at <= hit.index && !match; at++) {
      if (opens && at < hit.index && opens[text.charCodeAt(at)] === 0) continue
      sticky.lastIndex = at
      match = sticky.exec(text)
    }
    if (!match) {
      from = hit.index + 1
      continue
    }
    matches.push(match)
    from = match.index + Math.max(1, match[0].length)
  }
  return matches
}

/** Whitespace, as `\s` has it (ECMAScript's WhiteSpace and LineTerminator). */
const spaces =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'
const isSpaceCode = new Uint8Array(0x10000)
for (const character of spaces) isSpaceCode[character.charCodeAt(0)] = 1

/** Whether a character code is whitespace, as `\s` has it. */
function isSpace(code: number): boolean {
  return isSpaceCode[code] === 1
}

/** Whether a character code is an ASCII digit. */
export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39
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
