import { describe, expect, it } from 'vitest'
import { BOARD_HEADER_HEIGHT, BOARD_HEIGHT, BOARD_PADDING, BOARD_WIDTH, NOTE_GAP, NOTE_SIZE, rectsOverlap, type Rect } from './boardLayout.ts'
import { CLUSTER_GAP, CLUSTER_LABEL_SPACE, CLUSTER_PADDING, clusterArea } from './clusterLayout.ts'
import { growClusterAmongNeighbours, makeRoomForGrowth, makeRoomForNewCluster, placeNewCluster } from './clusterNeighbours.ts'

const BOARD = { w: BOARD_WIDTH, h: BOARD_HEIGHT }
const note = { w: NOTE_SIZE, h: NOTE_SIZE }
/** A cluster holding one note. */
const ONE_NOTE = CLUSTER_PADDING * 2 + NOTE_SIZE
const TOP = BOARD_HEADER_HEIGHT + CLUSTER_LABEL_SPACE

const area = (frame: Rect) => clusterArea({ x: frame.x, y: frame.y, props: { w: frame.w, h: frame.h } })
const framesOverlap = (a: Rect, b: Rect) => rectsOverlap(area(a), area(b))
const at = (frame: Rect, position: { x: number; y: number }): Rect => ({ ...frame, ...position })

describe('growClusterAmongNeighbours', () => {
  // Two one-note clusters side by side on the top row, a gap of 40 between them.
  const left = { x: BOARD_PADDING, y: TOP, w: ONE_NOTE, h: ONE_NOTE }
  const right = { x: left.x + ONE_NOTE + 40, y: TOP, w: ONE_NOTE, h: ONE_NOTE }
  const held = { x: CLUSTER_PADDING, y: CLUSTER_PADDING, ...note }

  it('moves the neighbour to the right aside, by what the growth takes of the gap between them, and keeps the gap', () => {
    // A note dropped at the left cluster's right edge: it grows 150 to the right, into the neighbour.
    const dropped = { x: ONE_NOTE - 50, y: CLUSTER_PADDING, ...note }
    const grown = growClusterAmongNeighbours(left, [held, dropped], [right], BOARD)!
    expect(grown.frame).toEqual({ ...left, w: dropped.x + NOTE_SIZE + CLUSTER_PADDING })
    const grownRight = grown.frame.x + grown.frame.w
    expect(grown.neighbours).toEqual([{ x: grownRight + CLUSTER_GAP, y: right.y }])
    expect(framesOverlap(grown.frame, at(right, grown.neighbours[0]!))).toBe(false)
    // The dropped note stays where it was dropped.
    expect(grown.positions).toEqual([held, dropped].map(({ x, y }) => ({ x, y })))
  })

  it('leaves a neighbour alone that the growth does not reach', () => {
    const dropped = { x: ONE_NOTE - CLUSTER_PADDING - NOTE_SIZE + 20, y: CLUSTER_PADDING, ...note }
    const grown = growClusterAmongNeighbours(left, [held, dropped], [right], BOARD)!
    expect(grown.frame.w).toBe(ONE_NOTE + 20)
    expect(grown.neighbours).toEqual([{ x: right.x, y: right.y }])
  })

  it('moves a neighbour below down when the cluster grows down (its name above it counts)', () => {
    const below = { x: left.x + 100, y: left.y + ONE_NOTE + CLUSTER_LABEL_SPACE + 20, w: ONE_NOTE, h: ONE_NOTE }
    const dropped = { x: CLUSTER_PADDING, y: 60, ...note }
    const grown = growClusterAmongNeighbours(left, [held, dropped], [below], BOARD)!
    expect(grown.frame.h).toBe(dropped.y + NOTE_SIZE + CLUSTER_PADDING)
    const moved = at(below, grown.neighbours[0]!)
    expect(moved.x).toBe(below.x)
    expect(moved.y - CLUSTER_LABEL_SPACE).toBe(grown.frame.y + grown.frame.h + CLUSTER_GAP)
    expect(framesOverlap(grown.frame, moved)).toBe(false)
  })

  it('moves neighbours on that a moved neighbour reaches, and none overlap', () => {
    const third = { x: right.x + ONE_NOTE + 20, y: TOP, w: ONE_NOTE, h: ONE_NOTE }
    const dropped = { x: ONE_NOTE - 50, y: CLUSTER_PADDING, ...note }
    const grown = growClusterAmongNeighbours(left, [held, dropped], [right, third], BOARD)!
    const [second, last] = grown.neighbours.map((position, index) => at([right, third][index]!, position))
    expect(second!.x).toBeGreaterThan(right.x)
    expect(last!.x).toBeGreaterThan(third.x)
    expect(last!.x).toBe(second!.x + second!.w + CLUSTER_GAP)
    for (const [a, b] of [[grown.frame, second!], [grown.frame, last!], [second!, last!]] as const) expect(framesOverlap(a, b)).toBe(false)
  })

  it('keeps neighbours on the board: with no room to move them, the cluster grows only as far as there is room and its note moves back inside', () => {
    // The neighbour sits at the board's right edge; the left cluster just left of it.
    const atEdge = { x: BOARD.w - BOARD_PADDING - ONE_NOTE, y: TOP, w: ONE_NOTE, h: ONE_NOTE }
    const cluster = { x: atEdge.x - 60 - ONE_NOTE, y: TOP, w: ONE_NOTE, h: ONE_NOTE }
    const dropped = { x: ONE_NOTE - 50, y: CLUSTER_PADDING, ...note }
    const grown = growClusterAmongNeighbours(cluster, [held, dropped], [atEdge], BOARD)!
    expect(grown.neighbours).toEqual([{ x: atEdge.x, y: atEdge.y }])
    // It took the room up to the neighbour's gap, no more.
    expect(grown.frame.x + grown.frame.w).toBe(atEdge.x - CLUSTER_GAP)
    expect(framesOverlap(grown.frame, atEdge)).toBe(false)
    expect(grown.positions[1]).toEqual({ x: grown.frame.w - CLUSTER_PADDING - NOTE_SIZE, y: CLUSTER_PADDING })
  })

  it('moves a neighbour only as far as the board lets it, and grows by that much', () => {
    const nearEdge = { x: BOARD.w - BOARD_PADDING - ONE_NOTE - 30, y: TOP, w: ONE_NOTE, h: ONE_NOTE }
    const cluster = { x: nearEdge.x - 40 - ONE_NOTE, y: TOP, w: ONE_NOTE, h: ONE_NOTE }
    const dropped = { x: ONE_NOTE - 50, y: CLUSTER_PADDING, ...note }
    const grown = growClusterAmongNeighbours(cluster, [held, dropped], [nearEdge], BOARD)!
    const moved = at(nearEdge, grown.neighbours[0]!)
    expect(moved.x + moved.w).toBe(BOARD.w - BOARD_PADDING)
    expect(grown.frame.x + grown.frame.w).toBe(moved.x - CLUSTER_GAP)
    expect(framesOverlap(grown.frame, moved)).toBe(false)
  })

  it('leaves clusters alone that overlapped already before it grew', () => {
    const overlapping = { x: left.x + 100, y: TOP + 50, w: ONE_NOTE, h: ONE_NOTE }
    const dropped = { x: ONE_NOTE - 50, y: CLUSTER_PADDING, ...note }
    const grown = growClusterAmongNeighbours(left, [held, dropped], [overlapping], BOARD)!
    expect(grown.neighbours).toEqual([{ x: overlapping.x, y: overlapping.y }])
    expect(grown.frame.w).toBe(dropped.x + NOTE_SIZE + CLUSTER_PADDING)
  })

  it('is undefined when nothing changes', () => {
    expect(growClusterAmongNeighbours(left, [held], [right], BOARD)).toBeUndefined()
  })
})

describe('makeRoomForGrowth', () => {
  it('settles a growth to the right and down against a neighbour off its corner without moving it twice', () => {
    const before = { x: 100, y: 300, w: 300, h: 300 }
    const grown = { x: 100, y: 300, w: 400, h: 400 }
    // Below and to the right of the corner: in the way of both growths.
    const corner = { x: 430, y: 660, w: 232, h: 232 }
    const { frame, neighbours } = makeRoomForGrowth(before, grown, [corner], BOARD)
    expect(frame).toEqual(grown)
    const moved = at(corner, neighbours[0]!)
    expect(framesOverlap(frame, moved)).toBe(false)
    // Moved in one direction only.
    expect(moved.x === corner.x || moved.y === corner.y).toBe(true)
  })

  it('moves a neighbour to the left and up when the cluster grows that way', () => {
    const before = { x: 600, y: 700, w: 300, h: 300 }
    const grown = { x: 500, y: 600, w: 400, h: 400 }
    const toTheLeft = { x: 300, y: 720, w: 250, h: 250 }
    const above = { x: 650, y: 380, w: 200, h: 200 }
    const { frame, neighbours } = makeRoomForGrowth(before, grown, [toTheLeft, above], BOARD)
    expect(frame).toEqual(grown)
    const [left, up] = neighbours.map((position, index) => at([toTheLeft, above][index]!, position))
    expect(left!.x + left!.w).toBe(grown.x - CLUSTER_GAP)
    expect(up!.y + up!.h).toBe(grown.y - CLUSTER_LABEL_SPACE - CLUSTER_GAP)
    expect(framesOverlap(frame, left!)).toBe(false)
    expect(framesOverlap(frame, up!)).toBe(false)
  })
})

describe('makeRoomForNewCluster', () => {
  const slot = NOTE_SIZE + NOTE_GAP
  /** A one-note cluster in the second slot of the top row. */
  const existing = { x: BOARD_PADDING + slot, y: TOP, w: ONE_NOTE, h: ONE_NOTE }
  /** Two notes in a row, formed into a cluster at the first slot: it reaches over the existing one. */
  const twoInARow = { x: BOARD_PADDING, y: TOP, w: CLUSTER_PADDING * 2 + NOTE_SIZE * 2 + CLUSTER_GAP, h: ONE_NOTE }

  it('moves a cluster in its spot aside to the right, keeping the gap, and takes the spot whole', () => {
    expect(framesOverlap(twoInARow, existing)).toBe(true)
    const made = makeRoomForNewCluster(twoInARow, [existing], BOARD)
    expect(made.frame).toEqual(twoInARow)
    expect(made.neighbours).toEqual([{ x: twoInARow.x + twoInARow.w + CLUSTER_GAP, y: existing.y }])
    expect(framesOverlap(made.frame, at(existing, made.neighbours[0]!))).toBe(false)
  })

  it('leaves clusters alone that its spot does not reach', () => {
    const far = { x: BOARD_WIDTH - BOARD_PADDING - ONE_NOTE, y: TOP, w: ONE_NOTE, h: ONE_NOTE }
    const made = makeRoomForNewCluster(twoInARow, [far], BOARD)
    expect(made).toEqual({ frame: twoInARow, neighbours: [{ x: far.x, y: far.y }] })
  })

  it('grows out of another corner when the board leaves no room to the right: the cluster on its left moves left', () => {
    // The spot at the board's right edge, a cluster just left of it that it reaches over.
    const spot = { ...twoInARow, x: BOARD_WIDTH - BOARD_PADDING - twoInARow.w }
    const besideIt = { x: spot.x - ONE_NOTE + 60, y: TOP, w: ONE_NOTE, h: ONE_NOTE }
    const squeezed = { x: BOARD_PADDING, y: TOP, w: ONE_NOTE, h: ONE_NOTE }
    const made = makeRoomForNewCluster(spot, [besideIt, squeezed], BOARD)
    expect(made.frame).toEqual(spot)
    expect(made.neighbours[0]).toEqual({ x: spot.x - CLUSTER_GAP - ONE_NOTE, y: TOP })
    expect(made.neighbours[1]).toEqual({ x: squeezed.x, y: squeezed.y })
    const placed = made.neighbours.map((position, index) => at([besideIt, squeezed][index]!, position))
    expect(placed.some((neighbour) => framesOverlap(made.frame, neighbour))).toBe(false)
  })

  it('moves a spot that reaches past the board onto it', () => {
    const spot = { ...twoInARow, x: BOARD_WIDTH - 300, y: BOARD_HEADER_HEIGHT }
    const made = makeRoomForNewCluster(spot, [], BOARD)
    expect(made.frame).toEqual({ ...spot, x: BOARD_WIDTH - BOARD_PADDING - spot.w, y: TOP })
  })
})

describe('placeNewCluster', () => {
  /** Three notes in a row, a cluster at the board's left edge. */
  const threeInARow = { x: BOARD_PADDING, y: TOP, w: CLUSTER_PADDING * 2 + NOTE_SIZE * 3 + CLUSTER_GAP * 2, h: ONE_NOTE }

  it('stacks its notes where the board leaves no room for them in a row, instead of pushing them onto one another', () => {
    // As an exploratory run found it: two notes right of a three-note cluster, with less room to
    // the board's edge than a two-note row takes; the cluster on the left cannot move further left.
    const corner = { x: threeInARow.x + threeInARow.w + CLUSTER_GAP, y: TOP }
    const placed = placeNewCluster(corner, [note, note], [threeInARow], BOARD)
    const notes = placed.positions.map((position) => ({ ...position, ...note }))
    expect(rectsOverlap(notes[0]!, notes[1]!)).toBe(false)
    for (const inside of notes) {
      expect(inside.x + inside.w + CLUSTER_PADDING).toBeLessThanOrEqual(placed.frame.w)
      expect(inside.y + inside.h + CLUSTER_PADDING).toBeLessThanOrEqual(placed.frame.h)
    }
    expect(placed.frame.x + placed.frame.w).toBeLessThanOrEqual(BOARD_WIDTH - BOARD_PADDING)
    expect(framesOverlap(placed.frame, at(threeInARow, placed.neighbours[0]!))).toBe(false)
  })

  it('keeps its notes in a row where there is room', () => {
    const placed = placeNewCluster({ x: BOARD_PADDING, y: TOP }, [note, note], [], BOARD)
    expect(placed.positions).toEqual([
      { x: CLUSTER_PADDING, y: CLUSTER_PADDING },
      { x: CLUSTER_PADDING + NOTE_SIZE + CLUSTER_GAP, y: CLUSTER_PADDING },
    ])
    expect(placed.frame).toEqual({ x: BOARD_PADDING, y: TOP, w: CLUSTER_PADDING * 2 + NOTE_SIZE * 2 + CLUSTER_GAP, h: ONE_NOTE })
  })
})
