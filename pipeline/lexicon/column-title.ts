/** `专栏` and its number (Arabic, Chinese, compound 3-1, bracketed), the whole maybe in 【】 or 〔〕. */
const labelSource =
  '[【〔[]?专[ \\u3000]?栏\\s*[（(]?(?<number>[0-9０-９]{1,3}(?:[-－—.．][0-9０-９]{1,2})?|[一二三四五六七八九十]{1,3})[)）]?\\s*[】〕\\]]?'

/**
 * The title line of a special-project box (专栏): `专栏1：标题`, `专栏 1 标题`,
 * `专栏2:标题`, `专栏一 标题`, `专栏1标题`, `专栏：标题`, `专栏3-1 标题`, `专栏（1）标题`,
 * `【专栏1】标题`, `〔专栏2〕标题`, `专 栏 1 标题` (spaced as a PDF prints it).
 *
 * `专栏` at the start of a line, then a number (Arabic or Chinese) and/or a
 * separator, then a short title. Words that merely contain 专栏 (专题专栏,
 * 专栏文章) do not start a box: a bare `专栏` needs a colon or a closing bracket.
 */
export const columnTitleExpression = new RegExp(
  '^(?:' +
    labelSource +
    '\\s*[:：、.．]?|[【〔[]?专[ \\u3000]?栏\\s*(?:[】〕\\]]\\s*[:：]?|[:：]))\\s*(?<title>[^。；;]{2,40})$'
)

/** A box label alone on its line (`专栏1`, `【专栏2】`, `专栏三：`): the title is printed on the next line. */
export const columnLabelExpression = new RegExp('^' + labelSource + '\\s*[:：]?$')
/** The line after a bare label that is its title: short, no sentence. */
export const columnTitleLineExpression = /^[^。；;]{2,40}$/

/** Whether a line opens a box: a title, or a label whose title follows. */
export function isColumnHeading(text: string): boolean {
  return columnTitleExpression.test(text) || columnLabelExpression.test(text)
}

/** A box's line that introduces a list (实施以下项目：): the numbered items after it, blank line or not, are the box's. */
export const introducingExpression = /[:：]\s*$/

/** A bullet symbol (◆ 推动专利转化…), or a symbol font's bullet, which comes as a private-use character (Word's Wingdings). */
export const bulletSource = '[●■◆◇▲△★☆•·▶►\\ue000-\\uf8ff]'

/** A bullet opening a box's item. */
export const itemBulletExpression = new RegExp('^' + bulletSource)
