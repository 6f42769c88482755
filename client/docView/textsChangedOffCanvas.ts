import type * as Y from 'yjs'

/**
 * Notes whose text this page changed without a canvas (list or phone view): their height on the
 * canvas (tldraw's `growY`) is still the one of their old text, since only tldraw can measure a
 * note's text and these views do without it. The canvas measures them when it opens next
 * (client/canvas/noteHeights.ts); any other page's open canvas measures them as they arrive.
 * Kept per document, for this page only: a handful of ids, nothing to store.
 */
const changed = new WeakMap<Y.Doc, Set<string>>()

export function rememberTextChangedOffCanvas(doc: Y.Doc, noteId: string): void {
  let ids = changed.get(doc)
  if (!ids) changed.set(doc, (ids = new Set()))
  ids.add(noteId)
}

/** The notes remembered for `doc`, forgotten as they are handed out. */
export function takeTextsChangedOffCanvas(doc: Y.Doc): string[] {
  const ids = [...(changed.get(doc) ?? [])]
  changed.delete(doc)
  return ids
}
