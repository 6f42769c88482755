import { describe, expect, it } from 'vitest'
import type { TLFrameShape, TLRecord } from '@tldraw/tlschema'
import { createShapeId } from '../doc/tldrawPrimitives.ts'
import { defaultTemplate } from '../template/defaultTemplate.ts'
import { NOTE_SIZE, noteSlotPosition } from './boardLayout.ts'
import { CLUSTER_LABEL_SPACE } from './clusterLayout.ts'
import { boardsInOrder, buildNoteRecord, buildSeedRecords } from './workshopRecords.ts'

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
