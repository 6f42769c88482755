import { describe, expect, it } from 'vitest'
import type { TLShape } from '@tldraw/tlschema'
import { defaultTemplate } from '../template/defaultTemplate.ts'
import { BOARD_HEADER_HEIGHT, BOARD_PADDING, NOTE_GAP, NOTE_SIZE, noteSlotPosition, rectsOverlap } from './boardLayout.ts'
import { clusterArea } from './clusterLayout.ts'
import { grownNotePosition } from './grownNoteOnBoard.ts'
import { recordSize } from './recordSize.ts'
import { boardsInOrder, buildNoteRecord, buildSeedRecords, type NoteShape } from './workshopRecords.ts'

const board = boardsInOrder(buildSeedRecords(defaultTemplate))[0]!
const bottom = board.props.h - BOARD_PADDING

function noteIn(slot: number, text = `R${slot + 1}`): NoteShape {
  const note = buildNoteRecord({ board, author: { authorId: 'p-ben', authorName: 'Ben' }, text, siblings: [] })
  return { ...note, ...noteSlotPosition(slot) }
}

function covers(spot: { x: number; y: number }, h: number, others: readonly TLShape[]): boolean {
  return others.some((other) => rectsOverlap({ x: other.x, y: other.y, ...recordSize(other) }, { ...spot, w: NOTE_SIZE, h }))
}

describe('grownNotePosition', () => {
  it('leaves a grown note where it is while all of it fits there', () => {
    const row = [0, 1, 2, 3, 4].map((slot) => noteIn(slot))
    const grown = noteIn(5, 'lang')
    expect(grownNotePosition(board, grown, { w: NOTE_SIZE, h: bottom - grown.y }, row)).toEqual({ x: grown.x, y: grown.y })
  })

  it('moves a note of the last row up as far as the board’s edge asks when nothing is above it', () => {
    const grown = noteIn(10, 'lang')
    expect(grownNotePosition(board, grown, { w: NOTE_SIZE, h: 400 }, [noteIn(1)])).toEqual({ x: grown.x, y: bottom - 400 })
  })

  it('moves a note up only as far as it stays clear of the note above it', () => {
    const row = [0, 1, 2, 3, 4].map((slot) => noteIn(slot))
    const grown = noteIn(5, 'lang')
    const h = bottom - (NOTE_SIZE + BOARD_HEADER_HEIGHT) // moved up, it ends where the board's padding starts and starts right under R1
    expect(grownNotePosition(board, grown, { w: NOTE_SIZE, h }, row)).toEqual({ x: grown.x, y: BOARD_HEADER_HEIGHT + NOTE_SIZE })
  })

  it('the report’s case: under R1, grown too tall to move up without covering R1, it goes to a free column of the first row', () => {
    const row = [0, 1, 2].map((slot) => noteIn(slot))
    const grown = noteIn(5, 'lang')
    const spot = grownNotePosition(board, grown, { w: NOTE_SIZE, h: 640 }, row)
    expect(spot).toEqual(noteSlotPosition(3))
    expect(covers(spot, 640, row)).toBe(false)
  })

  it('with the first row full and no room on the board for all of it, it stays clear of R1 and reaches past the board’s edge', () => {
    const row = [0, 1, 2, 3, 4].map((slot) => noteIn(slot))
    const grown = noteIn(5, 'lang')
    const spot = grownNotePosition(board, grown, { w: NOTE_SIZE, h: 640 }, row)
    expect(covers(spot, 640, row)).toBe(false)
    expect(spot).toEqual({ x: grown.x, y: BOARD_HEADER_HEIGHT + NOTE_SIZE + NOTE_GAP })
  })

  it('a note growing in its free column does not jump while it still fits: a second keystroke leaves it where the first put it', () => {
    const row = [0, 1, 2].map((slot) => noteIn(slot))
    const grown = noteIn(5, 'lang')
    const first = grownNotePosition(board, grown, { w: NOTE_SIZE, h: 450 }, row)
    const second = grownNotePosition(board, { ...grown, ...first }, { w: NOTE_SIZE, h: 480 }, row)
    expect(second).toEqual(first)
  })

  it('keeps clear of clusters and their names too', () => {
    const grown = noteIn(10, 'lang')
    const cluster = { ...noteIn(5), id: 'shape:c', type: 'frame', props: { w: 250, h: 250, name: 'Verkehr', color: 'blue' }, meta: { kind: 'cluster' } } as unknown as TLShape
    const spot = grownNotePosition(board, grown, { w: NOTE_SIZE, h: 400 }, [cluster])
    expect(rectsOverlap(clusterArea(cluster as unknown as Parameters<typeof clusterArea>[0]), { ...spot, w: NOTE_SIZE, h: 400 })).toBe(false)
    expect(spot.y + 400).toBeLessThanOrEqual(bottom)
  })
})
