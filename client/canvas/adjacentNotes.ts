import { atom, type Atom, type Editor, type TLShape } from 'tldraw'
import { authorNoteColor } from '../../shared/workshop/authorColor.ts'
import { readNoteMeta, type Author } from '../../shared/workshop/recordMeta.ts'
import { newNoteMeta } from '../../shared/workshop/workshopRecords.ts'
import { boardAround } from './pageBoards.ts'

/**
 * Per editor, on which boards its person may post a note now; see {@link registerAdjacentNotes}.
 * An atom: tldraw caches a note's handles until something they were computed from changes.
 */
const addRules = new WeakMap<Editor, Atom<(boardId: string) => boolean>>()

/**
 * Whether the note's "+" handles (tldraw's clone handles) are offered at `editor`: only to whom
 * may post a note on the note's board right now. Nobody else's click on them could be anything
 * but refused ("Nicht möglich"), e.g. a participant grabbing her selected note by its top edge
 * while clustering. No rules registered (yet): none.
 */
export function mayAddNoteBeside(editor: Editor, note: TLShape): boolean {
  const mayAddTo = addRules.get(editor)?.get()
  if (!mayAddTo) return false
  const board = boardAround(editor, note)
  return board !== undefined && mayAddTo(board.id)
}

/** The boards the person at `editor` may post on changed (phase, lock, hidden mode): handles follow. */
export function updateNoteAdding(editor: Editor, author: () => Author | null, mayAddTo: (boardId: string) => boolean): void {
  addRules.get(editor)?.set(addRule(author, mayAddTo))
}

function addRule(author: () => Author | null, mayAddTo: (boardId: string) => boolean) {
  return (boardId: string) => author() !== null && mayAddTo(boardId)
}

/**
 * Notes tldraw makes by itself beside a note — its "+" handles, and Tab or Ctrl+Enter while
 * typing in a note (tldraw's getNoteShapeForAdjacentPosition) — are this person's notes.
 * tldraw copies the props of the note it starts from, not its meta, so such a note had no author
 * and was no note to Pinnwand: a participant's canvas refused it ("Teilnehmende können nur
 * Karten schreiben"), a moderator's sent a note nobody wrote. Now it gets what "+ Karte" gives a
 * note (newNoteMeta: author, creation time; the author's colour); the gate judges it as any
 * new note. A copy with someone's meta (duplicating) is left alone here (duplicatedNotes.ts).
 */
export function registerAdjacentNotes(editor: Editor, author: () => Author | null, mayAddTo: (boardId: string) => boolean): () => void {
  addRules.set(editor, atom('pinnwand note adding', addRule(author, mayAddTo)))
  const stop = editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
    if (source !== 'user' || shape.type !== 'note' || readNoteMeta(shape.meta) !== undefined) return shape
    const by = author()
    if (!by) return shape
    return { ...shape, meta: newNoteMeta(by), props: { ...shape.props, color: authorNoteColor(by.authorId) } } as typeof shape
  })
  return () => {
    addRules.delete(editor)
    stop()
  }
}
