import * as Y from 'yjs'
import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import type { WorkshopTemplate } from '../template/templateSchema.ts'
import { RecordStore, type RecordEntry } from './recordStore.ts'

/**
 * The Yjs document layout of a session, defined once:
 *
 * - `doc.getArray('records')`: every tldraw record as a y-utility `YKeyValue` entry
 *   `{ key: record.id, val: stored }`, `stored` being the JSON text of the record without what
 *   the document knows anyway (storedRecord.ts). A moved note overwrites its entry; unlike a `Y.Map`, the
 *   array does not keep growing with each overwrite. Read and write it through
 *   {@link getRecordStore}, which deals in whole tldraw records.
 * - `doc.getMap('meta')`: workshop data, see {@link SessionMeta}.
 */
export const RECORDS_ARRAY_NAME = 'records'
export const META_MAP_NAME = 'meta'

/**
 * Bumped when the layout itself (not tldraw's schema) changes shape. 3: records as compact JSON
 * text (storedRecord.ts). Version 2 held the compact records as objects, version 1 full records
 * as objects; both are read as they are.
 */
export const DOCUMENT_LAYOUT_VERSION = 3

export interface SessionMeta {
  layoutVersion: number
  /** The template the session was created from, verbatim. */
  template: WorkshopTemplate
  /** tldraw's serialized schema of the records, so older documents are migrated when opened. */
  schema: SerializedSchema
  /** ISO timestamp of seeding. */
  createdAt: string
}

const recordStores = new WeakMap<Y.Doc, RecordStore>()

/**
 * The records of a document. Cached per document: its `YKeyValue` observes the array and
 * removes duplicate keys, so exactly one instance per document must exist.
 */
export function getRecordStore(doc: Y.Doc): RecordStore {
  let store = recordStores.get(doc)
  if (!store) {
    store = new RecordStore(doc.getArray<RecordEntry>(RECORDS_ARRAY_NAME))
    recordStores.set(doc, store)
  }
  return store
}

export function getMetaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(META_MAP_NAME)
}

/** All records currently in the document. */
export function readRecords(doc: Y.Doc): TLRecord[] {
  return Array.from(getRecordStore(doc).values())
}

/** Reads the session meta; `undefined` when the document was never seeded. */
export function readSessionMeta(doc: Y.Doc): SessionMeta | undefined {
  const meta = getMetaMap(doc)
  const template = meta.get('template') as WorkshopTemplate | undefined
  const schema = meta.get('schema') as SerializedSchema | undefined
  if (!template || !schema) return undefined
  return {
    layoutVersion: (meta.get('layoutVersion') as number | undefined) ?? DOCUMENT_LAYOUT_VERSION,
    template,
    schema,
    createdAt: (meta.get('createdAt') as string | undefined) ?? '',
  }
}

export function writeSessionMeta(doc: Y.Doc, sessionMeta: SessionMeta): void {
  const meta = getMetaMap(doc)
  doc.transact(() => {
    for (const [key, value] of Object.entries(sessionMeta)) meta.set(key, value)
  })
}

/** Replaces, adds and removes records in one transaction (one update on the wire). */
export function writeRecords(
  doc: Y.Doc,
  changes: { put?: readonly TLRecord[]; remove?: readonly string[] },
  origin?: unknown,
): void {
  const store = getRecordStore(doc)
  doc.transact(() => {
    for (const record of changes.put ?? []) store.set(record)
    for (const id of changes.remove ?? []) store.delete(id)
  }, origin)
}
