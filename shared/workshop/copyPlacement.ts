import type { TLRecord, TLShape, TLShapeId } from '@tldraw/tlschema'
import { BOARD_HEADER_HEIGHT, BOARD_PADDING, NOTE_GAP, NOTE_SIZE, NOTE_SLOTS_PER_LAYER, firstFreeNoteSlot, noteSlotPosition, rectsOverlap, type Rect } from './boardLayout.ts'
import { clusterArea, type Point, type Size } from './clusterLayout.ts'
import { recordSize, type SizeOf } from './recordSize.ts'
import { boardOccupancy, freeNotePosition, isCluster, type BoardShape } from './workshopRecords.ts'

/** Steps of the search for a free area for a copied cluster: half a note slot, so the grid's slots are among them. */
const CLUSTER_SEARCH_STEP = (NOTE_SIZE + NOTE_GAP) / 2

/**
 * Where copies (Ctrl+D, a moderator's paste) go on `board` (positions relative to it), so that
 * each covers nothing: tldraw puts a duplicate a fixed distance beside its original (onto the
 * next note of a row, 4 px from it) and a paste onto the middle of the board (over whatever lies
 * there). `copies` are the copies' root shapes on the board, `siblings` what lies on the board,
 * the copies too (they count where they already went, not where tldraw put them).
 *
 * A note goes to the board's first free slot for its real size (freeNotePosition, the slot rule
 * of posting). A cluster goes to the first free area of its size, its name's room included: the
 * first free grid slot (firstFreeNoteSlot, with the cluster as the size), else the first free
 * place in half-slot steps; where the board has no such room it stays where tldraw put it. Each
 * copy counts for the next, so copies made at once never share a place. Other shapes are left
 * where they are. Notes inside a copied cluster move with it, in their layout.
 */
export function placesForCopies(
  board: BoardShape,
  siblings: readonly TLRecord[],
  copies: readonly TLShape[],
  sizeOf: SizeOf = recordSize,
): Map<TLShapeId, Point> {
  const copyIds = new Set(copies.map((copy) => copy.id))
  // What lies on the board for the next copy: the originals and the copies already placed.
  let lying: TLRecord[] = siblings.filter((record) => !copyIds.has(record.id as TLShapeId))
  const places = new Map<TLShapeId, Point>()
  for (const copy of copies) {
    const place = copy.type === 'note' ? freeNotePosition(board, lying, sizeOf(copy), sizeOf) : isCluster(copy) ? freeClusterPosition(board, lying, copy, sizeOf) : undefined
    if (!place) continue
    places.set(copy.id, place)
    lying = [...lying, { ...copy, ...place }]
  }
  return places
}

/** The first free place on `board` for `cluster` (its frame's position), or undefined when there is none. */
function freeClusterPosition(board: BoardShape, lying: readonly TLRecord[], cluster: TLShape & { props: Size }, sizeOf: SizeOf): Point | undefined {
  const area = clusterArea(cluster)
  // From the area's corner to the frame's: the room for the name lies above the frame.
  const toFrame = { x: cluster.x - area.x, y: cluster.y - area.y }
  const occupancy = boardOccupancy(board, lying, sizeOf)
  const { notes, covered } = occupancy
  // Within the board's padding, as the grid of notes is.
  const room = { w: board.props.w - BOARD_PADDING, h: board.props.h - BOARD_PADDING }
  const isFree = (corner: Point) => {
    const at: Rect = { ...corner, w: area.w, h: area.h }
    return at.x + at.w <= room.w && at.y + at.h <= room.h && ![...notes, ...covered].some((rect) => rectsOverlap(rect, at))
  }
  const candidates: Point[] = []
  const slot = firstFreeNoteSlot(occupancy, area)
  if (slot < NOTE_SLOTS_PER_LAYER) candidates.push(noteSlotPosition(slot))
  for (let y = BOARD_HEADER_HEIGHT; y + area.h <= room.h; y += CLUSTER_SEARCH_STEP)
    for (let x = BOARD_PADDING; x + area.w <= room.w; x += CLUSTER_SEARCH_STEP) candidates.push({ x, y })
  const corner = candidates.find(isFree)
  return corner && { x: corner.x + toFrame.x, y: corner.y + toFrame.y }
}
