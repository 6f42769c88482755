import { describe, expect, it } from 'vitest'
import type { TLFrameShape, TLRecord, TLShape } from '@tldraw/tlschema'
import { createShapeId } from '../doc/tldrawPrimitives.ts'
import { defaultTemplate } from '../template/defaultTemplate.ts'
import { NOTE_SIZE, noteSlotPosition, rectsOverlap, type Rect } from './boardLayout.ts'
import { CLUSTER_LABEL_SPACE, clusterArea } from './clusterLayout.ts'
import { placesForCopies } from './copyPlacement.ts'
import { recordSize } from './recordSize.ts'
import { boardsInOrder, buildNoteRecord, buildSeedRecords, isCluster, type NoteShape } from './workshopRecords.ts'

const author = { authorId: 'p-anna', authorName: 'Anna' }
const seed = buildSeedRecords(defaultTemplate)
const board = boardsInOrder(seed)[0]!

function noteAt(slot: number, growY = 0): NoteShape {
  const note = buildNoteRecord({ board, author, text: `Karte ${slot}`, siblings: seed })
  return { ...note, id: createShapeId(), ...noteSlotPosition(slot), props: { ...note.props, growY } }
}

function clusterAt(x: number, y: number, w: number, h: number): TLFrameShape {
  return {
    ...noteAt(0),
    id: createShapeId(),
    type: 'frame',
    x,
    y,
    props: { w, h, name: 'Cluster', color: 'black' },
    meta: { kind: 'cluster' },
  } as unknown as TLFrameShape
}

const areaOf = (shape: TLShape): Rect => (isCluster(shape) ? clusterArea(shape) : { x: shape.x, y: shape.y, ...recordSize(shape) })

/** Whether any two of `shapes` on the board (placed copies included) overlap. */
function anyOverlap(shapes: readonly TLShape[]): boolean {
  return shapes.some((a, i) => shapes.slice(i + 1).some((b) => rectsOverlap(areaOf(a), areaOf(b))))
}

describe('placesForCopies', () => {
  it('puts a duplicated note into the board’s first free slot, not beside its original over the next note', () => {
    const row = [0, 1, 2, 3].map((slot) => noteAt(slot))
    // tldraw's duplicate of the second note: its width and 20 px to the right, 4 px before the third.
    const copy = { ...row[1]!, id: createShapeId(), x: row[1]!.x + NOTE_SIZE + 20 }
    const places = placesForCopies(board, [...seed, ...row, copy], [copy])
    expect(places.get(copy.id)).toEqual(noteSlotPosition(4))
  })

  it('gives each of several copies its own free place, for its real size', () => {
    // A tall note in slot 0 reaches down over slot 5; its copy in slot 3 over slot 8.
    const notes = [noteAt(0, 300), noteAt(1), noteAt(2)]
    const copies = notes.map((note) => ({ ...note, id: createShapeId(), x: note.x + 40 }))
    const places = placesForCopies(board, [...seed, ...notes, ...copies], copies)
    const placed = copies.map((copy) => ({ ...copy, ...places.get(copy.id)! }))
    expect(anyOverlap([...notes, ...placed])).toBe(false)
    expect(placed.map(({ x, y }) => ({ x, y }))).toEqual([noteSlotPosition(3), noteSlotPosition(4), noteSlotPosition(6)])
  })

  it('puts a duplicated cluster, with the room for its name, where it covers no note and no cluster', () => {
    const slot0 = noteSlotPosition(0)
    // A cluster over the first two slots (its name's room in the header's last pixels), a long note in slot 2.
    const cluster = clusterAt(slot0.x, slot0.y + CLUSTER_LABEL_SPACE, 2 * NOTE_SIZE + 40, NOTE_SIZE + 32)
    const long = noteAt(2, 250)
    const copy = { ...cluster, id: createShapeId(), x: cluster.x + cluster.props.w + 20 }
    const places = placesForCopies(board, [...seed, cluster, long, copy], [copy])
    const placed = { ...copy, ...places.get(copy.id)! }
    expect(anyOverlap([cluster, long, placed])).toBe(false)
    const area = clusterArea(placed)
    expect(area.x + area.w).toBeLessThanOrEqual(board.props.w)
    expect(area.y + area.h).toBeLessThanOrEqual(board.props.h)
  })

  it('leaves a cluster where it is when the board has no room of its size, and other shapes alone', () => {
    const huge = clusterAt(40, 300, board.props.w, board.props.h)
    const copy = { ...huge, id: createShapeId() }
    const places = placesForCopies(board, [...seed, huge, copy] as TLRecord[], [copy])
    expect(places.has(copy.id)).toBe(false)
  })
})
