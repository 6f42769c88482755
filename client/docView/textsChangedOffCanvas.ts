import type * as Y from 'yjs'

/**
 * Notes whose text this page changed without a canvas (list or phone view): their height on the
 * canvas (tldraw's `growY`) is still the one of their old text, since only tldraw can measure a
 * note's text and these views do without it. The canvas measures them when it opens next
 * (client/canvas/noteHeights.ts); any other page's open canvas measures them as they arrive.
 * Kept per document, for this page only: a handful of ids, nothing to store.
 */
export interface TextChangedOffCanvas {
  noteId: string
  /** Posted so: it lies in a slot free for an empty note, and goes where all of it fits once measured. */
  posted: boolean
}

const changed = new WeakMap<Y.Doc, Map<string, boolean>>()

export function rememberTextChangedOffCanvas(doc: Y.Doc, noteId: string, posted = false): void {
  let notes = changed.get(doc)
  if (!notes) changed.set(doc, (notes = new Map()))
  notes.set(noteId, posted || notes.get(noteId) === true)
}

/** The notes remembered for `doc`, forgotten as they are handed out. */
export function takeTextsChangedOffCanvas(doc: Y.Doc): TextChangedOffCanvas[] {
  const notes = [...(changed.get(doc) ?? [])].map(([noteId, posted]) => ({ noteId, posted }))
  changed.delete(doc)
  return notes
}
