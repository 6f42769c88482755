import { computed, toRichText, type Editor, type TLNoteShape, type TLShape } from 'tldraw'
import type { Actor } from '../../shared/permissions/updatePolicy.ts'
import { richTextToPlain } from '../../shared/text/richTextToPlain.ts'
import { keepNoteOnBoard, type BoardLookup } from './noteOnBoard.ts'
import { readNoteMeta } from '../../shared/workshop/recordMeta.ts'
import { pageBoards } from './pageBoards.ts'

/** Boards, their headers and clusters: the workshop's structure, which only moderators may change. */
function isStructure(shape: TLShape): boolean {
  const kind = (shape.meta as { kind?: unknown }).kind
  return kind === 'board' || kind === 'boardHeader' || kind === 'cluster'
}

/** A text other than the note's, to ask whether its text may change. */
function otherText(note: TLNoteShape): string {
  return richTextToPlain(note.props.richText) === '·' ? '··' : '·'
}

/** Per editor, whether its person may edit a shape's text; registered by {@link registerBoardRules}. */
const editRules = new WeakMap<Editor, (shape: TLShape) => boolean>()

/**
 * Whether the person at `editor` may start editing `shape`'s text (a note, a cluster's name), for
 * the shape utils' `canEdit`: tldraw then never opens a text editor whose typing would be undone.
 * No rules registered (yet): no editing.
 */
export function mayEditText(editor: Editor, shape: TLShape): boolean {
  return editRules.get(editor)?.(shape) ?? false
}

/**
 * Canvas rules applied as tldraw side effects, so refused interactions never happen instead of
 * being undone: notes stay on boards; participants leave the structure and others' notes alone,
 * and open their own for typing only where the rules let the text change (`mayWrite`: would the
 * gate take this record now). (The Yjs binding's guard and the server's gate still check
 * everything that goes out.)
 */
export function registerBoardRules(editor: Editor, actor: Actor, mayWrite: (record: TLShape) => boolean): () => void {
  const $boards = computed('pinnwand boards', () => pageBoards(editor))
  const lookup: BoardLookup = {
    get: (id) => editor.store.get(id as TLShape['id']),
    get boards() {
      return $boards.get()
    },
    indexAbove: (parentId) => editor.getHighestIndexForParent(parentId),
    childrenOf: (parentId) => editor.getSortedChildIdsForParent(parentId).map((id) => editor.getShape(id)!),
  }
  const isModerator = actor.role === 'moderator'
  const isOthersNote = (shape: TLShape) => {
    const meta = shape.type === 'note' ? readNoteMeta(shape.meta) : undefined
    return meta !== undefined && meta.authorId !== actor.participantId
  }

  // A hidden note's card is a placeholder (its text is on the server): nobody types into it.
  const isSealed = (shape: TLShape) => shape.type === 'note' && readNoteMeta(shape.meta)?.sealed === true
  // Nor into a note whose text the phase or a lock keeps as it is (clustering, voting): the text
  // editor opened, and all she typed was refused when she was done, "nicht gesendet".
  const textMayChange = (shape: TLShape) =>
    shape.type !== 'note' || mayWrite({ ...shape, props: { ...shape.props, richText: toRichText(otherText(shape as TLNoteShape)) } } as TLShape)
  editRules.set(editor, (shape) => !isSealed(shape) && (isModerator || (!(isStructure(shape) || isOthersNote(shape)) && textMayChange(shape))))

  const stopChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user') return next
    if (!isModerator && (isStructure(prev) || isOthersNote(prev))) return prev
    if (prev.type === 'note' && next.type === 'note') return keepNoteOnBoard(prev, next, lookup)
    return next
  })
  const stopDelete = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
    if (source !== 'user' || isModerator) return
    if (isStructure(shape) || isOthersNote(shape)) return false
  })
  // A card left empty is no card (on paper nobody pins a blank one): when editing ends on one's
  // own note without text, e.g. "+ Karte" and then Escape, the note goes.
  // Checked once the change is done, after a held change of the note is settled (refusedEdits.ts):
  // text the server cannot take leaves the card as the document has it, maybe empty.
  const stopEmpty = editor.sideEffects.registerAfterChangeHandler('instance_page_state', (prev, next, source) => {
    const ended = prev.editingShapeId
    if (source !== 'user' || !ended || ended === next.editingShapeId) return
    queueMicrotask(() => {
      const shape = editor.getShape(ended)
      if (!shape || !editor.isShapeOfType<TLNoteShape>(shape, 'note') || isOthersNote(shape) || isSealed(shape)) return
      if (editor.getEditingShapeId() !== shape.id && richTextToPlain(shape.props.richText).trim() === '') editor.deleteShapes([shape.id])
    })
  })
  return () => {
    editRules.delete(editor)
    stopChange()
    stopDelete()
    stopEmpty()
  }
}
