/**
 * A document whose line breaks were lost (a web page scraped into one line):
 * where its lines would have broken. The parser reads 公文 line by line —
 * masthead, 文号, title, headings, signature — so such a line is cut into
 * virtual lines at the places a reader sees the breaks: after a sentence,
 * before an outline marker (the next 一、 in sequence, （一）, 第一章, 1．), before
 * 专栏N, around the 文号, after the title's 的通知 and the recipients' colon,
 * around a signed date; and a heading's short title is cut from the body
 * that follows it (“十三五”期间…, 到2025年…, 坚持…).
 */

/** A line this long in a document of so few lines has lost its breaks. */
export const flattenedLength = 600
/** The most non-blank lines a flattened document has (a title or a date may stay apart). */
export const flattenedLines = 3

const chineseNumerals = '一二三四五六七八九十'
/** Characters before 一、 that make it part of a word (统一、 唯一、 第一、 之一、). */
const wordBefore = new Set([...'统唯第同之万逐单其专合如'])
/** After a sentence end, the closing marks that still belong to it. */
const closing = new Set([...'”’」』）)'])
const sentenceEnds = new Set([...'。！？；'])
/** What an outline marker or a box label opens with. */
const markerOpenings = new Set([...'（(第123456789一二三四五六七八九十专【〔['])

/** Where a heading's title ends and its body begins: a quote, a year, or a verb that opens a sentence. */
const bodyOpenerExpression =
  /[“"]|(?:到|至|截至|截止|力争|预计)?\s*(?:19|20)\d{2}\s*年|坚持|以习|以新|以推|以提|围绕|按照|根据|为深入|为加快|为全面|为进一步|加快|推进|加强|深入|全面|进一步|完善|建立|健全|实施|支持|鼓励|推动|强化|提升|构建|落实|充分|严格|积极|大力|着力|持续|依托|聚焦|发挥|牢固|贯彻|面向|紧扣|突出|创新/g

/** The offsets (in `content`) where the virtual lines of a flattened line start, the first at 0. */
export function breaksOf(content: string): number[] {
  const breaks = new Set<number>([0])
  let expected = 0
  for (let index = 0; index < content.length; index++) {
    const character = content[index]!
    if (sentenceEnds.has(character)) {
      let end = index + 1
      while (end < content.length && closing.has(content[end]!)) end++
      breaks.add(end)
      continue
    }
    // Note: markers open with few characters; the others are passed over without a slice.
    if (!markerOpenings.has(character)) continue
    const rest = content.slice(index, index + 12)
    let marker = 0
    if (/^[（(][一二三四五六七八九十]{1,3}[）)]\s*\p{Script=Han}/u.test(rest)) marker = rest.search(/[）)]/) + 1
    else if (/^第[一二三四五六七八九十百]{1,4}[章节]/.test(rest)) marker = rest.search(/[章节]/) + 1
    else if (/^[1-9]\d?[．.]\p{Script=Han}/u.test(rest) && !/\d/.test(content[index - 1] ?? ''))
      marker = rest.search(/[．.]/) + 1
    else if (/^[一二三四五六七八九十]{1,3}、/.test(rest) && !wordBefore.has(content[index - 1] ?? '')) {
      const number =
        chineseNumerals.indexOf(rest[0]!) + 1 + (rest[1] && rest[1] !== '、' ? chineseNumerals.indexOf(rest[1]) + 1 : 0)
      if (number === expected + 1) {
        expected = number
        marker = rest.indexOf('、') + 1
      }
    } else if (/^[【〔[]?专栏\s*\d/.test(rest)) {
      // A box's label and title, then its body.
      breaks.add(index)
      const label = /^[【〔[]?专栏\s*\d{1,3}[】〕\]]?\s*[:：]?\s*/.exec(rest)![0].length
      const title = titleEnd(content, index + label)
      if (title !== undefined) breaks.add(title)
      index += label - 1
    }
    if (marker > 0) {
      breaks.add(index)
      const title = titleEnd(content, index + marker)
      if (title !== undefined) breaks.add(title)
      index += marker - 1
    }
  }
  for (const at of headerBreaks(content)) breaks.add(at)
  return [...breaks].filter((at) => at < content.length).sort((a, b) => a - b)
}

/** Where the short title after a marker at `from` ends and its body begins, if it does within 20 characters. */
function titleEnd(content: string, from: number): number | undefined {
  // Note: the title runs to the next marker at most (二、总体要求（一）指导思想…), a break of its own.
  const window = content.slice(from, from + 24).replace(/[（(][一二三四五六七八九十]{1,3}[）)][\s\S]*$/, '')
  if (/^[^。；：，]{0,20}[。；：]/.test(window)) return undefined
  bodyOpenerExpression.lastIndex = 2
  const opener = bodyOpenerExpression.exec(window)
  return opener && opener.index >= 2 && opener.index <= 20 ? from + opener.index : undefined
}

/** The breaks of the front matter: after 文件, around the 文号, after the title, after the recipients, around a signed date. */
function headerBreaks(content: string): number[] {
  const found: number[] = []
  const masthead = /^.{2,40}?文件/.exec(content)
  if (masthead) found.push(masthead[0].length)
  const number = /[\p{Script=Han}]{1,10}[〔［\[（(]\s*(?:19|20)\d{2}\s*[〕］\]）)]\s*第?\s*\d{1,5}\s*号/u.exec(
    content.slice(0, 400)
  )
  // Note: the agency's characters are glued to the masthead before it (…文件宁委发〔2022〕43号): it starts after 文件.
  if (number)
    found.push(
      Math.max(number.index, masthead && masthead[0].length < number.index + number[0].length ? masthead[0].length : 0),
      number.index + number[0].length
    )
  const title = /的(?:通知|意见|决定|报告|批复|函)(?=各|[\p{Script=Han}]{0,12}[：:])/u.exec(content.slice(0, 800))
  if (title) {
    const end = title.index + title[0].length
    found.push(end)
    const colon = content.indexOf('：', end)
    if (colon !== -1 && colon - end < 200) found.push(colon + 1)
  }
  for (const date of content.matchAll(
    /(?:政府|办公室|委员会|委|局|厅|院)((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|二[〇○零][〇○零一二三四五六七八九]{2}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)/gu
  )) {
    const start = (date.index ?? 0) + date[0].length - date[1]!.length
    found.push(start, start + date[1]!.length)
  }
  for (const note of content.matchAll(/[（(]此[件页][^）)]{2,10}[）)]/g))
    found.push(note.index ?? 0, (note.index ?? 0) + note[0].length)
  return found
}
