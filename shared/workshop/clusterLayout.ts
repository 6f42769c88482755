import { BOARD_HEADER_HEIGHT, BOARD_PADDING, NOTE_GAP, NOTE_PILE_OFFSET, type Rect } from './boardLayout.ts'

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
 * What would flow past the board's bottom piles onto the items placed before it, a few pixels
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
    for (let index = firstOverflow; index < items.length; index++) {
      const item = items[index]!
      const pileIndex = index - firstOverflow
      const base = positions[pileIndex % firstOverflow]!
      const layer = 1 + Math.floor(pileIndex / firstOverflow)
      positions[index] = {
        x: Math.max(BOARD_PADDING, Math.min(base.x + layer * NOTE_PILE_OFFSET, right - item.w)),
        y: Math.max(BOARD_HEADER_HEIGHT, Math.min(base.y + layer * NOTE_PILE_OFFSET, bottom - item.h)),
      }
    }
  }
  return { positions, contentBottom }
}
