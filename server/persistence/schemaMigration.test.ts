import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getMetaMap, readRecords, readSessionMeta, writeRecords } from '../../shared/doc/documentLayout.ts'
import { pinnwandSchema } from '../../shared/doc/tldrawSchema.ts'
import { defaultTemplate } from '../../shared/template/defaultTemplate.ts'
import { seedSessionDocument } from '../../shared/workshop/seedSession.ts'
import { boardsInOrder, buildNoteRecord } from '../../shared/workshop/workshopRecords.ts'
import { RoomRegistry } from '../sync/roomRegistry.ts'
import { loadSessionDocument } from './loadSessionDocument.ts'
import { SqliteSessionStore } from './sqlite/sqliteSessionStore.ts'

const dataDirs: string[] = []
afterEach(() => {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function openStore(): SqliteSessionStore {
  const dir = mkdtempSync(join(tmpdir(), 'pinnwand-migration-'))
  dataDirs.push(dir)
  return SqliteSessionStore.open(dir)
}

/** The current schema with the note and frame shapes one version back: what an older tldraw wrote. */
function olderSchema(): SerializedSchema {
  const schema = structuredClone(pinnwandSchema().serialize()) as SerializedSchema & { sequences: Record<string, number> }
  schema.sequences['com.tldraw.shape.note']! -= 1
  schema.sequences['com.tldraw.shape.frame']! -= 1
  return schema
}

/** A session document as the older tldraw would have stored it, plus the records as they are today. */
function documentWrittenBy(schema: SerializedSchema, sessionId: string, store: SqliteSessionStore): TLRecord[] {
  const today = new Y.Doc()
  seedSessionDocument(today, defaultTemplate)
  const board = boardsInOrder(readRecords(today))[0]!
  const note = buildNoteRecord({ board, author: { authorId: 'u-anna', authorName: 'Anna' }, text: 'alt', siblings: [] })
  writeRecords(today, { put: [note] })
  const current = readRecords(today)

  const old = new Y.Doc()
  const downgraded = current.map((record) => {
    const result = pinnwandSchema().migratePersistedRecord(record, schema, 'down')
    if (result.type !== 'success') throw new Error(`cannot downgrade ${record.id}`)
    return result.value
  })
  expect(JSON.stringify(downgraded)).not.toBe(JSON.stringify(current))
  writeRecords(old, { put: downgraded })
  getMetaMap(old).set('template', defaultTemplate)
  getMetaMap(old).set('schema', schema)
  store.createSession(
    { id: sessionId, title: 'alt', moderatorToken: 'm', viewerToken: 'v', createdAt: new Date().toISOString(), template: defaultTemplate },
    Y.encodeStateAsUpdate(old),
  )
  return current
}

const registryFor = (store: SqliteSessionStore) =>
  new RoomRegistry(store, { unloadGraceMs: 0, compaction: { maxUpdates: 500, maxGrowthBytes: 1 << 20 } })

const byId = (records: TLRecord[]) => Object.fromEntries(records.map((record) => [record.id, record]))

describe('loading a document written by an older tldraw', () => {
  it('migrates its records with tldraw’s migrations and stores the result', () => {
    const store = openStore()
    const expected = documentWrittenBy(olderSchema(), 'session-older-0001', store)
    const registry = registryFor(store)
    const room = registry.acquire('session-older-0001')
    expect(byId(readRecords(room.doc))).toEqual(byId(expected))
    expect(readSessionMeta(room.doc)?.schema).toEqual(pinnwandSchema().serialize())
    registry.closeAll(1001, 'test over')

    const reloaded = loadSessionDocument(store, 'session-older-0001')
    expect(byId(readRecords(reloaded))).toEqual(byId(expected))
    expect(readSessionMeta(reloaded)?.schema).toEqual(pinnwandSchema().serialize())
    store.close()
  })

  it('refuses to load a document from a newer tldraw instead of corrupting it', () => {
    const store = openStore()
    const newer = structuredClone(pinnwandSchema().serialize()) as SerializedSchema & { sequences: Record<string, number> }
    newer.sequences['com.tldraw.shape.note']! += 1
    const doc = new Y.Doc()
    seedSessionDocument(doc, defaultTemplate)
    getMetaMap(doc).set('schema', newer)
    store.createSession(
      { id: 'session-newer-00001', title: 'neu', moderatorToken: 'm', viewerToken: 'v', createdAt: new Date().toISOString(), template: defaultTemplate },
      Y.encodeStateAsUpdate(doc),
    )
    const stored = store.loadUpdates('session-newer-00001')
    const registry = registryFor(store)
    // A one-update log is read when its document is first used: the failure surfaces there...
    expect(() => registry.acquire('session-newer-00001').doc).toThrow(/migrate/)
    // ...and again for the next caller, which gets the session read afresh from disk.
    expect(() => registry.acquire('session-newer-00001').doc).toThrow(/migrate/)
    // A longer log is read at once: acquiring fails.
    const later = new Y.Doc()
    Y.applyUpdate(later, stored[0]!)
    const before = Y.encodeStateVector(later)
    getMetaMap(later).set('createdAt', new Date().toISOString())
    store.appendUpdates([{ sessionId: 'session-newer-00001', update: Y.encodeStateAsUpdate(later, before) }])
    expect(() => registryFor(store).acquire('session-newer-00001')).toThrow(/migrate/)
    // Nothing was written over the stored document.
    expect(store.loadUpdates('session-newer-00001')[0]).toEqual(stored[0])
    expect(store.logStats('session-newer-00001').count).toBe(2)
    store.close()
  })
})
