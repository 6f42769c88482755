/** Longest excerpt, in characters, that a control's accessible name quotes from a note. */
export const EXCERPT_MAX_CHARS = 60

/**
 * The start of a text, short enough to name a control: its first line, cut at a word boundary
 * and marked with "…" where anything is left out. Notes hold up to 2,000 characters; a screen
 * reader would otherwise read all of them for every button of a note (edit, delete, dot +, dot −).
 */
export function textExcerpt(text: string, maxChars: number = EXCERPT_MAX_CHARS): string {
  const lines = text.trim().split('\n')
  // Code points, so an emoji is never split in half.
  const chars = Array.from(lines[0]!.replace(/\s+/g, ' ').trim())
  if (chars.length <= maxChars) return lines.length > 1 ? `${chars.join('')} …` : chars.join('')
  const head = chars.slice(0, maxChars).join('')
  const lastSpace = head.lastIndexOf(' ')
  // A word boundary in the second half keeps most of the text; one long word is cut where it is.
  return `${(lastSpace > head.length / 2 ? head.slice(0, lastSpace) : head).trimEnd()}…`
}
