import { computed, type Editor, type TLShape } from 'tldraw'
import type { Actor } from '../../shared/permissions/updatePolicy.ts'
import { keepNoteOnBoard, type BoardLookup } from './noteOnBoard.ts'
import { readNoteMeta } from '../../shared/workshop/recordMeta.ts'
import { pageBoards } from './pageBoards.ts'

/** Boards, their headers and clusters: the workshop's structure, which only moderators may change. */
function isStructure(shape: TLShape): boolean {
  const kind = (shape.meta as { kind?: unknown }).kind
  return kind === 'board' || kind === 'boardHeader' || kind === 'cluster'
}

/**
 * Canvas rules applied as tldraw side effects, so refused interactions never happen instead of
 * being undone: notes stay on boards; participants leave the structure and others' notes alone.
 * (The Yjs binding's guard and the server's gate still check everything that goes out.)
 */
export function registerBoardRules(editor: Editor, actor: Actor): () => void {
  const $boards = computed('pinnwand boards', () => pageBoards(editor))
  const lookup: BoardLookup = {
    get: (id) => editor.store.get(id as TLShape['id']),
    get boards() {
      return $boards.get()
    },
    indexAbove: (parentId) => editor.getHighestIndexForParent(parentId),
  }
  const isModerator = actor.role === 'moderator'
  const isOthersNote = (shape: TLShape) => {
    const meta = shape.type === 'note' ? readNoteMeta(shape.meta) : undefined
    return meta !== undefined && meta.authorId !== actor.participantId
  }

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
  return () => {
    stopChange()
    stopDelete()
  }
}
