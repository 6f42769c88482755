import { describe, expect, it } from 'vitest'
import type { TLFrameShape, TLRecord } from '@tldraw/tlschema'
import { createShapeId } from '../doc/tldrawPrimitives.ts'
import { defaultTemplate } from '../template/defaultTemplate.ts'
import { NOTE_COLUMNS, NOTE_SIZE, noteSlotPosition } from './boardLayout.ts'
import { CLUSTER_LABEL_SPACE } from './clusterLayout.ts'
import { boardsInOrder, buildNoteRecord, buildSeedRecords, placeForSize, type NoteShape } from './workshopRecords.ts'

const author = { authorId: 'p-anna', authorName: 'Anna' }

describe('buildNoteRecord', () => {
  it('places a new note beside a cluster on its board, not under or over it, and layers it above', () => {
    const seed = buildSeedRecords(defaultTemplate)
    const board = boardsInOrder(seed)[1]!
    const first = buildNoteRecord({ board, author, text: 'erste', siblings: seed })
    expect({ x: first.x, y: first.y }).toEqual(noteSlotPosition(0))

    // A cluster of two notes where the first two slots of the top row are.
    const slot = noteSlotPosition(0)
    const cluster = {
      ...first,
      id: createShapeId(),
      type: 'frame',
      index: 'a5',
      x: slot.x,
      y: slot.y + CLUSTER_LABEL_SPACE,
      props: { w: 2 * NOTE_SIZE + 40, h: NOTE_SIZE + 32, name: 'Verkehr', color: 'black' },
      meta: { kind: 'cluster' },
    } as unknown as TLFrameShape
    const siblings: TLRecord[] = [...seed, cluster]
    const next = buildNoteRecord({ board, author, text: 'neu', siblings })
    expect({ x: next.x, y: next.y }).toEqual(noteSlotPosition(2))
    expect(next.index > cluster.index).toBe(true)
  })
})

describe('placeForSize', () => {
  /** Notes by Anna in `slots` of board 0 (as posted, at an empty note's size), with the seed records. */
  function boardWith(slots: readonly number[]) {
    const seed = buildSeedRecords(defaultTemplate)
    const board = boardsInOrder(seed)[0]!
    const notes = slots.map((slot) => ({ ...buildNoteRecord({ board, author, text: `Karte ${slot}`, siblings: [] }), ...noteSlotPosition(slot) }))
    return { board, records: [...seed, ...notes] as TLRecord[] }
  }
  /** A note posted from the phone into the first free slot, with a text a canvas then measures `h` tall. */
  function posted(board: ReturnType<typeof boardWith>['board'], records: readonly TLRecord[]): NoteShape {
    return buildNoteRecord({ board, author, text: 'Radwege\nsicherer\nbreiter\nbeleuchtet\ndurchgehend\ngeräumt', siblings: records })
  }

  it('moves a posted note that its measured text makes reach down over the note below its slot to the first slot with room for all of it', () => {
    // The top row but its first slot, and the first note of the second row, right below that slot.
    const { board, records } = boardWith([1, 2, 3, 4, NOTE_COLUMNS])
    const note = posted(board, records)
    expect({ x: note.x, y: note.y }).toEqual(noteSlotPosition(0))
    const size = { w: NOTE_SIZE, h: 320 }
    // The second row's second slot: free, and the third row below it is empty.
    expect(placeForSize(board, note, [...records, note], size)).toEqual(noteSlotPosition(NOTE_COLUMNS + 1))
  })

  it('leaves a posted note where it is when all of it fits there', () => {
    const { board, records } = boardWith([1, 2, 3, 4])
    const note = posted(board, records)
    expect(placeForSize(board, note, [...records, note], { w: NOTE_SIZE, h: 320 })).toEqual({ x: note.x, y: note.y })
  })

  it('moves a posted note that its measured text makes reach past the board’s bottom edge up to a slot where it fits', () => {
    const { board, records } = boardWith([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    const note = posted(board, records)
    expect({ x: note.x, y: note.y }).toEqual(noteSlotPosition(2 * NOTE_COLUMNS))
    const spot = placeForSize(board, note, [...records, note], { w: NOTE_SIZE, h: 320 })
    expect(spot.y + 320).toBeLessThanOrEqual(board.props.h)
  })
})
