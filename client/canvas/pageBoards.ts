import type { Editor, TLShape } from 'tldraw'
import { boardsInOrder, isBoard, type BoardShape } from '../../shared/workshop/workshopRecords.ts'

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
