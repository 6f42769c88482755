import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { BOARD_HEADER_HEIGHT, BOARD_PADDING, NOTE_GAP, noteTopOnBoard, rectsOverlap, type Rect } from './boardLayout.ts'
import { clusterArea, type Point, type Size } from './clusterLayout.ts'
import { recordSize, type SizeOf } from './recordSize.ts'
import { freeNotePosition, isCluster, type BoardShape } from './workshopRecords.ts'

/**
 * Where a loose note of `board` goes once its text made it `size` (board-relative), so that it
 * covers no other note or cluster of the board and stays on it, in this order:
 * - where it is, while all of it fits there: typing does not move it;
 * - moved up as far as the board's bottom edge asks (`noteTopOnBoard`), when that covers nothing;
 * - the first free slot whose column has room down to the board's bottom edge, so that further
 *   typing grows it there and it does not jump from slot to slot, line by line; else the first
 *   free slot with room for its size now;
 * - with no room for all of it anywhere: as high as it goes covering nothing, even if its end
 *   then reaches past the board's bottom edge (moved up over the note above, it hid that note,
 *   someone else's answer, almost whole);
 * - covering something wherever it goes (a full board piles notes anyway): moved up within the board.
 * `siblings` may hold any records; only the board's other children count.
 */
export function grownNotePosition(
  board: BoardShape,
  note: TLShape,
  size: Size,
  siblings: readonly TLRecord[],
  sizeOf: SizeOf = recordSize,
): Point {
  const others = siblings.filter((record): record is TLShape => record.typeName === 'shape' && record.parentId === board.id && record.id !== note.id)
  const taken: Rect[] = others.flatMap((shape) =>
    isCluster(shape) ? [clusterArea(shape)] : shape.type === 'note' ? [{ x: shape.x, y: shape.y, ...sizeOf(shape) }] : [],
  )
  const bottom = board.props.h - BOARD_PADDING
  const coversNothing = (spot: Point, h = size.h) => !taken.some((area) => rectsOverlap(area, { ...spot, w: size.w, h }))
  const clear = (spot: Point, h = size.h) => spot.y + h <= bottom && spot.x + size.w <= board.props.w && coversNothing(spot, h)

  const here = { x: note.x, y: note.y }
  if (clear(here)) return here
  const up = { x: note.x, y: noteTopOnBoard(note.y, size.h, board.props) }
  if (clear(up)) return up
  const column = bottom - BOARD_HEADER_HEIGHT
  for (const h of column > size.h ? [column, size.h] : [size.h]) {
    const slot = freeNotePosition(board, others, { w: size.w, h }, sizeOf)
    if (clear(slot, h)) return slot
  }
  // As high as it goes between `up` and where it is: a gap below what lies above it.
  const highest = [up.y, note.y, ...taken.map((area) => area.y + area.h + NOTE_GAP)]
    .filter((y) => y >= up.y && y <= note.y)
    .sort((a, b) => a - b)
    .find((y) => coversNothing({ x: note.x, y }))
  return highest === undefined ? up : { x: note.x, y: highest }
}
