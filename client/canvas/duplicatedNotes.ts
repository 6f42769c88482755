import type { Editor, TLNoteShape } from 'tldraw'
import { authorNoteColor } from '../../shared/workshop/authorColor.ts'
import { readNoteMeta, type Author } from '../../shared/workshop/recordMeta.ts'
import { newNoteMeta } from '../../shared/workshop/workshopRecords.ts'

/** Per editor, who writes there (null: nobody, e.g. the Beamer); see {@link registerDuplicatedNotes}. */
const authors = new WeakMap<Editor, () => Author | null>()

/**
 * A note duplicated on the canvas (Ctrl+D, the menu's "Duplizieren", Alt+drag, a duplicated
 * cluster's notes) or pasted by a moderator (Ctrl+C, Ctrl+V: tldraw's paste calls onBeforeDuplicate
 * for every pasted shape, a pasted cluster's notes too) is a new note of the person who made the copy. tldraw copies the whole note,
 * meta too, so a moderator's copy of Anna's note showed "Anna" and counted as hers in the export,
 * though Anna never wrote it. It gets what "+ Karte" gives a note (newNoteMeta: author, creation
 * time; the author's colour), as a note tldraw makes beside one does (adjacentNotes.ts); the gate
 * judges it as any new note. Returns the function that forgets the editor.
 */
export function registerDuplicatedNotes(editor: Editor, author: () => Author | null): () => void {
  authors.set(editor, author)
  return () => authors.delete(editor)
}

/** `copy`, the duplicate of a note at `editor` (AuthoredNoteShapeUtil's onBeforeDuplicate), as the duplicating person's note. */
export function asDuplicatorsNote(editor: Editor, copy: TLNoteShape): TLNoteShape {
  const by = authors.get(editor)?.()
  // Not a Pinnwand note (no author to replace), or nobody to write it: as tldraw made it.
  if (!by || readNoteMeta(copy.meta) === undefined) return copy
  return { ...copy, meta: newNoteMeta(by), props: { ...copy.props, color: authorNoteColor(by.authorId) } }
}
