import { startEditingShapeWithRichText, type Editor, type NoteShapeUtil, type TLShape, type TLShapeId } from 'tldraw'
import type { Author } from '../../shared/workshop/recordMeta.ts'
import { recordSize } from '../../shared/workshop/recordSize.ts'
import { buildNoteRecord, freeNotePosition, type BoardShape } from '../../shared/workshop/workshopRecords.ts'
import { pageBoards, zoomToBoardOf } from './pageBoards.ts'

/** Below this zoom a note's text is too small to write in; posting zooms onto the board. */
const WRITING_ZOOM = 0.6

/**
 * Posts an empty note on `board` (shared/workshop builds it: free slot, author, colour) and
 * puts it into edit mode, so typing goes straight into it.
 */
export function addNoteToBoard(editor: Editor, board: BoardShape, author: Author): void {
  const note = buildNoteRecord({ board, author, text: '', siblings: shapesOn(editor, board) })
  editor.markHistoryStoppingPoint('add note')
  editor.createShape(note)
  editor.select(note.id)
  if (editor.getZoomLevel() < WRITING_ZOOM) {
    zoomToBoardOf(editor, board.id, 200)
  }
  startEditingShapeWithRichText(editor, note.id)
}

/**
 * Posts one note per text on `board`, each on a slot free for all of it, and selects them: what a
 * participant pastes becomes their notes. Returns the new notes' ids.
 *
 * Each note is sized for its text first, by tldraw's own measurement (what creating it does
 * anyway): placed at an empty note's size, a long pasted text reached down over the notes below.
 */
export function postNotesWithTexts(editor: Editor, board: BoardShape, author: Author, texts: readonly string[]): TLShapeId[] {
  const siblings: TLShape[] = shapesOn(editor, board)
  const util = editor.getShapeUtil<NoteShapeUtil>('note')
  const notes = texts.map((text) => {
    const draft = buildNoteRecord({ board, author, text, siblings })
    const sized = util.onBeforeCreate(draft) ?? draft
    const note = { ...sized, ...freeNotePosition(board, siblings, recordSize(sized)) }
    siblings.push(note)
    return note
  })
  if (notes.length === 0) return []
  editor.markHistoryStoppingPoint('paste notes')
  editor.createShapes(notes)
  editor.select(...notes.map((note) => note.id))
  return notes.map((note) => note.id)
}

function shapesOn(editor: Editor, board: BoardShape): TLShape[] {
  return editor
    .getSortedChildIdsForParent(board.id)
    .map((id) => editor.getShape(id))
    .filter((shape): shape is TLShape => shape !== undefined)
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
