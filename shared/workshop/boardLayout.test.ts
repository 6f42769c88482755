import { describe, expect, it } from 'vitest'
import {
  BOARD_HEADER_HEIGHT,
  BOARD_HEIGHT,
  BOARD_PADDING,
  BOARD_WIDTH,
  firstFreeNoteSlot,
  NOTE_COLUMNS,
  NOTE_SIZE,
  NOTE_SLOT_CAPACITY,
  NOTE_SLOTS_PER_LAYER,
  noteSlotPosition,
  noteTopOnBoard,
  rectsOverlap,
  type Rect,
} from './boardLayout.ts'

/** Posts `count` notes the way clients do: each into the first free slot given the ones before. */
function postNotes(count: number): Rect[] {
  const placed: Rect[] = []
  for (let index = 0; index < count; index++) placed.push(square(firstFreeNoteSlot({ notes: placed })))
  return placed
}

/** An empty note in `slot`. */
function square(slot: number): Rect {
  return { ...noteSlotPosition(slot), w: NOTE_SIZE, h: NOTE_SIZE }
}

describe('note slots on a board', () => {
  it('fills the grid first, row by row', () => {
    const placed = postNotes(NOTE_SLOTS_PER_LAYER)
    expect(new Set(placed.map((p) => `${p.x},${p.y}`)).size).toBe(NOTE_SLOTS_PER_LAYER)
    expect(placed[1]!.y).toBe(placed[0]!.y)
    expect(placed[1]!.x).toBeGreaterThanOrEqual(placed[0]!.x + NOTE_SIZE)
  })

  it('piles later notes inside the board, each on its own spot, and never loops forever', () => {
    const placed = postNotes(NOTE_SLOT_CAPACITY + 7)
    for (const note of placed) {
      expect(note.x).toBeGreaterThanOrEqual(0)
      expect(note.y).toBeGreaterThanOrEqual(0)
      expect(note.x + NOTE_SIZE).toBeLessThanOrEqual(BOARD_WIDTH)
      expect(note.y + NOTE_SIZE).toBeLessThanOrEqual(BOARD_HEIGHT)
    }
    const distinct = new Set(placed.slice(0, NOTE_SLOT_CAPACITY).map((p) => `${p.x},${p.y}`))
    expect(distinct.size).toBe(NOTE_SLOT_CAPACITY)
  })

  it('leaves out the slots a cluster covers', () => {
    // A cluster over the first two slots of the top row (and the room for its name above).
    const first = noteSlotPosition(0)
    const cluster = { x: first.x, y: first.y - 40, w: 2 * NOTE_SIZE + 10, h: NOTE_SIZE + 40 }
    const placed: Rect[] = []
    for (let index = 0; index < 3; index++) placed.push(square(firstFreeNoteSlot({ notes: placed, covered: [cluster] })))
    expect(placed).toEqual([square(2), square(3), square(4)])
  })

  it('reuses a grid slot that was freed, before piling', () => {
    const placed = postNotes(NOTE_SLOTS_PER_LAYER)
    const freed = placed.splice(4, 1)[0]!
    expect(square(firstFreeNoteSlot({ notes: placed }))).toEqual(freed)
  })
  // Anna's note of ~500 characters in the first slot reaches down over the second row's first slot.
  const tall: Rect = { ...square(0), h: NOTE_SIZE + 400 }

  it('leaves out the slots a tall note covers further down', () => {
    const notes = [tall, square(1), square(2), square(3), square(4)]
    const slot = firstFreeNoteSlot({ notes })
    expect(rectsOverlap(tall, square(slot))).toBe(false)
    expect(slot).toBe(6)
  })

  it('keeps a tall note on its board: with only the last row free it piles higher up instead of reaching over the board below', () => {
    const notes = postNotes(2 * NOTE_COLUMNS) // the first two rows
    const size = { w: NOTE_SIZE, h: NOTE_SIZE + 200 }
    const spot = noteSlotPosition(firstFreeNoteSlot({ notes }, size))
    expect(spot.y + size.h).toBeLessThanOrEqual(BOARD_HEIGHT)
    // In the second row, where it fits, it takes a free slot rather than piling.
    expect(firstFreeNoteSlot({ notes: postNotes(NOTE_COLUMNS) }, size)).toBe(NOTE_COLUMNS)
  })

  it('puts a note taller than the board into the top row, and piles a tall note on a full board inside it', () => {
    const huge = { w: NOTE_SIZE, h: 3 * BOARD_HEIGHT }
    expect(noteSlotPosition(firstFreeNoteSlot({ notes: postNotes(2) }, huge))).toEqual(noteSlotPosition(2))
    const size = { w: NOTE_SIZE, h: NOTE_SIZE + 400 }
    for (const count of [NOTE_SLOTS_PER_LAYER, NOTE_SLOT_CAPACITY + 7]) {
      const spot = noteSlotPosition(firstFreeNoteSlot({ notes: postNotes(count) }, size))
      expect(spot.y + size.h).toBeLessThanOrEqual(BOARD_HEIGHT)
    }
  })
})

describe('a note kept on its board as it grows', () => {
  const board = { h: BOARD_HEIGHT }
  const lastRow = noteSlotPosition(2 * NOTE_COLUMNS).y

  it('leaves a note that still ends above the board’s padding where it is', () => {
    expect(noteTopOnBoard(lastRow, NOTE_SIZE, board)).toBe(lastRow)
    expect(noteTopOnBoard(BOARD_HEADER_HEIGHT, 500, board)).toBe(BOARD_HEADER_HEIGHT)
  })

  it('moves a note of the last row that grew up, until it ends where the last row ends', () => {
    const y = noteTopOnBoard(lastRow, 450, board)
    expect(y).toBeLessThan(lastRow)
    expect(y + 450).toBe(BOARD_HEIGHT - BOARD_PADDING)
    expect(lastRow + NOTE_SIZE).toBe(BOARD_HEIGHT - BOARD_PADDING)
  })

  it('moves a note taller than the board’s room no higher than the first row, and never down', () => {
    expect(noteTopOnBoard(lastRow, 2000, board)).toBe(BOARD_HEADER_HEIGHT)
    // One that lies above the first row (put there by hand) stays there.
    expect(noteTopOnBoard(BOARD_HEADER_HEIGHT - 100, 2000, board)).toBe(BOARD_HEADER_HEIGHT - 100)
  })
})
