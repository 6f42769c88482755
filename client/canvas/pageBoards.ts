import type { Editor, TLShape, TLShapeId } from 'tldraw'
import { boardsInOrder, isBoard, type BoardShape } from '../../shared/workshop/workshopRecords.ts'
import { BOARD_INSET } from './boardsCamera.ts'

/**
 * The boards in question order. Boards lie on the page itself, so only the page's own children
 * are looked at (a handful), not every note: overlays that follow the boards re-read them in
 * every frame of a pan and after every change to any note.
 */
export function pageBoards(editor: Editor): BoardShape[] {
  const children = editor.getSortedChildIdsForParent(editor.getCurrentPageId())
  return boardsInOrder(children.map((id) => editor.getShape(id)).filter((shape) => shape !== undefined))
}

/** The board a shape lies on (through any clusters), or undefined for a shape on no board. */
export function boardAround(editor: Editor, shape: TLShape): BoardShape | undefined {
  return editor.findShapeAncestor(shape, (ancestor) => isBoard(ancestor)) as BoardShape | undefined
}

/** Zooms, animated, to the board of a shape (the board itself, or the shape where it lies on none). */
export function zoomToBoardOf(editor: Editor, id: TLShapeId, durationMs: number): void {
  const shape = editor.getShape(id)
  if (!shape) return
  const bounds = editor.getShapePageBounds(isBoard(shape) ? shape : (boardAround(editor, shape) ?? shape))
  if (bounds) editor.zoomToBounds(bounds, { inset: BOARD_INSET, animation: { duration: durationMs } })
}
