import { describe, expect, it } from 'vitest'
import {
  BOARD_HEIGHT,
  BOARD_WIDTH,
  firstFreeNoteSlot,
  NOTE_SIZE,
  NOTE_SLOT_CAPACITY,
  NOTE_SLOTS_PER_LAYER,
  noteSlotPosition,
} from './boardLayout.ts'

/** Posts `count` notes the way clients do: each into the first free slot given the ones before. */
function postNotes(count: number): Array<{ x: number; y: number }> {
  const placed: Array<{ x: number; y: number }> = []
  for (let index = 0; index < count; index++) placed.push(noteSlotPosition(firstFreeNoteSlot(placed)))
  return placed
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
    const placed: Array<{ x: number; y: number }> = []
    for (let index = 0; index < 3; index++) placed.push(noteSlotPosition(firstFreeNoteSlot(placed, [cluster])))
    expect(placed).toEqual([noteSlotPosition(2), noteSlotPosition(3), noteSlotPosition(4)])
  })

  it('reuses a grid slot that was freed, before piling', () => {
    const placed = postNotes(NOTE_SLOTS_PER_LAYER)
    const freed = placed.splice(4, 1)[0]!
    expect(noteSlotPosition(firstFreeNoteSlot(placed))).toEqual(freed)
  })
})
