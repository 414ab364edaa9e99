/**
 * Catalogue of diagnostic rule ids (kebab-case), each with what it means.
 *
 * Every message an extractor or stage emits names one of these, so that
 * consumers can filter diagnostics by rule and the README can list them.
 */
export const rules = {
  'conversion-debris': 'Conversion debris (e.g. `[bookmark: _Toc…]`, 【法宝引证码】) was removed from the text',
  'page-number': 'A bare page-number line was dropped',
  'running-head': 'A running head or foot (the same short line beside every page number) was dropped',
  'table-of-contents': 'A table-of-contents line (目录, dot leaders and a page number) was dropped',
  'joined-line': 'A sentence broken across lines by a page break or hard wrap was joined',
  'decoded-gb18030': 'The bytes are not UTF-8; decoded as GB18030',
  'textboxes-appended':
    'A .doc holds text boxes (often 专栏) whose place in the body is not recorded: their text is read after the body',
  'decoded-utf16': 'The bytes are UTF-16 (with a byte order mark, or without one where its zero bytes tell the order)',
  'replacement-character': 'The decoded text contains U+FFFD: some bytes could not be decoded',
  'zero-width-removed':
    'Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) were removed; positions refer to the text without them, which --dump-intermediate writes',
  'full-width-digits':
    'Full-width digits (０-９) were read as ASCII digits, one for one (offsets unchanged); quoted text prints them as the source does',
  'ocr-text':
    'The text (or some pages of it) was read by OCR from page images: positions point into the recognised text, which --dump-intermediate writes',
  'low-ocr-confidence':
    'A target was read by OCR with low confidence (below 0.9) from a line holding digits: check its number against the page (a misread 8/3)',
  'missing-title': 'No document title (标题) was found',
  'not-a-policy-document': 'The text shows none of the features of an official document or plan',
  'ambiguous-division': 'A place name matches several administrative divisions',
  'historical-division':
    'The jurisdiction is a division since abolished or renamed (莱芜市), resolved from the GB/T 2260 revisions of 2010–2016 with its code as it was',
  'unknown-division': 'The county or district an issuer names is not in the 2023 division table: kept without a code',
  'future-document-year': 'The document number (发文字号) names a year after today',
  'invalid-date': 'A date (成文日期/印发日期) is not a real calendar date',
  'unread-table': 'A table without indicator and target columns was not read as targets',
  'unparsed-table-row': 'A table row could not be read as an indicator',
  'missing-target-value': 'A target has no value (the cell holds —— or nothing)',
  'interim-targets':
    "A table gives targets for years before the plan's last (2023年, 2024年) that were past when it was issued, or it is undated: not kept",
  'unread-goal-number':
    "A number in a goal statement (the goals part, a 专栏, or a sentence that sets a task goal) was not read as any target's value or baseline",
  'kind-from-text':
    "The kind was read from the text's own words (特制定本规划, 提出如下意见, 各位代表), the title naming none",
  'jurisdiction-from-text':
    'No header names the jurisdiction: it was read from the scope the text speaks for (全省, 全市, 全国) and the places it names, or from recipients that are every province',
  'markdown-too-deep':
    'Markdown nested deeper than 32 levels (block quotes, lists) was read as plain text: its parser would take quadratic time and memory',
  'charset-mismatch':
    'The charset an HTML page declares is contradicted by its bytes: it was read in the encoding that gives Chinese text'
} as const

/** A diagnostic rule id. */
export type RuleId = keyof typeof rules
