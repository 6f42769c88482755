import type { TLRichText } from 'tldraw'

/** One paragraph of plain rich text: its text direction and its runs (a `null` run is a line break). */
export interface PlainParagraph {
  dir: string
  runs: Array<string | null>
}

const DIRECTIONS = new Set(['auto', 'ltr', 'rtl'])

/**
 * The paragraphs of a note's rich text when it is plain text: paragraphs of unmarked text and
 * hard breaks, which is what Pinnwand's notes hold (posted from a phone or typed on the board).
 * Anything else (marks, links, lists, headings, unknown attributes) gives `undefined`, and the
 * caller leaves the note to tldraw's own rich-text rendering; so does an empty note.
 */
export function plainParagraphs(richText: TLRichText | undefined): PlainParagraph[] | undefined {
  if (!richText || richText.type !== 'doc' || !Array.isArray(richText.content)) return undefined
  const paragraphs: PlainParagraph[] = []
  for (const node of richText.content as unknown[]) {
    const paragraph = node as { type?: unknown; attrs?: Record<string, unknown> | null; content?: unknown; marks?: unknown }
    if (paragraph.type !== 'paragraph' || paragraph.marks !== undefined) return undefined
    let dir = 'auto'
    for (const [key, value] of Object.entries(paragraph.attrs ?? {})) {
      if (key !== 'dir') return undefined
      if (value === null || value === undefined) continue
      if (typeof value !== 'string' || !DIRECTIONS.has(value)) return undefined
      dir = value
    }
    const runs: Array<string | null> = []
    if (paragraph.content !== undefined) {
      if (!Array.isArray(paragraph.content)) return undefined
      for (const inline of paragraph.content as unknown[]) {
        const run = inline as { type?: unknown; text?: unknown; marks?: unknown; attrs?: unknown }
        if (run.marks !== undefined && !(Array.isArray(run.marks) && run.marks.length === 0)) return undefined
        if (run.type === 'text' && typeof run.text === 'string' && run.attrs === undefined) runs.push(run.text)
        else if (run.type === 'hardBreak') runs.push(null)
        else return undefined
      }
    }
    paragraphs.push({ dir, runs })
  }
  // Empty the way tldraw's isEmptyRichText sees it: tldraw shows no label at all then.
  if (paragraphs.length === 0 || (paragraphs.length === 1 && paragraphs[0]!.runs.length === 0)) return undefined
  return paragraphs
}
