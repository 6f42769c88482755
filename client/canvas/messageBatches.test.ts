import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writeRecords } from '../../shared/doc/documentLayout.ts'
import { defaultTemplate } from '../../shared/template/defaultTemplate.ts'
import { boardsInOrder, buildNoteRecord, buildSeedRecords } from '../../shared/workshop/workshopRecords.ts'
import { batchesWithin, recordBytes } from './messageBatches.ts'

const board = boardsInOrder(buildSeedRecords(defaultTemplate))[0]!
const note = (text: string) => buildNoteRecord({ board, author: { authorId: 'p-anna', authorName: 'Anna' }, text, siblings: [] })

/** Bytes that writing `record` over its earlier version adds to a document's update. */
function updateBytesOf(record: TLRecord): number {
  const doc = new Y.Doc()
  writeRecords(doc, { put: [{ ...record, meta: { earlier: true } }] })
  const before = Y.encodeStateVector(doc)
  writeRecords(doc, { put: [record] })
  return Y.encodeStateAsUpdate(doc, before).byteLength
}

describe('recordBytes', () => {
  it('counts UTF-8 bytes', () => {
    const ascii = note('a')
    expect(recordBytes(note('ä')) - recordBytes(ascii)).toBe(1)
    expect(recordBytes(note('😀')) - recordBytes(ascii)).toBe(3)
  })

  it('sizes what the update carries from above, and closely', () => {
    for (const record of [note(''), note('Grünflächen für Bürger:innen – 😀 “mehr”'), note('x'.repeat(2000)), board]) {
      const actual = updateBytesOf(record)
      expect(recordBytes(record)).toBeGreaterThanOrEqual(actual)
      expect(recordBytes(record)).toBeLessThan(actual + 100)
    }
  })
})

describe('batchesWithin', () => {
  const sized = new Map<TLRecord, number>()
  const record = (bytes: number) => {
    const made = note(String(bytes) + Math.random())
    sized.set(made, bytes)
    return made
  }
  const sizeOf = (made: TLRecord) => sized.get(made)!

  it('keeps a frame that fits in one batch', () => {
    const put = [record(100), record(200)]
    expect(batchesWithin(put, ['shape:x' as TLRecord['id']], 1000, sizeOf)).toEqual([{ put, remove: ['shape:x'] }])
  })

  it('splits a frame larger than the budget, in order, none over it', () => {
    const put = [record(400), record(400), record(400), record(900), record(50)]
    const batches = batchesWithin(put, [], 1000, sizeOf)
    expect(batches.map((batch) => batch.put)).toEqual([[put[0], put[1]], [put[2]], [put[3], put[4]]])
    for (const batch of batches) expect(batch.put.reduce((sum, made) => sum + sizeOf(made), 0)).toBeLessThanOrEqual(1000)
  })

  it('writes nothing for nothing', () => {
    expect(batchesWithin([], [], 1000, sizeOf)).toEqual([])
  })
})
