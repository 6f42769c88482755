import { createShapeId, type TLBinding, type TLContent, type TLShape } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { defaultTemplate } from '../../shared/template/defaultTemplate.ts'
import { boardsInOrder, buildNoteRecord, buildSeedRecords } from '../../shared/workshop/workshopRecords.ts'
import { withoutSealedNotes } from './sealedCopies.ts'

const board = boardsInOrder(buildSeedRecords(defaultTemplate))[0]!
const anna = { authorId: 'u-anna', authorName: 'Anna' }
const open = buildNoteRecord({ board, author: anna, text: 'Radwege', siblings: [] })
const sealedDraft = buildNoteRecord({ board, author: anna, text: '', siblings: [] })
/** A hidden card as the document holds it: no text, the flag in its meta. */
const sealed = { ...sealedDraft, meta: { ...sealedDraft.meta, sealed: true } }
/** A cluster (frame) holding the sealed note and the open one, copied together. */
const cluster = { ...board, id: 'shape:cluster', parentId: board.id, meta: { kind: 'cluster' } } as unknown as TLShape
const inCluster = (note: TLShape) => ({ ...note, parentId: cluster.id }) as TLShape

function copied(shapes: TLShape[], rootShapeIds = shapes.map((shape) => shape.id), bindings: TLBinding[] = []): TLContent {
  return { shapes, rootShapeIds, bindings, assets: [], schema: { schemaVersion: 2, sequences: {} } }
}

describe('copied content without its hidden cards', () => {
  it('leaves content without hidden cards as it is', () => {
    const content = copied([open as TLShape])
    expect(withoutSealedNotes(content)).toEqual({ content, sealed: 0 })
    expect(withoutSealedNotes(content).content).toBe(content)
  })

  it('leaves out copied hidden cards, at the top and inside a copied cluster, and counts them', () => {
    const content = copied([sealed as TLShape, cluster, inCluster({ ...sealed, id: createShapeId('sealed-2') }), inCluster(open as TLShape)], [sealed.id, cluster.id])
    const { content: rest, sealed: count } = withoutSealedNotes(content)
    expect(count).toBe(2)
    expect(rest.shapes.map((shape) => shape.id)).toEqual([cluster.id, open.id])
    expect(rest.rootShapeIds).toEqual([cluster.id])
  })

  it('drops a binding to a card left out (tldraw cannot paste one without its shapes)', () => {
    const binding = { id: 'binding:a', typeName: 'binding', type: 'arrow', fromId: open.id, toId: sealed.id } as unknown as TLBinding
    const { content: rest } = withoutSealedNotes(copied([open as TLShape, sealed as TLShape], undefined, [binding]))
    expect(rest.bindings).toEqual([])
  })
})
