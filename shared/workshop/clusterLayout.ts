import { BOARD_HEADER_HEIGHT, BOARD_PADDING, NOTE_GAP, NOTE_PILE_OFFSET, NOTE_SLOTS_PER_LAYER, noteSlotPosition, rectsOverlap, type Rect } from './boardLayout.ts'

/**
 * Geometry of clusters (frames inside a board) and of a tidied board. Pure numbers, so the
 * canvas's "Cluster bilden" and "Aufräumen" place things the same way every time and tests can
 * check the arrangement without a browser.
 */
export const CLUSTER_PADDING = 16
export const CLUSTER_GAP = 12
/** tldraw draws a frame's name above its top edge; a cluster keeps this much room free above it. */
export const CLUSTER_LABEL_SPACE = 40
export const CLUSTER_MAX_COLUMNS = 4

export interface Size {
  w: number
  h: number
}

export interface Point {
  x: number
  y: number
}

/** What a cluster takes on its board: its frame and the room for its name above it. */
export function clusterArea(cluster: Point & { props: Size }): Rect {
  return { x: cluster.x, y: cluster.y - CLUSTER_LABEL_SPACE, w: cluster.props.w, h: cluster.props.h + CLUSTER_LABEL_SPACE }
}

/** Columns of a cluster grid: a row for up to three notes, then a roughly square grid. */
export function clusterColumns(count: number): number {
  if (count <= 3) return Math.max(1, count)
  return Math.min(CLUSTER_MAX_COLUMNS, Math.ceil(Math.sqrt(count)))
}

export interface GridArrangement {
  /** Top-left corner of each item, relative to the cluster, in input order. */
  positions: Point[]
  /** The cluster's size around them. */
  size: Size
}

/**
 * Notes in a grid inside a cluster: every column as wide as the widest note, every row as tall
 * as its tallest note (a note grows with its text), with padding around.
 */
export function arrangeInGrid(items: readonly Size[], columns = clusterColumns(items.length)): GridArrangement {
  if (items.length === 0) return { positions: [], size: { w: CLUSTER_PADDING * 2, h: CLUSTER_PADDING * 2 } }
  const cellWidth = Math.max(...items.map((item) => item.w))
  const rowCount = Math.ceil(items.length / columns)
  const rowHeights = Array.from({ length: rowCount }, (_, row) =>
    Math.max(...items.slice(row * columns, (row + 1) * columns).map((item) => item.h)),
  )
  const rowTops: number[] = []
  let y = CLUSTER_PADDING
  for (const height of rowHeights) {
    rowTops.push(y)
    y += height + CLUSTER_GAP
  }
  const positions = items.map((_, index) => ({
    x: CLUSTER_PADDING + (index % columns) * (cellWidth + CLUSTER_GAP),
    y: rowTops[Math.floor(index / columns)]!,
  }))
  const usedColumns = Math.min(columns, items.length)
  return {
    positions,
    size: {
      w: CLUSTER_PADDING * 2 + usedColumns * cellWidth + (usedColumns - 1) * CLUSTER_GAP,
      h: y - CLUSTER_GAP + CLUSTER_PADDING,
    },
  }
}

export interface BoardItem extends Size {
  /** Clusters need room above them for their name. */
  labelled: boolean
}

/**
 * A tidy board: items (clusters first, then loose notes, in the order given) flow left to
 * right below the board's header and wrap into rows when the board's width is used up.
 * What would flow past the board's bottom goes to a note slot the flow left free, else piles
 * onto the items placed before it (a note onto the loose notes, when there are any), a few pixels
 * further each layer, as posted notes do on a full board (see noteSlotPosition): everything
 * stays on the board. (Flowed past it, a note lay over the next board down, and the canvas
 * moved it there: "Aufräumen" on a full board moved answers to another question.)
 * Positions are relative to the board; `contentBottom` is the height the flow needed.
 */
export function flowOnBoard(items: readonly BoardItem[], board: Size): { positions: Point[]; contentBottom: number } {
  const right = board.w - BOARD_PADDING
  const bottom = board.h - BOARD_PADDING
  const positions: Point[] = []
  let x = BOARD_PADDING
  let rowTop = BOARD_HEADER_HEIGHT
  let rowHeight = 0
  for (const item of items) {
    const above = item.labelled ? CLUSTER_LABEL_SPACE : 0
    // Wrap unless this is the first item in the row (an item wider than the board stays alone).
    if (x > BOARD_PADDING && x + item.w > right) {
      rowTop += rowHeight + NOTE_GAP
      x = BOARD_PADDING
      rowHeight = 0
    }
    positions.push({ x, y: rowTop + above })
    x += item.w + NOTE_GAP
    rowHeight = Math.max(rowHeight, above + item.h)
  }
  const contentBottom = rowTop + rowHeight + BOARD_PADDING
  const firstOverflow = positions.findIndex((position, index) => index > 0 && position.y + items[index]!.h > bottom)
  if (firstOverflow > 0) {
    // A note goes to a free note slot the flow left (beside a wide cluster, say), else it piles
    // onto the loose notes placed before it, never onto a cluster: there it lay behind the frame
    // or over its notes, hidden ("Aufräumen" made notes vanish).
    const placed = [...Array(firstOverflow).keys()]
    const looseBases = placed.filter((index) => !items[index]!.labelled)
    const taken: Rect[] = placed.map((index) => itemArea(items[index]!, positions[index]!))
    let pileIndex = 0
    for (let index = firstOverflow; index < items.length; index++) {
      const item = items[index]!
      const slot = item.labelled ? undefined : freeSlotFor(item, taken, board)
      if (slot) {
        positions[index] = slot
        taken.push({ ...slot, w: item.w, h: item.h })
        continue
      }
      const bases = !item.labelled && looseBases.length > 0 ? looseBases : placed
      const base = positions[bases[pileIndex % bases.length]!]!
      const layer = 1 + Math.floor(pileIndex / bases.length)
      positions[index] = {
        x: Math.max(BOARD_PADDING, Math.min(base.x + layer * NOTE_PILE_OFFSET, right - item.w)),
        y: Math.max(BOARD_HEADER_HEIGHT, Math.min(base.y + layer * NOTE_PILE_OFFSET, bottom - item.h)),
      }
      pileIndex++
    }
  }
  return { positions, contentBottom }
}

/** What an item placed at `position` takes on its board (a cluster also the room for its name). */
function itemArea(item: BoardItem, position: Point): Rect {
  const above = item.labelled ? CLUSTER_LABEL_SPACE : 0
  return { x: position.x, y: position.y - above, w: item.w, h: item.h + above }
}

/** The first note slot of the board's grid where `item` lies on the board clear of everything `taken`. */
function freeSlotFor(item: Size, taken: readonly Rect[], board: Size): Point | undefined {
  for (let slot = 0; slot < NOTE_SLOTS_PER_LAYER; slot++) {
    const spot = { ...noteSlotPosition(slot), w: item.w, h: item.h }
    const onBoard = spot.x + spot.w <= board.w - BOARD_PADDING && spot.y + spot.h <= board.h - BOARD_PADDING
    if (onBoard && !taken.some((area) => rectsOverlap(area, spot))) return { x: spot.x, y: spot.y }
  }
  return undefined
}

/** Where a cluster may reach on its board: below the header with room for its name, inside the padding. */
function clusterBounds(board: Size): { left: number; top: number; right: number; bottom: number } {
  return {
    left: BOARD_PADDING,
    top: BOARD_HEADER_HEIGHT + CLUSTER_LABEL_SPACE,
    right: board.w - BOARD_PADDING,
    bottom: board.h - BOARD_PADDING,
  }
}

export interface GrownCluster {
  /** The cluster's frame, relative to the board. */
  frame: Rect
  /** Each note's top-left corner relative to the grown frame, in input order. */
  positions: Point[]
}

/**
 * A cluster grown to hold all its notes, each with the cluster's padding around it: as on a
 * pinboard, where the group's outline is drawn anew around a card pinned at its edge. It only
 * grows; a cluster whose notes left keeps its size (the moderator may have left room on purpose;
 * "Aufräumen" fits every cluster to its notes). It grows no further than the board lets it
 * (below the header with room for its name, inside the board's padding, or as far as it reached
 * already); a note that would take it past that moves back inside instead.
 *
 * `cluster` is relative to the board, `notes` are relative to the cluster; the result is
 * undefined when nothing changes.
 */
export function growClusterAround(cluster: Rect, notes: readonly Rect[], board: Size): GrownCluster | undefined {
  const limit = clusterBounds(board)
  const left = Math.min(limit.left, cluster.x)
  const top = Math.min(limit.top, cluster.y)
  const right = Math.max(limit.right, cluster.x + cluster.w)
  const bottom = Math.max(limit.bottom, cluster.y + cluster.h)
  const onBoard = notes.map((note) => ({ ...note, x: cluster.x + note.x, y: cluster.y + note.y }))
  const frameLeft = Math.max(left, Math.min(cluster.x, ...onBoard.map((note) => note.x - CLUSTER_PADDING)))
  const frameTop = Math.max(top, Math.min(cluster.y, ...onBoard.map((note) => note.y - CLUSTER_PADDING)))
  const frameRight = Math.min(right, Math.max(cluster.x + cluster.w, ...onBoard.map((note) => note.x + note.w + CLUSTER_PADDING)))
  const frameBottom = Math.min(bottom, Math.max(cluster.y + cluster.h, ...onBoard.map((note) => note.y + note.h + CLUSTER_PADDING)))
  const frame = { x: frameLeft, y: frameTop, w: frameRight - frameLeft, h: frameBottom - frameTop }
  const positions = onBoard.map((note) => insideCluster(frame, { ...note, x: note.x - frame.x, y: note.y - frame.y }))
  const unchanged =
    frame.x === cluster.x &&
    frame.y === cluster.y &&
    frame.w === cluster.w &&
    frame.h === cluster.h &&
    positions.every((position, index) => position.x === notes[index]!.x && position.y === notes[index]!.y)
  return unchanged ? undefined : { frame, positions }
}

/**
 * Where a note in a cluster goes to lie inside the cluster's padding, as near to where it is as
 * can be (positions relative to the cluster); a note larger than the cluster keeps its top-left
 * corner inside. For a cluster that does not grow: a participant's note dropped at its edge.
 */
export function insideCluster(cluster: Size, note: Rect): Point {
  return {
    x: Math.max(CLUSTER_PADDING, Math.min(note.x, cluster.w - CLUSTER_PADDING - note.w)),
    y: Math.max(CLUSTER_PADDING, Math.min(note.y, cluster.h - CLUSTER_PADDING - note.h)),
  }
}

/**
 * Where a note dropped into a cluster goes (positions relative to the cluster), so that it covers
 * none of the cluster's `others` (a note lying exactly on another hid it: a participant's note
 * dropped at the cluster's corner slid onto the note there):
 * - where `insideCluster` slides it, when that covers no other note;
 * - else the free spot inside the padding nearest to there, beside or below the other notes (or on
 *   the grid the cluster's own padding and gaps make);
 * - else, the cluster being full, one of `growSpotsInCluster`: beside or below its notes, past its
 *   edge, for the cluster to grow around (the server does for a participant's drop:
 *   server/sync/clustersAroundGrownNotes.ts); the first that `canGrowTo` accepts (the board and the
 *   clusters around may leave no room one way), else the first.
 */
export function dropSpotInCluster(cluster: Size, note: Rect, others: readonly Rect[], canGrowTo: (spot: Point) => boolean = () => true): Point {
  const slid = insideCluster(cluster, note)
  const covers = (spot: Point) => others.some((other) => rectsOverlap(other, { ...spot, w: note.w, h: note.h }))
  if (!covers(slid)) return slid
  const fits = (spot: Point) =>
    spot.x >= CLUSTER_PADDING &&
    spot.y >= CLUSTER_PADDING &&
    spot.x + note.w <= cluster.w - CLUSTER_PADDING &&
    spot.y + note.h <= cluster.h - CLUSTER_PADDING
  const xs = new Set([CLUSTER_PADDING, ...others.flatMap((other) => [other.x, other.x + other.w + CLUSTER_GAP, other.x - CLUSTER_GAP - note.w])])
  const ys = new Set([CLUSTER_PADDING, ...others.flatMap((other) => [other.y, other.y + other.h + CLUSTER_GAP, other.y - CLUSTER_GAP - note.h])])
  for (let x = CLUSTER_PADDING; x + note.w <= cluster.w - CLUSTER_PADDING; x += note.w + CLUSTER_GAP) xs.add(x)
  for (let y = CLUSTER_PADDING; y + note.h <= cluster.h - CLUSTER_PADDING; y += note.h + CLUSTER_GAP) ys.add(y)
  let best: Point | undefined
  let bestDistance = Infinity
  for (const y of [...ys].sort((a, b) => a - b)) {
    for (const x of [...xs].sort((a, b) => a - b)) {
      const spot = { x, y }
      const distance = (x - slid.x) ** 2 + (y - slid.y) ** 2
      // Strictly nearer only: of spots as near, the first in reading order.
      if (distance < bestDistance && fits(spot) && !covers(spot)) {
        best = spot
        bestDistance = distance
      }
    }
  }
  if (best) return best
  const growSpots = growSpotsInCluster(cluster, note, others)
  return growSpots.find(canGrowTo) ?? growSpots[0]!
}

/**
 * Where a note goes into a cluster with no free spot left, for the cluster to grow around it: a
 * new column right of its notes (at the top) or a new row below them (at the left), the one that
 * leaves the grown cluster smaller first (the row when even), as "Aufräumen" lays a cluster out
 * in a near-square grid. They depend only on the cluster and its other notes, not on where the
 * note was dropped, so the server can tell a note that came to rest there from one being dragged.
 */
export function growSpotsInCluster(cluster: Size, note: Size, others: readonly Rect[]): [Point, Point] {
  const right = Math.max(CLUSTER_PADDING - CLUSTER_GAP, ...others.map((other) => other.x + other.w))
  const bottom = Math.max(CLUSTER_PADDING - CLUSTER_GAP, ...others.map((other) => other.y + other.h))
  const besides = { x: right + CLUSTER_GAP, y: CLUSTER_PADDING }
  const below = { x: CLUSTER_PADDING, y: bottom + CLUSTER_GAP }
  const grownArea = (spot: Point) =>
    Math.max(cluster.w, spot.x + note.w + CLUSTER_PADDING) * Math.max(cluster.h, spot.y + note.h + CLUSTER_PADDING)
  return grownArea(besides) < grownArea(below) ? [besides, below] : [below, besides]
}
