import { describe, expect, it } from 'vitest'
import type { TLFrameShape, TLShape, TLShapeId } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { defaultTemplate } from '../template/defaultTemplate.ts'
import { BOARD_PADDING, NOTE_SIZE, noteSlotPosition, rectsOverlap } from './boardLayout.ts'
import { clusterGrowthOnBoard, notesOffClusters } from './clusterGrowthOnBoard.ts'
import { recordSize } from './recordSize.ts'
import { CLUSTER_GAP, CLUSTER_PADDING, clusterArea } from './clusterLayout.ts'
import { boardsInOrder, buildNoteRecord, buildSeedRecords, isCluster, isNote, type ClusterShape, type NoteShape } from './workshopRecords.ts'

const seed = buildSeedRecords(defaultTemplate)
const board = boardsInOrder(seed)[0]!
const author = { authorId: 'p-anna', authorName: 'Anna' }
const ONE_NOTE = CLUSTER_PADDING * 2 + NOTE_SIZE

function cluster(id: string, x: number, y: number): ClusterShape {
  const frame: TLFrameShape = {
    id: `shape:${id}` as TLShapeId,
    typeName: 'shape',
    type: 'frame',
    parentId: board.id,
    index: 'a5' as IndexKey,
    x,
    y,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    props: { w: ONE_NOTE, h: ONE_NOTE, name: id, color: 'blue' },
    meta: { kind: 'cluster' },
  }
  return frame as ClusterShape
}

function note(text: string, parent: { id: TLShapeId }, x: number, y: number): NoteShape {
  return { ...buildNoteRecord({ board, author, text, siblings: seed }), parentId: parent.id, x, y }
}

describe('recordSize', () => {
  it('reads a note’s size as tldraw draws it, taller by growY, both times its scale', () => {
    const plain = note('kurz', board, 0, 0)
    expect(recordSize(plain)).toEqual({ w: NOTE_SIZE, h: NOTE_SIZE })
    expect(recordSize({ ...plain, props: { ...plain.props, growY: 90, scale: 1.5 } })).toEqual({ w: NOTE_SIZE * 1.5, h: (NOTE_SIZE + 90) * 1.5 })
    expect(recordSize(cluster('c', 0, 0))).toEqual({ w: ONE_NOTE, h: ONE_NOTE })
  })
})

describe('clusterGrowthOnBoard', () => {
  // "links" holds a note that hangs out to the right; "rechts" sits beside it; a loose note sits
  // where "rechts" has to go.
  const left = cluster('links', 32, 220)
  const right = cluster('rechts', 32 + ONE_NOTE + 20, 220)
  const held = note('drin', left, CLUSTER_PADDING, CLUSTER_PADDING)
  const hanging = note('raus', left, ONE_NOTE - 60, CLUSTER_PADDING)
  const inRight = note('rechts drin', right, CLUSTER_PADDING, CLUSTER_PADDING)
  const loose = note('lose', board, right.x + ONE_NOTE + 30, 200)
  const shapes: TLShape[] = [left, right, held, hanging, inRight, loose]

  it('grows the cluster, moves its neighbour aside and the loose note it then covers to a free slot', () => {
    const changed = clusterGrowthOnBoard(board, left, shapes)
    const byId = new Map(changed.map((shape) => [shape.id, shape]))
    const grown = byId.get(left.id) as ClusterShape
    expect(grown.props.w).toBe(hanging.x + NOTE_SIZE + CLUSTER_PADDING)
    const moved = byId.get(right.id) as ClusterShape
    expect(moved.x).toBe(grown.x + grown.props.w + CLUSTER_GAP)
    // Its note went with it (it is the cluster's child: its position in the cluster stays).
    expect(byId.has(inRight.id)).toBe(false)
    const placed = byId.get(loose.id)!
    expect(placed).toBeDefined()
    const after = shapes.map((shape) => byId.get(shape.id) ?? shape)
    const areas = after.filter(isCluster).map(clusterArea)
    const looseNotes = after.filter((shape) => isNote(shape) && shape.parentId === board.id)
    for (const shape of looseNotes) for (const area of areas) expect(rectsOverlap(area, { x: shape.x, y: shape.y, ...recordSize(shape) })).toBe(false)
    expect(rectsOverlap(clusterArea(grown), clusterArea(moved))).toBe(false)
  })

  it('changes nothing for a cluster that holds its notes', () => {
    expect(clusterGrowthOnBoard(board, left, [left, right, held, inRight, loose])).toEqual([])
  })

  it('grows around a note made taller by its text', () => {
    const tall = { ...held, props: { ...held.props, growY: 100 } }
    const changed = clusterGrowthOnBoard(board, left, [left, tall])
    expect((changed[0] as ClusterShape).props.h).toBe(CLUSTER_PADDING + NOTE_SIZE + 100 + CLUSTER_PADDING)
  })
})

describe('notesOffClusters', () => {
  const slot = (index: number) => noteSlotPosition(index)
  const inSlot = (text: string, index: number) => note(text, board, slot(index).x, slot(index).y)
  const tallNote = (text: string, index: number, growY: number) => {
    const shape = inSlot(text, index)
    return { ...shape, props: { ...shape.props, growY } }
  }
  /** A one-note cluster over slot `index`, so that it covers a loose note there. */
  const clusterOver = (index: number) => cluster('neu', slot(index).x, slot(index).y)
  const rect = (shape: TLShape) => ({ x: shape.x, y: shape.y, ...recordSize(shape) })

  it('does not move a note under a tall note: the area it covers further down is taken', () => {
    // Anna's note of ~500 characters in the first slot reaches down over the second row.
    const anna = tallNote('Anna: sehr lang …', 0, 400)
    const topRow = [1, 2, 3, 4].map((index) => inSlot(`oben ${index}`, index))
    const ben = inSlot('Tippfehler korrigiert', 12)
    const formed = clusterOver(12)
    const moved = notesOffClusters(board, [anna, ...topRow, ben, formed], [formed])
    expect(moved.map((shape) => shape.id)).toEqual([ben.id])
    for (const other of [anna, ...topRow]) expect(rectsOverlap(rect(moved[0]!), rect(other))).toBe(false)
  })

  it('moves a long note a new cluster covers out from under it even when the crowded board has no free slot for it', () => {
    // The report: "Cluster bilden" over the first two slots covered the top of Anna's long note
    // (not in it); with no slot free for its length, the slot it went to (the piles of a full
    // board) lay under the frame again.
    const anna = tallNote('Anna: sehr lang …', 1, 500)
    const topRow = [2, 3, 4, 12, 13].map((index) => inSlot(`Karte ${index}`, index))
    const formed = { ...cluster('neu', 32, 220), props: { ...cluster('neu', 32, 220).props, w: ONE_NOTE * 2 - CLUSTER_PADDING * 2 + CLUSTER_GAP } }
    const moved = notesOffClusters(board, [anna, ...topRow, formed], [formed])
    expect(moved.map((shape) => shape.id)).toEqual([anna.id])
    // The cluster covers its top: that is what gets it moved.
    expect(rectsOverlap(rect(anna), clusterArea(formed))).toBe(true)
    const placed = rect(moved[0]!)
    expect(rectsOverlap(placed, clusterArea(formed))).toBe(false)
    // Taller than the board's room below its question and clear of nothing in the first row, it
    // goes below the cluster in its column, covering nothing, its head on its board.
    for (const other of topRow) expect(rectsOverlap(placed, rect(other))).toBe(false)
    expect(placed.x).toBe(anna.x)
    expect(placed.y + NOTE_SIZE).toBeLessThanOrEqual(board.props.h - BOARD_PADDING)
  })

  it('keeps a tall note it moves on its board, so it never reaches over the board below', () => {
    const rowsAbove = Array.from({ length: 10 }, (_, index) => inSlot(`Karte ${index}`, index))
    const anna = tallNote('Anna: sehr lang …', 12, 250)
    const formed = clusterOver(12)
    const moved = notesOffClusters(board, [...rowsAbove, anna, formed], [formed])
    // The cluster's name room reaches into the second row too: those notes move as well.
    expect(moved.map((shape) => shape.id)).toContain(anna.id)
    for (const shape of moved) {
      const placed = rect(shape)
      expect(placed.y + placed.h).toBeLessThanOrEqual(board.props.h)
      expect(rectsOverlap(placed, clusterArea(formed))).toBe(false)
    }
  })
})
