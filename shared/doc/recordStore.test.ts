import { expect, it } from 'vitest'
import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { defaultTemplate } from '../template/defaultTemplate.ts'
import { boardsInOrder, buildNoteRecord, buildSeedRecords } from '../workshop/workshopRecords.ts'
import { getRecordStore, readRecords, writeRecords } from './documentLayout.ts'
import type { RecordChange } from './recordStore.ts'
import { toStoredRecord } from './storedRecord.ts'

const seed = buildSeedRecords(defaultTemplate)
const board = boardsInOrder(seed)[0]!
const note = buildNoteRecord({ board, author: { authorId: 'anna-1', authorName: 'Anna' }, text: 'Treffpunkt', siblings: seed })

function synced(from: Y.Doc): Y.Doc {
  const to = new Y.Doc()
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from))
  return to
}

it('hands out one object per stored value, so records compare by identity', () => {
  const doc = new Y.Doc()
  writeRecords(doc, { put: [...seed, note] })
  const store = getRecordStore(doc)
  expect(store.get(note.id)).toBe(store.get(note.id))
  expect([...store.values()].find((record) => record.id === note.id)).toBe(store.get(note.id))
  expect(store.get(note.id)).toEqual(note)
  expect(store.size).toBe(seed.length + 1)
})

it('reports changes with whole records, also for changes from elsewhere', () => {
  const doc = new Y.Doc()
  writeRecords(doc, { put: [note] })
  const remote = synced(doc)
  const seen: Map<string, RecordChange>[] = []
  const listener = (changes: Map<string, RecordChange>) => seen.push(changes)
  getRecordStore(remote)
  getRecordStore(remote).on('change', listener)
  const moved = { ...note, x: note.x + 40 }
  writeRecords(doc, { put: [moved] })
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(remote)))
  writeRecords(doc, { remove: [note.id] })
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(remote)))
  expect(seen.map((changes) => changes.get(note.id))).toEqual([
    { action: 'update', oldValue: note, newValue: moved },
    { action: 'delete', oldValue: moved, newValue: undefined },
  ])
  // The record a change hands out is the one the store hands out before and after it.
  const [update, removal] = seen.map((changes) => changes.get(note.id)!)
  expect(removal!.action === 'delete' && removal!.oldValue).toBe(update!.action === 'update' && update!.newValue)
  getRecordStore(remote).off('change', listener)
  writeRecords(doc, { put: [note] })
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(remote)))
  expect(seen).toHaveLength(2)
})

it('builds a record again when its key is written again after a delete', async () => {
  const doc = new Y.Doc()
  const store = getRecordStore(doc)
  writeRecords(doc, { put: [note] })
  const first = store.get(note.id)
  writeRecords(doc, { remove: [note.id] })
  await Promise.resolve()
  expect(store.get(note.id)).toBeUndefined()
  writeRecords(doc, { put: [{ ...note, x: 5 }] })
  expect(store.get(note.id)).toEqual({ ...note, x: 5 })
  expect(store.get(note.id)).not.toBe(first)
})

it('reads a document whose entries hold compact records as objects (layout version 2)', () => {
  const doc = new Y.Doc()
  doc.getArray<{ key: string; val: unknown }>('records').push([...seed, note].map((record) => ({ key: record.id, val: JSON.parse(toStoredRecord(record)) })))
  expect(getRecordStore(doc).get(note.id)).toEqual(note)
  expect(readRecords(doc)).toHaveLength(seed.length + 1)
})

it('reads a document whose entries hold full records (layout version 1)', () => {
  const doc = new Y.Doc()
  doc.getArray<{ key: string; val: TLRecord }>('records').push([...seed, note].map((record) => ({ key: record.id, val: record })))
  const byId = (records: TLRecord[]) => [...records].sort((a, b) => a.id.localeCompare(b.id))
  expect(byId(readRecords(doc))).toEqual(byId([...seed, note]))
  // A record written now goes in its stored form beside the old entries.
  writeRecords(doc, { put: [{ ...note, y: note.y + 10 }] })
  expect(getRecordStore(synced(doc)).get(note.id)).toEqual({ ...note, y: note.y + 10 })
})
