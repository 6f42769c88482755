import { afterEach, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { readRecords, writeRecords } from '../../shared/doc/documentLayout.ts'
import { defaultTemplate } from '../../shared/template/defaultTemplate.ts'
import { seedSessionDocument } from '../../shared/workshop/seedSession.ts'
import { boardsInOrder, buildNoteRecord } from '../../shared/workshop/workshopRecords.ts'
import { Room } from './room.ts'

const policy = { maxUpdates: 1_000, maxGrowthBytes: 1 << 30 }

afterEach(() => {
  vi.restoreAllMocks()
})

/** A seeded session with `count` notes, stored as a log of two updates (seed, then the notes). */
function storedLog(count: number): Uint8Array[] {
  const doc = new Y.Doc()
  seedSessionDocument(doc, defaultTemplate)
  const seed = Y.encodeStateAsUpdate(doc)
  const before = Y.encodeStateVector(doc)
  const board = boardsInOrder(readRecords(doc))[0]!
  const author = { authorId: 'p1', authorName: 'Anna' }
  writeRecords(doc, { put: Array.from({ length: count }, (_, index) => buildNoteRecord({ board, author, text: `Karte ${index}`, siblings: [] })) })
  return [seed, Y.encodeStateAsUpdate(doc, before)]
}

it('reads its stored log without encoding it again, and records every change after that', () => {
  const log = storedLog(50)
  const room = new Room('session-load-0001', log, policy, () => undefined)
  // Yjs encodes a transaction for the `update` event whenever the doc has a listener; the
  // stored log is the whole document and already stored, so reading it must not encode it.
  const encoded = vi.spyOn(Y.UpdateEncoderV1.prototype, 'toUint8Array')
  const notes = readRecords(room.doc).filter((record) => record.typeName === 'shape' && record.type === 'note')
  expect(notes).toHaveLength(50)
  expect(encoded).not.toHaveBeenCalled()
  expect(room.takeBatch().update).toBeNull()

  // Changes after the read are collected as before.
  const board = boardsInOrder(readRecords(room.doc))[0]!
  const note = buildNoteRecord({ board, author: { authorId: 'p2', authorName: 'Ben' }, text: 'Nach dem Laden', siblings: [] })
  room.change((doc) => writeRecords(doc, { put: [note] }))
  const batch = room.takeBatch()
  expect(batch.update).not.toBeNull()
  const reloaded = new Y.Doc()
  for (const update of [...log, batch.update!]) Y.applyUpdate(reloaded, update)
  expect(readRecords(reloaded).some((record) => record.id === note.id)).toBe(true)
  room.destroy()
})
