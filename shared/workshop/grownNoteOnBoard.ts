import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { BOARD_HEADER_HEIGHT, BOARD_PADDING, NOTE_COLUMNS, NOTE_GAP, NOTE_SIZE, noteSlotPosition, noteTopOnBoard, rectsOverlap, type Rect } from './boardLayout.ts'
import type { Point, Size } from './clusterLayout.ts'
import { recordSize, type SizeOf } from './recordSize.ts'
import { boardOccupancy, freeNotePosition, type BoardShape } from './workshopRecords.ts'

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
 * (uncoveredNotePosition below finds a spot by the same rules for a note a cluster covers.)
 * `siblings` may hold any records; only the board's other children count.
 */
export function grownNotePosition(
  board: BoardShape,
  note: TLShape,
  size: Size,
  siblings: readonly TLRecord[],
  sizeOf: SizeOf = recordSize,
): Point {
  const room = boardRoom(board, note, size, siblings, sizeOf)
  const { others, clear, coversNothing } = room
  const here = { x: note.x, y: note.y }
  if (clear(here)) return here
  const up = { x: note.x, y: noteTopOnBoard(note.y, size.h, board.props) }
  if (clear(up)) return up
  const column = board.props.h - BOARD_PADDING - BOARD_HEADER_HEIGHT
  for (const h of column > size.h ? [column, size.h] : [size.h]) {
    const slot = freeNotePosition(board, others, { w: size.w, h }, sizeOf)
    if (clear(slot, h)) return slot
  }
  // As high as it goes between `up` and where it is: a gap below what lies above it.
  const highest = spotsBelowOthers(board, note, size, room)
    .filter((spot) => spot.x === note.x && spot.y >= up.y && spot.y <= note.y)
    .concat(coversNothing(here) ? [here] : [])
    .sort((a, b) => a.y - b.y)[0]
  return highest ?? up
}

/**
 * Where a loose note that a cluster covers goes (clusterGrowthOnBoard's notesOffClusters), so
 * that no cluster's frame hides it: the first free slot for its size (`freeNotePosition`) when
 * that covers nothing; else a spot below what lies on the board (in its own column first) that
 * holds all of it and covers nothing; else that slot when it is clear of every cluster (a full
 * board piles its notes onto each other, each showing its edge); else (a long note on a crowded
 * board, whose slot lay under the new cluster's frame again) the highest spot, in its own column
 * first, where it covers nothing and its head stays on the board, though its end reaches past the
 * board's bottom edge. With no such spot either, that slot.
 */
export function uncoveredNotePosition(
  board: BoardShape,
  note: TLShape,
  size: Size,
  siblings: readonly TLRecord[],
  sizeOf: SizeOf = recordSize,
): Point {
  const room = boardRoom(board, note, size, siblings, sizeOf)
  const { others, clear, clusters } = room
  const slot = freeNotePosition(board, others, size, sizeOf)
  if (clear(slot)) return slot
  const spots = inColumnOrder(note, spotsBelowOthers(board, note, size, room))
  const whole = spots.find((spot) => clear(spot))
  if (whole) return whole
  // A full board piles its notes (they overlap by design, each showing its edge); under a cluster's frame nothing shows.
  const onBoard = slot.y + Math.min(size.h, board.props.h - BOARD_PADDING - BOARD_HEADER_HEIGHT) <= board.props.h
  if (onBoard && !clusters.some((area) => rectsOverlap(area, { ...slot, ...size }))) return slot
  return spots[0] ?? slot
}

/** Spots in the note's own column first, then by column, each column from the top. */
function inColumnOrder(note: TLShape, spots: readonly Point[]): Point[] {
  return [...spots].sort((a, b) => Number(b.x === note.x) - Number(a.x === note.x) || a.x - b.x || a.y - b.y)
}

type BoardRoom = ReturnType<typeof boardRoom>

/** The board's other children as areas a note must not cover, and checks of a spot for `note` at `size`. */
function boardRoom(board: BoardShape, note: TLShape, size: Size, siblings: readonly TLRecord[], sizeOf: SizeOf) {
  const others = siblings.filter((record): record is TLShape => record.typeName === 'shape' && record.parentId === board.id && record.id !== note.id)
  const { notes, covered: clusters } = boardOccupancy(board, others, sizeOf)
  const taken: Rect[] = [...clusters, ...notes]
  const bottom = board.props.h - BOARD_PADDING
  const coversNothing = (spot: Point, h = size.h) => !taken.some((area) => rectsOverlap(area, { ...spot, w: size.w, h }))
  const clear = (spot: Point, h = size.h) => spot.y + h <= bottom && spot.x + size.w <= board.props.w && coversNothing(spot, h)
  return { others, taken, clusters, coversNothing, clear }
}

/**
 * Spots for `note` in its own column and the board's slot columns that cover nothing and keep its
 * head (the square at its top) on the board: at the first row, or a gap below something on the
 * board. Its end may reach past the board's bottom edge.
 */
function spotsBelowOthers(board: BoardShape, note: TLShape, size: Size, { taken, coversNothing }: BoardRoom): Point[] {
  const head = Math.min(size.w, size.h, NOTE_SIZE)
  const ys = [BOARD_HEADER_HEIGHT, ...taken.map((area) => area.y + area.h + NOTE_GAP)].filter(
    (y) => y >= BOARD_HEADER_HEIGHT && y + head <= board.props.h - BOARD_PADDING,
  )
  const xs = new Set([note.x, ...Array.from({ length: NOTE_COLUMNS }, (_, column) => noteSlotPosition(column).x)])
  return [...xs].flatMap((x) => ys.map((y) => ({ x, y }))).filter((spot) => spot.x + size.w <= board.props.w && coversNothing(spot))
}
