/**
 * Zero-width characters (U+200B–U+200D, U+2060, U+FEFF inside the text), which
 * web pages and text copied from them carry: invisible, they split numbers and
 * names (`1​2件` reads as 2件). They are removed; the record's positions then
 * refer to the text without them, which `--dump-intermediate` writes out.
 */

const invisibleExpression = /[\u200b-\u200d\u2060\ufeff]/g

/** `text` without zero-width characters, and how many there were. */
export function stripInvisible(text: string): {text: string; removed: number} {
  let removed = 0
  const result = text.replace(invisibleExpression, () => {
    removed++
    return ''
  })
  return {text: result, removed}
}
