import { startEditingShapeWithRichText, type Editor, type TLShape } from 'tldraw'
import type { Author } from '../../shared/workshop/recordMeta.ts'
import { buildNoteRecord, type BoardShape } from '../../shared/workshop/workshopRecords.ts'
import { pageBoards } from './pageBoards.ts'

/** Below this zoom a note's text is too small to write in; posting zooms onto the board. */
const WRITING_ZOOM = 0.6

/**
 * Posts an empty note on `board` (shared/workshop builds it: free slot, author, colour) and
 * puts it into edit mode, so typing goes straight into it.
 */
export function addNoteToBoard(editor: Editor, board: BoardShape, author: Author): void {
  const siblings = editor
    .getSortedChildIdsForParent(board.id)
    .map((id) => editor.getShape(id))
    .filter((shape): shape is TLShape => shape !== undefined)
  const note = buildNoteRecord({ board, author, text: '', siblings })
  editor.markHistoryStoppingPoint('add note')
  editor.createShape(note)
  editor.select(note.id)
  if (editor.getZoomLevel() < WRITING_ZOOM) {
    const bounds = editor.getShapePageBounds(board.id)
    if (bounds) editor.zoomToBounds(bounds, { inset: 48, animation: { duration: 200 } })
  }
  startEditingShapeWithRichText(editor, note.id)
}

/**
 * The board under the middle of the view (or the nearest one, when the middle falls between
 * boards), for the keyboard shortcut.
 */
export function boardAtViewportCentre(editor: Editor): BoardShape | undefined {
  const centre = editor.getViewportPageBounds().center
  const distance = (board: BoardShape) => {
    const dx = Math.max(board.x - centre.x, 0, centre.x - (board.x + board.props.w))
    const dy = Math.max(board.y - centre.y, 0, centre.y - (board.y + board.props.h))
    return Math.hypot(dx, dy)
  }
  let nearest: BoardShape | undefined
  for (const board of pageBoards(editor))
    if (!nearest || distance(board) < distance(nearest)) nearest = board
  return nearest
}
