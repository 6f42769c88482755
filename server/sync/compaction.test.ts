import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getRecordStore, readRecords, writeRecords } from '../../shared/doc/documentLayout.ts'
import { defaultTemplate } from '../../shared/template/defaultTemplate.ts'
import { seedSessionDocument } from '../../shared/workshop/seedSession.ts'
import { boardsInOrder, buildNoteRecord, type NoteShape } from '../../shared/workshop/workshopRecords.ts'
import { SqliteSessionStore } from '../persistence/sqlite/sqliteSessionStore.ts'
import { COMPACT_GROWTH_RATIO, COMPACT_MIN_GROWTH_BYTES } from './room.ts'
import { RoomRegistry } from './roomRegistry.ts'

const dataDirs: string[] = []
afterEach(() => {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A store in a fresh DATA_DIR holding one seeded session `sessionId`. */
function storeWithSession(sessionId: string, createdAt = new Date().toISOString()): SqliteSessionStore {
  const dir = mkdtempSync(join(tmpdir(), 'pinnwand-compaction-'))
  dataDirs.push(dir)
  const store = SqliteSessionStore.open(dir)
  const seeded = new Y.Doc()
  seedSessionDocument(seeded, defaultTemplate)
  store.createSession(
    { id: sessionId, title: 't', moderatorToken: 'm', viewerToken: 'v', createdAt, template: defaultTemplate },
    Y.encodeStateAsUpdate(seeded),
  )
  return store
}

it('keeps the stored log of a session whose notes keep moving near the size of its state', () => {
  const store = storeWithSession('session-compaction-01')
  // Absolute thresholds far away: only the growth ratio can compact here.
  const registry = new RoomRegistry(store, { unloadGraceMs: 0, compaction: { maxUpdates: 1_000_000, maxGrowthBytes: 1 << 30 } })
  const room = registry.acquire('session-compaction-01')
  const board = boardsInOrder(readRecords(room.doc))[0]!
  const notes = Array.from({ length: 100 }, (_, index) =>
    buildNoteRecord({ board, author: { authorId: `p${index}`, authorName: `P${index}` }, text: `Karte ${index}`, siblings: [] }),
  )
  registry.change('session-compaction-01', (doc) => writeRecords(doc, { put: notes }))

  let largestRatio = 0
  for (let move = 0; move < 30; move++) {
    registry.change('session-compaction-01', (doc) => {
      const records = getRecordStore(doc)
      for (const note of notes) records.set({ ...(records.get(note.id) as NoteShape), x: move * 10 })
    })
    const stored = store.logStats('session-compaction-01').bytes
    const state = Y.encodeStateAsUpdate(room.doc).byteLength
    largestRatio = Math.max(largestRatio, stored / state)
    expect(stored).toBeLessThanOrEqual(COMPACT_GROWTH_RATIO * state + COMPACT_MIN_GROWTH_BYTES)
  }
  // Compaction really happened (3,000 moves stored one by one would be many times the state).
  expect(store.logStats('session-compaction-01').count).toBeLessThan(30)
  expect(largestRatio).toBeGreaterThan(1)
  registry.closeAll(1001, 'test over')
  const reloaded = new Y.Doc()
  for (const update of store.loadUpdates('session-compaction-01')) Y.applyUpdate(reloaded, update)
  expect((getRecordStore(reloaded).get(notes[0]!.id) as NoteShape).x).toBe(290)
  store.close()
})

it('stores a session as one snapshot when it leaves memory, without counting that as activity', async () => {
  const store = storeWithSession('session-unload-0001', new Date(Date.now() - 60_000).toISOString())
  const registry = new RoomRegistry(store, { unloadGraceMs: 0, compaction: { maxUpdates: 1_000_000, maxGrowthBytes: 1 << 30 } })
  const room = registry.acquire('session-unload-0001')
  const board = boardsInOrder(readRecords(room.doc))[0]!
  const notes = Array.from({ length: 5 }, (_, index) =>
    buildNoteRecord({ board, author: { authorId: `p${index}`, authorName: `P${index}` }, text: `Karte ${index}`, siblings: [] }),
  )
  for (const note of notes) registry.change('session-unload-0001', (doc) => writeRecords(doc, { put: [note] }))
  expect(store.logStats('session-unload-0001').count).toBe(6)
  await new Promise((resolve) => setTimeout(resolve, 5))
  const afterLastChange = new Date().toISOString()
  await new Promise((resolve) => setTimeout(resolve, 5))

  registry.release(room)
  await new Promise((resolve) => setTimeout(resolve, 20))
  expect(registry.loadedCount).toBe(0)
  expect(store.logStats('session-unload-0001').count).toBe(1)
  expect(store.listSessionsInactiveSince(afterLastChange)).toContain('session-unload-0001')
  const reloaded = new Y.Doc()
  Y.applyUpdate(reloaded, store.loadUpdates('session-unload-0001')[0]!)
  expect(notes.every((note) => getRecordStore(reloaded).has(note.id))).toBe(true)

  // Loaded again from that one row, it changes and stores like any session.
  const again = registry.acquire('session-unload-0001')
  registry.change('session-unload-0001', (doc) => writeRecords(doc, { remove: [notes[0]!.id] }))
  expect(store.logStats('session-unload-0001').count).toBe(2)
  registry.release(again)
  registry.closeAll(1001, 'test over')
  const final = new Y.Doc()
  for (const update of store.loadUpdates('session-unload-0001')) Y.applyUpdate(final, update)
  expect(getRecordStore(final).has(notes[0]!.id)).toBe(false)
  expect(getRecordStore(final).has(notes[1]!.id)).toBe(true)
  store.close()
})
