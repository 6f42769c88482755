import type { TLDefaultColorStyle } from '@tldraw/tlschema'

/** Note colours an author can get: light enough for black text, distinct enough to tell apart. */
export const AUTHOR_NOTE_COLORS: readonly TLDefaultColorStyle[] = [
  'yellow',
  'light-blue',
  'light-green',
  'orange',
  'light-violet',
  'light-red',
  'green',
  'blue',
  'violet',
  'red',
]

/** Cursor/presence colours matching {@link AUTHOR_NOTE_COLORS} by position. */
export const AUTHOR_CURSOR_COLORS: readonly string[] = [
  '#e0a800',
  '#4ba1f1',
  '#4cb05e',
  '#e16919',
  '#e085f4',
  '#f87777',
  '#099268',
  '#4465e9',
  '#ae3ec9',
  '#e03131',
]

/** FNV-1a: a stable, well-spread hash, so an author keeps their colour on every device. */
function hashString(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

export function authorColorIndex(authorId: string): number {
  return hashString(authorId) % AUTHOR_NOTE_COLORS.length
}

export function authorNoteColor(authorId: string): TLDefaultColorStyle {
  return AUTHOR_NOTE_COLORS[authorColorIndex(authorId)]!
}

export function authorCursorColor(authorId: string): string {
  return AUTHOR_CURSOR_COLORS[authorColorIndex(authorId)]!
}
