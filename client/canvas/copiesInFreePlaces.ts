import type { Editor, TLShape, TLShapeId, TLUiOverrides } from 'tldraw'
import { placesForCopies } from '../../shared/workshop/copyPlacement.ts'
import { isBoard } from '../../shared/workshop/workshopRecords.ts'

/**
 * Moves the copies `copyIds` just made (tldraw's duplicate, a moderator's paste) to free places on
 * their boards (placesForCopies): tldraw put a duplicate a fixed distance beside its original,
 * onto the next note of a row, and a paste over the note in the middle of the board. Copies not
 * lying directly on a board (in a cluster) stay where tldraw put them. Called in the same step as
 * the copy, so one undo takes both back.
 */
export function placeCopiesFreely(editor: Editor, copyIds: readonly TLShapeId[]): void {
  const byBoard = new Map<TLShapeId, TLShape[]>()
  for (const id of copyIds) {
    const copy = editor.getShape(id)
    if (!copy) continue
    const parent = editor.getShape(copy.parentId as TLShapeId)
    if (!parent || !isBoard(parent)) continue
    byBoard.set(parent.id, [...(byBoard.get(parent.id) ?? []), copy])
  }
  for (const [boardId, copies] of byBoard) {
    const board = editor.getShape(boardId)
    if (!board || !isBoard(board)) continue
    const siblings = editor.getSortedChildIdsForParent(boardId).flatMap((id) => editor.getShape(id) ?? [])
    const places = placesForCopies(board, siblings, copies)
    editor.updateShapes([...places].map(([id, place]) => ({ id, type: editor.getShape(id)!.type, ...place })))
  }
}

/**
 * Runs `copy`, then moves what it made to free places ({@link placeCopiesFreely}): the selection
 * after it, when it is new (a copy that did not happen leaves the originals selected, and they stay).
 */
export function thenPlaceCopiesFreely(editor: Editor, copy: () => void): void {
  const before = new Set(editor.getSelectedShapeIds())
  copy()
  const after = editor.getSelectedShapeIds()
  if (after.length === 0 || after.some((id) => before.has(id))) return
  placeCopiesFreely(editor, after)
  // As tldraw does for a duplicate beside its original: copies moved out of view are brought into it.
  const copies = editor.getSelectionPageBounds()
  if (copies && !editor.getViewportPageBounds().contains(copies)) editor.centerOnPoint(copies.center, { animation: { duration: editor.options.animationMediumMs } })
}

/** tldraw's "duplicate" (Ctrl+D, the menu's "Duplizieren") with its copies in free places; Alt+drag stays where the person drops it. */
export const duplicateIntoFreePlaces: NonNullable<TLUiOverrides['actions']> = (editor, actions) => {
  const duplicate = actions['duplicate']
  if (duplicate) actions['duplicate'] = { ...duplicate, onSelect: (source) => thenPlaceCopiesFreely(editor, () => duplicate.onSelect(source)) }
  return actions
}
