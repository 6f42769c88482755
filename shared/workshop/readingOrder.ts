import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { recordSize } from './recordSize.ts'
import { isBoard } from './workshopRecords.ts'

/**
 * The order in which a person reads shapes pinned on a board: rows from top to bottom, left to
 * right within a row. Notes are placed by hand, so a row is never a straight line: a shape
 * belongs to the row of the topmost shape not yet in a row (its anchor) when its top edge is
 * less than half the anchor's height below the anchor's top, i.e. it sits mostly beside the
 * anchor, not under it. Measuring from the anchor (not from the previous shape) keeps a
 * staircase of notes from becoming one endless row.
 */

/** Top-left corner relative to the shape's board (or the page, for a shape on no board), and height. */
export interface ReadingPlace {
  x: number
  y: number
  h: number
}

/**
 * A shape's place for reading order: its corner relative to the board it sits on, through any
 * clusters between (a nested cluster's notes are relative to that cluster on the canvas), and
 * its height as drawn. Rotation is ignored: notes and clusters on a board are not rotated.
 */
export function readingPlaceOnBoard(shape: TLShape, byId: ReadonlyMap<string, TLRecord>): ReadingPlace {
  let x = shape.x
  let y = shape.y
  // A step limit rather than a set of seen ids guards against a parent cycle (the gate never lets
  // one in): this runs for every note of an export.
  let steps = 0
  for (let parent = byId.get(shape.parentId); parent && parent.typeName === 'shape' && !isBoard(parent) && steps++ < byId.size; ) {
    x += parent.x
    y += parent.y
    parent = byId.get(parent.parentId)
  }
  return { x, y, h: recordSize(shape).h }
}

/**
 * `items` in reading order of their places (see above). `tieBreak` orders items at the same
 * place (a pile of notes), so the result never depends on the input order.
 */
export function inReadingOrder<T>(items: readonly T[], placeOf: (item: T) => ReadingPlace, tieBreak: (a: T, b: T) => number): T[] {
  const placed = items.map((item) => ({ item, place: placeOf(item) }))
  placed.sort((a, b) => a.place.y - b.place.y || a.place.x - b.place.x || tieBreak(a.item, b.item))
  const ordered: T[] = []
  for (let start = 0; start < placed.length; ) {
    const anchor = placed[start]!.place
    let end = start + 1
    while (end < placed.length && placed[end]!.place.y < anchor.y + anchor.h / 2) end++
    const row = placed.slice(start, end).sort((a, b) => a.place.x - b.place.x || a.place.y - b.place.y || tieBreak(a.item, b.item))
    for (const { item } of row) ordered.push(item)
    start = end
  }
  return ordered
}
