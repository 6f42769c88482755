/**
 * Escaping user text for CommonMark/GFM so that it reads as the participant wrote it: no stray
 * emphasis, links, HTML, headings or lists made from punctuation, while the raw Markdown stays
 * readable (only characters that would change the rendering get a backslash).
 */

/** Characters that start inline constructs anywhere in a line: emphasis, code, links, HTML, tables, strike-through. */
const INLINE_SPECIALS = /[\\`*_[\]<>|~]/g
/** `&` only matters when it would be read as an entity (`&amp;`, `&#39;`). */
const ENTITY_LIKE = /&(?=#?[A-Za-z0-9]+;)/g

export function escapeMarkdownInline(text: string): string {
  return text.replace(INLINE_SPECIALS, '\\$&').replace(ENTITY_LIKE, '\\&')
}

/**
 * Heading text on one line: inline escapes, and a trailing run of `#` that Markdown would drop
 * as the closing sequence.
 */
export function escapeMarkdownHeading(text: string): string {
  return escapeMarkdownInline(text.replace(/\s*\n\s*/g, ' ')).replace(/(^|[ \t])(#+)([ \t]*)$/, '$1\\$2$3')
}

/**
 * Escapes one line that starts a block (or continues a paragraph, where lists and headings can
 * interrupt): inline specials plus the block markers at its start. Leading spaces become
 * non-breaking spaces, because Markdown would drop them or read 4 of them as code, and the
 * indentation of nested list items in a note should stay visible.
 */
export function escapeMarkdownLine(line: string): string {
  const indentation = /^[ \t]*/.exec(line)![0]
  let rest = escapeMarkdownInline(line.slice(indentation.length))
  rest = rest
    .replace(/^(#{1,6})(?=[ \t]|$)/, '\\$1') // ATX heading
    .replace(/^([-+])(?=[ \t]|$)/, '\\$1') // bullet list item
    .replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2') // ordered list item
    .replace(/^([-=])(?=[-= \t]*$)/, '\\$1') // setext underline or thematic break
  return '\u00a0'.repeat(indentation.replace(/\t/g, '  ').length) + rest
}

/**
 * Multi-line user text as the content of one list item: lines joined by hard breaks (a trailing
 * backslash), continuation lines indented under the item. Empty lines hold a non-breaking space,
 * because a truly blank line would end the item's paragraph.
 */
export function markdownListItem(lines: readonly string[], marker = '- '): string {
  const indent = ' '.repeat(marker.length)
  const rendered = lines.map((line) => (line === '' ? '\u00a0' : line))
  return marker + rendered.join(`\\\n${indent}`)
}
