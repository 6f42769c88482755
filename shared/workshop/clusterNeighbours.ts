import { BOARD_HEADER_HEIGHT, BOARD_PADDING, rectsOverlap, type Rect } from './boardLayout.ts'
import { arrangeInGrid, CLUSTER_GAP, CLUSTER_LABEL_SPACE, clusterColumns, growClusterAround, insideCluster, type Point, type Size } from './clusterLayout.ts'

/**
 * A cluster that grows makes room among the other clusters of its board instead of covering
 * them: as on a pinboard, where the moderator shoves the next group along to widen one. Pure
 * numbers, board-relative, so client and server grow clusters alike and tests need no browser.
 *
 * What a moderator expects: clusters never overlap after a growth (a cluster covering another
 * hid its notes behind its own, and a drop there landed in the wrong one). A neighbour in the
 * way moves aside, with its notes (they are its children), in the direction of the growth and by
 * as much as is needed to keep {@link CLUSTER_GAP} between them; a neighbour it then reaches moves
 * on as well. Nobody leaves the board: when the neighbours cannot move far enough, the cluster
 * grows only as far as there is room, and notes that would reach past it move back inside it.
 * Clusters that overlapped already before are left as they are (not this growth's doing).
 */

/** One of the four directions a cluster grows in: along `axis`, towards larger (1) or smaller (-1) numbers. */
interface Direction {
  axis: 'x' | 'y'
  sign: 1 | -1
}

const DIRECTIONS: readonly Direction[] = [
  { axis: 'x', sign: 1 },
  { axis: 'x', sign: -1 },
  { axis: 'y', sign: 1 },
  { axis: 'y', sign: -1 },
]

/** The extent of a rectangle across `axis`. */
const lengthOn = (axis: 'x' | 'y') => (axis === 'x' ? 'w' : 'h')
const across = (axis: 'x' | 'y') => (axis === 'x' ? 'y' : 'x')

/** The edge of `area` that leads when it moves in `direction`. */
function leadingEdge(area: Rect, { axis, sign }: Direction): number {
  return sign > 0 ? area[axis] + area[lengthOn(axis)] : area[axis]
}

/** The edge of `area` that trails when it moves in `direction`. */
function trailingEdge(area: Rect, { axis, sign }: Direction): number {
  return sign > 0 ? area[axis] : area[axis] + area[lengthOn(axis)]
}

/** Whether `ahead` lies in `behind`'s way in `direction`: in front of it (not overlapping along the way) and in line with it. */
function inTheWay(behind: Rect, ahead: Rect, direction: Direction): boolean {
  const other = across(direction.axis)
  const inLine = behind[other] < ahead[other] + ahead[lengthOn(other)] && ahead[other] < behind[other] + behind[lengthOn(other)]
  return inLine && spacing(behind, ahead, direction) >= 0
}

/** The distance from `behind`'s leading edge to `ahead`'s trailing edge in `direction`. */
function spacing(behind: Rect, ahead: Rect, direction: Direction): number {
  return direction.sign * (trailingEdge(ahead, direction) - leadingEdge(behind, direction))
}

/** How far `behind` may come towards `ahead` before `ahead` has to move: their gap stays. */
function freeRoom(behind: Rect, ahead: Rect, direction: Direction): number {
  return Math.max(0, spacing(behind, ahead, direction) - CLUSTER_GAP)
}

/** How far a cluster's area may move in `direction` before it reaches the board's edge (below the header, inside the padding). */
function roomOnBoard(area: Rect, board: Size, direction: Direction): number {
  const far = direction.axis === 'x' ? board.w - BOARD_PADDING : board.h - BOARD_PADDING
  const near = direction.axis === 'x' ? BOARD_PADDING : BOARD_HEADER_HEIGHT
  const room = direction.sign > 0 ? far - leadingEdge(area, direction) : leadingEdge(area, direction) - near
  return Math.max(0, room)
}

function areaOf(frame: Rect): Rect {
  return { x: frame.x, y: frame.y - CLUSTER_LABEL_SPACE, w: frame.w, h: frame.h + CLUSTER_LABEL_SPACE }
}

function moved(area: Rect, { axis, sign }: Direction, distance: number): Rect {
  return { ...area, [axis]: area[axis] + sign * distance }
}

export interface RoomMade {
  /** The grown frame, cut back where the neighbours could not move far enough. */
  frame: Rect
  /** Each neighbour's frame's top-left corner afterwards, in input order. */
  neighbours: Point[]
}

/**
 * Room for a cluster that grew from `before` to `grown` (frames, board-relative) among the other
 * clusters of its board (`neighbours`, frames). Each direction it grew in is settled in turn:
 * the neighbours in the way (counting the room for their names above them) move on by what the
 * growth takes of the room before them, as far as the board lets them, and the growth stops
 * where they could not move further.
 */
export function makeRoomForGrowth(before: Rect, grown: Rect, neighbours: readonly Rect[], board: Size): RoomMade {
  const areas = neighbours.map(areaOf)
  let frame = { ...grown }
  for (const direction of DIRECTIONS) {
    const wanted = direction.sign * (leadingEdge(grown, direction) - leadingEdge(before, direction))
    if (wanted <= 0) continue
    // The cluster as it was in this direction, as wide across it as it grew.
    const pusher = pusherArea(frame, before, direction)
    const granted = Math.min(wanted, pushInDirection(pusher, wanted, areas, board, direction))
    frame = withLeadingEdge(frame, direction, leadingEdge(before, direction) + direction.sign * granted)
  }
  return { frame, neighbours: areas.map((area) => ({ x: area.x, y: area.y + CLUSTER_LABEL_SPACE })) }
}

/** `frame`'s area with its edge in `direction` back where it was `before` the growth. */
function pusherArea(frame: Rect, before: Rect, direction: Direction): Rect {
  return areaOf(withLeadingEdge(frame, direction, leadingEdge(before, direction)))
}

function withLeadingEdge(frame: Rect, direction: Direction, edge: number): Rect {
  const { axis, sign } = direction
  const length = lengthOn(axis)
  if (sign > 0) return { ...frame, [length]: edge - frame[axis] }
  return { ...frame, [axis]: edge, [length]: frame[axis] + frame[length] - edge }
}

/**
 * Moves the areas in `pusher`'s way (and those in theirs) so that it can come `wanted` further
 * in `direction`; returns how far it can come. Areas are visited nearest first, so each one
 * knows how far those behind it push it before it pushes the next.
 */
function pushInDirection(pusher: Rect, wanted: number, areas: Rect[], board: Size, direction: Direction): number {
  const order = [...areas.keys()].filter((index) => inTheWay(pusher, areas[index]!, direction))
  // Which areas are in each one's way, among those reached (an area off to the side stays).
  const reached = new Set<number>(order)
  for (let i = 0; i < order.length; i++)
    for (const other of areas.keys())
      if (!reached.has(other) && inTheWay(areas[order[i]!]!, areas[other]!, direction)) {
        reached.add(other)
        order.push(other)
      }
  order.sort((a, b) => direction.sign * (trailingEdge(areas[a]!, direction) - trailingEdge(areas[b]!, direction)))
  const ahead = (index: number) => order.filter((other) => other !== index && inTheWay(areas[index]!, areas[other]!, direction))

  // How far each area can move at most: to the board's edge, or as far as those ahead of it can.
  const reach = new Map<number, number>()
  for (const index of [...order].reverse()) {
    const limits = ahead(index).map((other) => freeRoom(areas[index]!, areas[other]!, direction) + reach.get(other)!)
    reach.set(index, Math.min(roomOnBoard(areas[index]!, board, direction), ...limits))
  }
  const granted = Math.min(
    wanted,
    ...order.filter((index) => inTheWay(pusher, areas[index]!, direction)).map((index) => freeRoom(pusher, areas[index]!, direction) + reach.get(index)!),
  )

  // Push: by what the growth (or the area behind, pushed) takes of the room before each area.
  const push = new Map<number, number>()
  for (const index of order) {
    const byPusher = inTheWay(pusher, areas[index]!, direction) ? granted - freeRoom(pusher, areas[index]!, direction) : 0
    const byOthers = order
      .filter((other) => other !== index && (push.get(other) ?? 0) > 0 && inTheWay(areas[other]!, areas[index]!, direction))
      .map((other) => push.get(other)! - freeRoom(areas[other]!, areas[index]!, direction))
    push.set(index, Math.max(0, byPusher, ...byOthers))
  }
  for (const [index, distance] of push) if (distance > 0) areas[index] = moved(areas[index]!, direction, distance)
  return granted
}

export interface GrowthAmongNeighbours {
  /** The cluster's frame, relative to the board. */
  frame: Rect
  /** Each note's top-left corner relative to the frame, in input order. */
  positions: Point[]
  /** Each neighbour's frame's top-left corner, relative to the board, in input order. */
  neighbours: Point[]
}

/**
 * A cluster grown around its notes (clusterLayout's growClusterAround) with room made among its
 * neighbours (`makeRoomForGrowth`); notes that would reach past what it could take move back
 * inside. `cluster` and `neighbours` are frames relative to the board, `notes` relative to the
 * cluster; undefined when nothing changes.
 */
export function growClusterAmongNeighbours(
  cluster: Rect,
  notes: readonly Rect[],
  neighbours: readonly Rect[],
  board: Size,
): GrowthAmongNeighbours | undefined {
  const grown = growClusterAround(cluster, notes, board)
  if (!grown) return undefined
  const { frame, neighbours: placed } = makeRoomForGrowth(cluster, grown.frame, neighbours, board)
  // Each note where it was on the board, inside the frame as it could grow.
  const positions = notes.map((note) =>
    insideCluster(frame, { ...note, x: cluster.x + note.x - frame.x, y: cluster.y + note.y - frame.y }),
  )
  const unchanged =
    (['x', 'y', 'w', 'h'] as const).every((key) => frame[key] === cluster[key]) &&
    positions.every((position, index) => position.x === notes[index]!.x && position.y === notes[index]!.y)
  return unchanged ? undefined : { frame, positions, neighbours: placed }
}

/**
 * Room for a cluster the moderator forms ("Cluster bilden") with its frame at `spot`
 * (board-relative: where its notes were, as large as their grid; moved onto the board where it reached past it) among the board's clusters
 * (`neighbours`, frames): as if it grew there out of one of its corners, so the clusters in its
 * way move aside as for any growth ({@link makeRoomForGrowth}) instead of lying under it. It grows
 * out of its top-left corner (to the right and down, as the notes are read) unless that does not
 * give it its whole size without covering a cluster; then out of the other corners in turn;
 * where none does, out of the one that gives it the most room.
 */
export function makeRoomForNewCluster(spot: Rect, neighbours: readonly Rect[], board: Size): RoomMade {
  const { w, h } = spot
  // On the board, below its header with room for the name (a board too small for it keeps its top-left).
  const x = Math.max(BOARD_PADDING, Math.min(spot.x, board.w - BOARD_PADDING - w))
  const y = Math.max(BOARD_HEADER_HEIGHT + CLUSTER_LABEL_SPACE, Math.min(spot.y, board.h - BOARD_PADDING - h))
  const frame = { x, y, w, h }
  const corners: Point[] = [
    { x, y },
    { x: x + w, y },
    { x, y: y + h },
    { x: x + w, y: y + h },
  ]
  let best: RoomMade | undefined
  for (const corner of corners) {
    const made = makeRoomForGrowth({ ...corner, w: 0, h: 0 }, frame, neighbours, board)
    const covers = made.neighbours.some((position, index) => rectsOverlap(areaOf(made.frame), areaOf({ ...neighbours[index]!, ...position })))
    if (covers) continue
    if (made.frame.w === w && made.frame.h === h) return made
    if (!best || made.frame.w * made.frame.h > best.frame.w * best.frame.h) best = made
  }
  // Clusters that lay under its spot already (none of the corners was free of them) stay where they are.
  return best ?? { frame, neighbours: neighbours.map(({ x, y }) => ({ x, y })) }
}

export interface NewClusterPlaced extends RoomMade {
  /** Each note's top-left corner relative to the frame, in input order. */
  positions: Point[]
}

/**
 * A new cluster of notes (`notes`: their sizes, in grid order) whose grid starts at `corner`
 * (board-relative), placed with {@link makeRoomForNewCluster}. Where the board and the clusters
 * beside it leave no room for its grid's width, the grid takes fewer columns (taller, narrower)
 * if that gives it its whole size: a frame cut back around the grid pushed its notes onto one
 * another. Without any such grid it keeps its usual one, cut back as before.
 */
export function placeNewCluster(corner: Point, notes: readonly Size[], neighbours: readonly Rect[], board: Size): NewClusterPlaced {
  let first: NewClusterPlaced | undefined
  for (let columns = clusterColumns(notes.length); columns >= 1; columns--) {
    const grid = arrangeInGrid(notes, columns)
    const made = makeRoomForNewCluster({ ...corner, ...grid.size }, neighbours, board)
    const positions = grid.positions.map((position, index) => insideCluster(made.frame, { ...position, ...notes[index]! }))
    const placed = { ...made, positions }
    if (made.frame.w === grid.size.w && made.frame.h === grid.size.h) return placed
    first ??= placed
  }
  return first!
}
