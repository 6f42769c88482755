import { describe, expect, it } from 'vitest'
import { BOARD_HEADER_HEIGHT, BOARD_HEIGHT, BOARD_PADDING, BOARD_WIDTH, NOTE_GAP, NOTE_SIZE, rectsOverlap as overlaps } from './boardLayout.ts'
import { arrangeInGrid, CLUSTER_GAP, CLUSTER_LABEL_SPACE, CLUSTER_PADDING, clusterColumns, dropSpotInCluster, flowOnBoard, growClusterAround, growSpotsInCluster, insideCluster } from './clusterLayout.ts'

const note = { w: NOTE_SIZE, h: NOTE_SIZE }
const BOARD = { w: BOARD_WIDTH, h: BOARD_HEIGHT }


describe('clusterColumns', () => {
  it('puts up to three notes in one row and larger clusters in a near-square grid', () => {
    expect([1, 2, 3, 4, 5, 9, 10, 30].map(clusterColumns)).toEqual([1, 2, 3, 2, 3, 3, 4, 4])
  })
})

describe('arrangeInGrid', () => {
  it('lays three notes out in one padded row and sizes the cluster around them', () => {
    const { positions, size } = arrangeInGrid([note, note, note])
    expect(positions).toEqual([
      { x: CLUSTER_PADDING, y: CLUSTER_PADDING },
      { x: CLUSTER_PADDING + NOTE_SIZE + CLUSTER_GAP, y: CLUSTER_PADDING },
      { x: CLUSTER_PADDING + 2 * (NOTE_SIZE + CLUSTER_GAP), y: CLUSTER_PADDING },
    ])
    expect(size).toEqual({ w: 2 * CLUSTER_PADDING + 3 * NOTE_SIZE + 2 * CLUSTER_GAP, h: 2 * CLUSTER_PADDING + NOTE_SIZE })
  })

  it('gives a row the height of its tallest note, so grown notes never overlap', () => {
    const tall = { w: NOTE_SIZE, h: 320 }
    const { positions, size } = arrangeInGrid([note, tall, note, note])
    expect(positions[2]).toEqual({ x: CLUSTER_PADDING, y: CLUSTER_PADDING + 320 + CLUSTER_GAP })
    expect(size.h).toBe(2 * CLUSTER_PADDING + 320 + CLUSTER_GAP + NOTE_SIZE)
    const boxes = [note, tall, note, note].map((item, index) => ({ ...positions[index]!, ...item }))
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false)
    for (const box of boxes) expect(box.x + box.w).toBeLessThanOrEqual(size.w - CLUSTER_PADDING)
  })

  it('keeps an empty cluster as just its padding', () => {
    expect(arrangeInGrid([])).toEqual({ positions: [], size: { w: 2 * CLUSTER_PADDING, h: 2 * CLUSTER_PADDING } })
  })
})

describe('flowOnBoard', () => {
  it('starts below the header, leaves room for cluster names and wraps at the board’s edge', () => {
    const cluster = { ...arrangeInGrid([note, note, note]).size, labelled: true }
    const loose = { ...note, labelled: false }
    const { positions, contentBottom } = flowOnBoard([cluster, loose, loose, loose], BOARD)
    expect(positions[0]).toEqual({ x: BOARD_PADDING, y: BOARD_HEADER_HEIGHT + CLUSTER_LABEL_SPACE })
    expect(positions[1]).toEqual({ x: BOARD_PADDING + cluster.w + NOTE_GAP, y: BOARD_HEADER_HEIGHT })
    // A three-note cluster and one note fill the row; the next note wraps below the cluster.
    expect(positions[2]).toEqual({ x: BOARD_PADDING, y: BOARD_HEADER_HEIGHT + CLUSTER_LABEL_SPACE + cluster.h + NOTE_GAP })
    expect(positions[3]).toEqual({ x: BOARD_PADDING + NOTE_SIZE + NOTE_GAP, y: positions[2]!.y })
    expect(contentBottom).toBe(positions[3]!.y + NOTE_SIZE + BOARD_PADDING)
    for (const position of positions) expect(position.x).toBeGreaterThanOrEqual(BOARD_PADDING)
    const boxes = [cluster, loose, loose, loose].map((item, index) => ({ ...positions[index]!, w: item.w, h: item.h }))
    for (const box of boxes) expect(box.x + box.w).toBeLessThanOrEqual(BOARD_WIDTH - BOARD_PADDING)
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false)
  })

  it('gives an item wider than the board a row of its own', () => {
    const wide = { w: BOARD_WIDTH * 2, h: 100, labelled: false }
    const { positions } = flowOnBoard([wide, { ...note, labelled: false }], BOARD)
    expect(positions[0]).toEqual({ x: BOARD_PADDING, y: BOARD_HEADER_HEIGHT })
    expect(positions[1]).toEqual({ x: BOARD_PADDING, y: BOARD_HEADER_HEIGHT + 100 + NOTE_GAP })
  })

  it('piles what does not fit onto the items before it, and keeps every item on the board', () => {
    const loose = { ...note, labelled: false }
    const cluster = { ...arrangeInGrid([note, note, note, note, note, note]).size, labelled: true }
    const items = [cluster, ...Array.from({ length: 24 }, () => loose)]
    const { positions, contentBottom } = flowOnBoard(items, BOARD)
    expect(contentBottom, 'the flow alone would leave the board').toBeGreaterThan(BOARD.h)
    for (const [index, position] of positions.entries()) {
      expect(position.x).toBeGreaterThanOrEqual(BOARD_PADDING)
      expect(position.y).toBeGreaterThanOrEqual(BOARD_HEADER_HEIGHT)
      expect(position.x + items[index]!.w).toBeLessThanOrEqual(BOARD.w - BOARD_PADDING)
      expect(position.y + items[index]!.h).toBeLessThanOrEqual(BOARD.h - BOARD_PADDING)
    }
    // Piled notes sit a little off the one below, so each shows its edge; none lies exactly on another.
    const spots = new Set(positions.map((position) => `${position.x},${position.y}`))
    expect(spots.size).toBe(positions.length)
  })

  it('puts a note that does not fit into a note slot left free beside a cluster, never onto a cluster, where it was hidden', () => {
    // As "Aufräumen" found a workshop's first board: clusters of three and two notes, four loose notes.
    const loose = { ...note, labelled: false }
    const clusters = [arrangeInGrid([note, note, note]).size, arrangeInGrid([note, note]).size].map((size) => ({ ...size, labelled: true }))
    const items = [...clusters, loose, loose, loose, loose]
    const { positions, contentBottom } = flowOnBoard(items, BOARD)
    expect(contentBottom, 'the flow alone would leave the board').toBeGreaterThan(BOARD.h)
    const areas = clusters.map((cluster, index) => ({ x: positions[index]!.x, y: positions[index]!.y - CLUSTER_LABEL_SPACE, w: cluster.w, h: cluster.h + CLUSTER_LABEL_SPACE }))
    const notes = positions.slice(clusters.length).map((position) => ({ ...position, ...note }))
    for (const [i, box] of notes.entries()) {
      for (const area of areas) expect(overlaps(box, area)).toBe(false)
      // The board has room beside the first cluster: no note needs to lie on another.
      for (const other of notes.slice(i + 1)) expect(overlaps(box, other)).toBe(false)
      expect(box.x + NOTE_SIZE).toBeLessThanOrEqual(BOARD.w - BOARD_PADDING)
      expect(box.y + NOTE_SIZE).toBeLessThanOrEqual(BOARD.h - BOARD_PADDING)
    }
  })

  it('piles a note onto the loose notes, not onto a cluster, when no note slot is free', () => {
    const loose = { ...note, labelled: false }
    const cluster = { ...arrangeInGrid([note, note, note, note, note, note]).size, labelled: true }
    const items = [cluster, ...Array.from({ length: 12 }, () => loose)]
    const { positions } = flowOnBoard(items, BOARD)
    const area = { x: positions[0]!.x, y: positions[0]!.y - CLUSTER_LABEL_SPACE, w: cluster.w, h: cluster.h + CLUSTER_LABEL_SPACE }
    for (const position of positions.slice(1)) expect(overlaps({ ...position, ...note }, area)).toBe(false)
  })
})

describe('growClusterAround', () => {
  // A cluster of two notes in a row, somewhere in the middle of the board.
  const cluster = { x: 300, y: 400, w: CLUSTER_PADDING * 2 + NOTE_SIZE * 2 + CLUSTER_GAP, h: CLUSTER_PADDING * 2 + NOTE_SIZE }
  const inRow = [
    { x: CLUSTER_PADDING, y: CLUSTER_PADDING, ...note },
    { x: CLUSTER_PADDING + NOTE_SIZE + CLUSTER_GAP, y: CLUSTER_PADDING, ...note },
  ]

  it('leaves a cluster alone whose notes it holds', () => {
    expect(growClusterAround(cluster, inRow, BOARD)).toBeUndefined()
  })

  it('grows to the right and down around a note past its edge, with its padding', () => {
    const third = { x: cluster.w - 50, y: cluster.h - 80, ...note }
    const grown = growClusterAround(cluster, [...inRow, third], BOARD)!
    expect(grown.frame).toEqual({ x: cluster.x, y: cluster.y, w: third.x + NOTE_SIZE + CLUSTER_PADDING, h: third.y + NOTE_SIZE + CLUSTER_PADDING })
    // Nobody moves: the frame grew around them.
    expect(grown.positions).toEqual([...inRow, third].map(({ x, y }) => ({ x, y })))
  })

  it('grows to the left and up, keeping every note where it is on the board', () => {
    const third = { x: -120, y: -60, ...note }
    const grown = growClusterAround(cluster, [...inRow, third], BOARD)!
    expect(grown.frame.x).toBe(cluster.x - 120 - CLUSTER_PADDING)
    expect(grown.frame.y).toBe(cluster.y - 60 - CLUSTER_PADDING)
    expect(grown.frame.x + grown.frame.w).toBe(cluster.x + cluster.w)
    expect(grown.frame.y + grown.frame.h).toBe(cluster.y + cluster.h)
    const onBoard = (position: { x: number; y: number }) => ({ x: grown.frame.x + position.x, y: grown.frame.y + position.y })
    expect(grown.positions.map(onBoard)).toEqual([...inRow, third].map(({ x, y }) => ({ x: cluster.x + x, y: cluster.y + y })))
  })

  it('never shrinks: a cluster whose notes left keeps its size', () => {
    expect(growClusterAround(cluster, [inRow[0]!], BOARD)).toBeUndefined()
    expect(growClusterAround(cluster, [], BOARD)).toBeUndefined()
  })

  it('stays on the board below the header, and moves a note that would take it past the edge back inside', () => {
    const pastRight = { x: BOARD.w - cluster.x - 60, y: CLUSTER_PADDING, ...note }
    const aboveHeader = { x: CLUSTER_PADDING, y: -cluster.y + 10, ...note }
    const grown = growClusterAround(cluster, [...inRow, pastRight, aboveHeader], BOARD)!
    expect(grown.frame.x + grown.frame.w).toBe(BOARD.w - BOARD_PADDING)
    expect(grown.frame.y).toBe(BOARD_HEADER_HEIGHT + CLUSTER_LABEL_SPACE)
    const [, , right, top] = grown.positions
    expect(right!.x + NOTE_SIZE + CLUSTER_PADDING).toBe(grown.frame.w)
    expect(top!.y).toBe(CLUSTER_PADDING)
    // Its name's room counts as the cluster's area, and that stays off the header.
    expect(grown.frame.y - CLUSTER_LABEL_SPACE).toBeGreaterThanOrEqual(BOARD_HEADER_HEIGHT)
  })
})

describe('insideCluster', () => {
  const cluster = { w: 500, h: 300 }

  it('leaves a note inside the padding where it is', () => {
    expect(insideCluster(cluster, { x: 40, y: 50, ...note })).toEqual({ x: 40, y: 50 })
  })

  it('moves a note hanging over an edge back inside the padding', () => {
    expect(insideCluster(cluster, { x: 420, y: -30, ...note })).toEqual({ x: cluster.w - CLUSTER_PADDING - NOTE_SIZE, y: CLUSTER_PADDING })
    expect(insideCluster(cluster, { x: -90, y: 250, ...note })).toEqual({ x: CLUSTER_PADDING, y: cluster.h - CLUSTER_PADDING - NOTE_SIZE })
  })

  it('keeps the top-left corner of a note larger than the cluster inside', () => {
    expect(insideCluster({ w: 100, h: 100 }, { x: 30, y: 30, ...note })).toEqual({ x: CLUSTER_PADDING, y: CLUSTER_PADDING })
  })
})

describe('dropSpotInCluster', () => {
  /** A cluster as "Cluster bilden" lays out `count` notes: its size and its notes' boxes. */
  function formed(count: number) {
    const { positions, size } = arrangeInGrid(Array.from({ length: count }, () => note))
    return { size, notes: positions.map((position) => ({ ...position, ...note })) }
  }

  it('leaves a note where insideCluster slides it when it covers no other note there', () => {
    const { size, notes } = formed(3)
    const grown = { w: size.w, h: size.h + NOTE_SIZE + CLUSTER_GAP }
    expect(dropSpotInCluster(grown, { x: 300, y: 300, ...note }, notes)).toEqual(insideCluster(grown, { x: 300, y: 300, ...note }))
    expect(dropSpotInCluster(size, { x: 5, y: 5, ...note }, [])).toEqual({ x: CLUSTER_PADDING, y: CLUSTER_PADDING })
  })

  it('moves a note that would lie on another to the free spot nearest to there', () => {
    // Two rows of two, the bottom-right one empty; dropped at the left edge between the rows.
    const { size, notes } = formed(4)
    const three = notes.slice(0, 3)
    const spot = dropSpotInCluster(size, { x: -40, y: 120, ...note }, three)
    expect(spot).toEqual({ x: notes[3]!.x, y: notes[3]!.y })
    expect(three.some((other) => overlaps(other, { ...spot, ...note }))).toBe(false)
  })

  it('puts a note dropped at the corner of a full cluster beside its notes, past the edge, for the cluster to grow (the workshop case: "Verkehr" with two notes)', () => {
    const { size, notes } = formed(2)
    // The pointer just inside the bottom-right corner: insideCluster alone put it exactly on the second note.
    const dropped = { x: size.w - 60, y: size.h - 60, ...note }
    expect(insideCluster(size, dropped)).toEqual({ x: notes[1]!.x, y: notes[1]!.y })
    const spot = dropSpotInCluster(size, dropped, notes)
    expect(spot).toEqual({ x: notes[1]!.x + NOTE_SIZE + CLUSTER_GAP, y: CLUSTER_PADDING })
    expect(notes.some((other) => overlaps(other, { ...spot, ...note }))).toBe(false)
    // The cluster grown around it holds all three, none on another.
    const grown = growClusterAround({ x: 100, y: 300, ...size }, [...notes, { ...spot, ...note }], BOARD)!
    expect(grown.frame.w).toBe(2 * CLUSTER_PADDING + 3 * NOTE_SIZE + 2 * CLUSTER_GAP)
    expect(grown.positions).toEqual([...notes, spot].map(({ x, y }) => ({ x, y })))
  })

  it('grows a full square cluster by a row below, a full row by a column beside', () => {
    const square = formed(4)
    expect(growSpotsInCluster(square.size, note, square.notes)[0]).toEqual({ x: CLUSTER_PADDING, y: CLUSTER_PADDING + 2 * (NOTE_SIZE + CLUSTER_GAP) })
    const row = formed(3)
    expect(growSpotsInCluster(row.size, note, row.notes)[0]).toEqual({ x: CLUSTER_PADDING + 3 * (NOTE_SIZE + CLUSTER_GAP), y: CLUSTER_PADDING })
  })

  it('takes the other way when the cluster cannot grow the first (the board or the clusters around leave no room)', () => {
    const { size, notes } = formed(1)
    const [first, second] = growSpotsInCluster(size, note, notes)
    expect(dropSpotInCluster(size, { x: 40, y: 40, ...note }, notes)).toEqual(first)
    expect(dropSpotInCluster(size, { x: 40, y: 40, ...note }, notes, (spot) => spot.x !== first.x || spot.y !== first.y)).toEqual(second)
  })

  it('keeps a note at its grow spot where it is, wherever it was dropped (the server tells a note at rest by this)', () => {
    const { size, notes } = formed(2)
    for (const growSpot of growSpotsInCluster(size, note, notes)) {
      const canGrowTo = (spot: { x: number; y: number }) => spot.x === growSpot.x && spot.y === growSpot.y
      for (const dropped of [{ x: size.w - 60, y: size.h - 60 }, { x: -30, y: 40 }, growSpot]) {
        expect(dropSpotInCluster(size, { ...dropped, ...note }, notes, canGrowTo)).toEqual(growSpot)
      }
    }
  })
})
