import type { TLNoteShape, TLRecord, TLShape, TLShapeId } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { grownNotePosition } from '../../shared/workshop/grownNoteOnBoard.ts'
import { recordSize } from '../../shared/workshop/recordSize.ts'
import { isBoard, isCluster, type BoardShape } from '../../shared/workshop/workshopRecords.ts'

export interface BoardLookup {
  get: (id: string) => TLRecord | undefined
  boards: readonly BoardShape[]
  /** A fractional index above the children of `parentId`. */
  indexAbove: (parentId: TLShapeId) => IndexKey
  /** The shapes whose parent is `parentId`. */
  childrenOf: (parentId: TLShapeId) => readonly TLShape[]
}

/** Page position of a shape's origin, summing its parents' offsets (boards and clusters are never rotated). */
function pagePosition(shape: { x: number; y: number; parentId: string }, lookup: BoardLookup): { x: number; y: number } | undefined {
  let x = shape.x
  let y = shape.y
  let parentId = shape.parentId
  for (let depth = 0; depth < 8; depth++) {
    if (parentId.startsWith('page:')) return { x, y }
    const parent = lookup.get(parentId)
    if (!parent || parent.typeName !== 'shape') return undefined
    x += parent.x
    y += parent.y
    parentId = parent.parentId
  }
  return undefined
}

/** The board a parent id belongs to: the board itself or the board around a cluster. */
function boardOf(parentId: string, lookup: BoardLookup): BoardShape | undefined {
  const parent = lookup.get(parentId)
  if (!parent) return undefined
  if (isBoard(parent)) return parent
  if (isCluster(parent)) return boardOf(parent.parentId, lookup)
  return undefined
}

/**
 * Notes live on boards (the gate refuses a note anywhere else). Given a note as tldraw wants to
 * change it, returns what is kept: the change itself while the note's head stays on its board,
 * the note moved into another board when dragged over it, or the previous state when it would
 * leave all boards. A note that the change makes taller (its text wraps: tldraw's `growY`) is
 * kept whole on its board, clear of the other notes there (`grownNotePosition`).
 */
export function keepNoteOnBoard(prev: TLNoteShape, next: TLNoteShape, lookup: BoardLookup): TLNoteShape {
  const kept = keptWhereItGoes(prev, next, lookup)
  return kept === prev ? prev : grownWithinBoard(prev, kept, lookup)
}

/**
 * A change that does not move the note is kept as it is: text that makes a note low on its board
 * grow past the board's edge was refused here, and the pasted or typed text was silently gone
 * when typing ended.
 */
function keptWhereItGoes(prev: TLNoteShape, next: TLNoteShape, lookup: BoardLookup): TLNoteShape {
  if (prev.x === next.x && prev.y === next.y && prev.parentId === next.parentId) return next
  const origin = pagePosition(next, lookup)
  if (!origin) return next
  const head = headCentre(origin, recordSize(next))
  const target = lookup.boards.find(
    (board) => head.x >= board.x && head.x <= board.x + board.props.w && head.y >= board.y && head.y <= board.y + board.props.h,
  )
  if (!target) return prev
  if (boardOf(next.parentId, lookup)?.id === target.id) return next
  return { ...next, parentId: target.id, x: origin.x - target.x, y: origin.y - target.y, index: lookup.indexAbove(target.id) }
}

/**
 * A note on a board that typing makes taller grows downwards (tldraw's note): in the board's
 * last row it reached past the board's bottom edge, over the next board's question and its
 * "+ Karte"; moved straight up instead, it lay over the note above, hiding it. It goes where
 * `grownNotePosition` finds room (where it is while it fits, so it does not move on every
 * keystroke), in the same change as its text (one step to undo). A note in a cluster is left to
 * the cluster, which grows around it (clusterGrowth.ts).
 */
function grownWithinBoard(prev: TLNoteShape, next: TLNoteShape, lookup: BoardLookup): TLNoteShape {
  const size = recordSize(next)
  if (size.h <= recordSize(prev).h) return next
  const board = lookup.get(next.parentId)
  if (!board || !isBoard(board)) return next
  const { x, y } = grownNotePosition(board, next, size, lookup.childrenOf(board.id))
  return x === next.x && y === next.y ? next : { ...next, x, y }
}

/**
 * Centre of a note's head, the square at its top: where the note is, judged as a person sees it
 * (the text starts there) and as every move places it (slots, clusters and drags go by the top).
 * Not the centre of the whole note: a long note moved low on its board by a cluster making room
 * had its centre over the board below and was re-parented there on every client, its answer
 * then counted for the other question.
 */
function headCentre(origin: { x: number; y: number }, size: { w: number; h: number }): { x: number; y: number } {
  return { x: origin.x + size.w / 2, y: origin.y + Math.min(size.w, size.h) / 2 }
}
