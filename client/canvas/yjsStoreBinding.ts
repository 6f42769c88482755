import type { TLRecord, TLStore } from '@tldraw/tlschema'
import { isEqual } from '@tldraw/utils'
import type * as Y from 'yjs'
import { getRecordStore, readSessionMeta, writeRecords } from '../../shared/doc/documentLayout.ts'
import type { Verdict } from '../../shared/permissions/updatePolicy.ts'
import type { FrameScheduler } from './frameScheduler.ts'

type RecordId = TLRecord['id']

/** Decides, before anything is sent, whether a local change may go out; `next` undefined = delete. */
export type RecordGuard = (id: RecordId, next: TLRecord | undefined) => Verdict

export interface YjsStoreBindingOptions {
  store: TLStore
  doc: Y.Doc
  schedule: FrameScheduler
  /** Local changes the guard refuses are not written; the store returns to the document's state. */
  guard?: RecordGuard
  onRefused?: (reason: string) => void
}

export interface YjsStoreBinding {
  /** Writes pending local changes now (tests, page hide). */
  flush: () => void
  dispose: () => void
}

/**
 * Binds a tldraw store to a session document (shared/doc/documentLayout.ts), the way tldraw's
 * own Yjs example does, with two differences that matter for a crowded room:
 *
 * - The document is the truth and is seeded by the server; the store is filled from it and
 *   never writes seed records back.
 * - Local changes (source `user`, scope `document`) are collected and written in ONE Yjs
 *   transaction per frame, so dragging a note sends one update per frame, not per pointer event.
 *   At flush time the store's current record is compared with the document's, so a record a
 *   remote change overwrote in between is not echoed back.
 *
 * Remote changes are applied with `mergeRemoteChanges`, which tldraw marks as source `remote`,
 * so they never come back to the document.
 */
export function bindStoreToYjs({ store, doc, schedule, guard, onRefused }: YjsStoreBindingOptions): YjsStoreBinding {
  const records = getRecordStore(doc)
  const origin = { binding: 'tldraw-store' }
  const toStoreRecord = createRecordMigrator(store, doc)

  const fromDocument = (id: RecordId): TLRecord | undefined => {
    const raw = records.get(id)
    return raw === undefined ? undefined : toStoreRecord(raw)
  }

  // Fill the store from the document, replacing whatever document records it held.
  store.mergeRemoteChanges(() => {
    const incoming = Array.from(records.map.values(), (entry) => toStoreRecord(entry.val)).filter(
      (record): record is TLRecord => record !== undefined,
    )
    const keep = new Set(incoming.map((record) => record.id))
    const stale = store
      .allRecords()
      .filter((record) => store.scopedTypes.document.has(record.typeName) && !keep.has(record.id))
      .map((record) => record.id)
    if (stale.length > 0) store.remove(stale)
    if (incoming.length > 0) store.put(incoming)
  })

  const pending = new Set<RecordId>()
  let cancelScheduled: (() => void) | undefined

  const flush = () => {
    cancelScheduled?.()
    cancelScheduled = undefined
    if (pending.size === 0) return
    const put: TLRecord[] = []
    const remove: RecordId[] = []
    const refused: Array<{ id: RecordId; reason: string }> = []
    for (const id of pending) {
      const next = store.unsafeGetWithoutCapture(id)
      const current = records.get(id)
      if (next ? isEqual(next, current) : current === undefined) continue
      const verdict = guard?.(id, next)
      if (verdict && !verdict.allowed) {
        refused.push({ id, reason: verdict.reason })
        continue
      }
      if (next) put.push(next)
      else remove.push(id)
    }
    pending.clear()
    if (put.length > 0 || remove.length > 0) writeRecords(doc, { put, remove }, origin)
    if (refused.length > 0) {
      store.mergeRemoteChanges(() => {
        for (const { id } of refused) {
          const current = fromDocument(id)
          if (current) store.put([current])
          else if (store.has(id)) store.remove([id])
        }
      })
      onRefused?.(refused[0]!.reason)
    }
  }

  const stopListening = store.listen(
    ({ changes }) => {
      for (const record of Object.values(changes.added)) pending.add(record.id)
      for (const [, record] of Object.values(changes.updated)) pending.add(record.id)
      for (const record of Object.values(changes.removed)) pending.add(record.id)
      if (pending.size > 0 && !cancelScheduled) cancelScheduled = schedule(flush)
    },
    { source: 'user', scope: 'document' },
  )

  const onDocumentChange = (changes: Map<string, { action: 'add' | 'update' | 'delete' }>, transaction: Y.Transaction) => {
    if (transaction.origin === origin) return
    const put: TLRecord[] = []
    const remove: RecordId[] = []
    for (const [key, change] of changes) {
      const id = key as RecordId
      // The document changed after our edit: Yjs' last writer wins, so our pending edit is dropped.
      pending.delete(id)
      if (change.action === 'delete') {
        if (store.has(id)) remove.push(id)
      } else {
        const record = fromDocument(id)
        if (record) put.push(record)
      }
    }
    if (put.length === 0 && remove.length === 0) return
    store.mergeRemoteChanges(() => {
      if (remove.length > 0) store.remove(remove)
      if (put.length > 0) store.put(put)
    })
  }
  records.on('change', onDocumentChange)

  return {
    flush,
    dispose: () => {
      flush()
      stopListening()
      records.off('change', onDocumentChange)
    },
  }
}

/**
 * Turns a record from the document into one this store accepts: migrated when the document was
 * written with an older tldraw schema (meta.schema), validated, or skipped (undefined) when broken.
 */
function createRecordMigrator(store: TLStore, doc: Y.Doc): (raw: TLRecord) => TLRecord | undefined {
  const persisted = readSessionMeta(doc)?.schema
  const current = store.schema.serialize()
  const needsMigration = persisted !== undefined && !isEqual(persisted, current)
  return (raw) => {
    let record = raw
    if (needsMigration) {
      const result = store.schema.migratePersistedRecord(raw, persisted!)
      if (result.type !== 'success') {
        console.warn('Pinnwand: skipping a record that cannot be migrated', raw.id, result.reason)
        return undefined
      }
      record = result.value as TLRecord
    }
    try {
      return store.schema.validateRecord(store, record, 'initialize', null)
    } catch (error) {
      console.warn('Pinnwand: skipping an invalid record', raw.id, error)
      return undefined
    }
  }
}
