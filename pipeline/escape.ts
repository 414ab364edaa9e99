/**
 * Escaping for what the tool writes for other programs to read: CSV cells a
 * spreadsheet must not run as formulas, Markdown cells that must not become
 * HTML, HTML text.
 */

/**
 * A CSV cell that a spreadsheet would run as a formula (=, +, -, @, a tab or
 * a carriage return first) prefixed with ' as OWASP advises; numbers and
 * other values are left as they are.
 */
export function formulaSafe<T>(cell: T): T | string {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? "'" + cell : cell
}

/** Text as HTML text (also inside attribute values). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** A Markdown table cell: no HTML (`<script>` is shown, not run), no cell break, one line. */
export function markdownCell(text: string): string {
  return escapeHtml(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}
