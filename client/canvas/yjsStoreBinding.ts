import type { TLRecord, TLStore } from '@tldraw/tlschema'
import { isEqual } from '@tldraw/utils'
import type * as Y from 'yjs'
import { getRecordStore, readSessionMeta, writeRecords } from '../../shared/doc/documentLayout.ts'
import type { Verdict } from '../../shared/permissions/updatePolicy.ts'
import { refuse } from '../../shared/permissions/participantRules.ts'
import type { FrameScheduler } from './frameScheduler.ts'
import { batchesWithin, recordBytes } from './messageBatches.ts'

type RecordId = TLRecord['id']

const TOO_BIG = refuse('messageTooBig')

/** Decides, before anything is sent, whether a local change may go out; `next` undefined = delete. */
export type RecordGuard = (id: RecordId, next: TLRecord | undefined) => Verdict

/** A local change the guard refused: what the person tried, and what the document keeps. */
export interface RefusedChange {
  id: RecordId
  reason: string
  /** The record as the person's change left it in the store; undefined = they deleted it. */
  attempted: TLRecord | undefined
  /** The record as the document holds it (the store returns to it); undefined = not there. */
  current: TLRecord | undefined
}

export interface YjsStoreBindingOptions {
  store: TLStore
  doc: Y.Doc
  schedule: FrameScheduler
  /** Local changes the guard refuses are not written; the store returns to the document's state. */
  guard?: RecordGuard
  onRefused?: (refused: RefusedChange[]) => void
  /**
   * A refused change to a record this says yes to stays in the store, unsent, until
   * {@link YjsStoreBinding.settle}: the note someone is typing into when the moderator locks its
   * board keeps what they type, instead of losing it key by key, and goes back (reported through
   * `onRefused`, with the whole text) only when they are done.
   */
  holdRefused?: (refused: RefusedChange) => boolean
  /** A record's change is held from now on (see `holdRefused`); once per record and hold. */
  onHeld?: (refused: RefusedChange) => void
  /** A held record's change went out after all (allowed again, or back to the document's state). */
  onReleased?: (id: RecordId) => void
  /**
   * The most bytes one transaction (one websocket message) may carry: the server closes the
   * connection on a larger message, and what was sent after it was lost too. A frame's changes
   * beyond it go out in further transactions; a single record larger is refused ('messageTooBig').
   */
  maxUpdateBytes?: number
}

export interface YjsStoreBinding {
  /** Writes pending local changes now (tests, page hide). */
  flush: () => void
  /** Ends the hold on `id` (see `holdRefused`): writes its change if now allowed, else returns it. */
  settle: (id: RecordId) => void
  /** Whether a refused change to `id` is held (see `holdRefused`). */
  isHeld: (id: RecordId) => boolean
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
export function bindStoreToYjs({ store, doc, schedule, guard, onRefused, holdRefused, onHeld, onReleased, maxUpdateBytes = Number.POSITIVE_INFINITY }: YjsStoreBindingOptions): YjsStoreBinding {
  const records = getRecordStore(doc)
  const origin = { binding: 'tldraw-store' }
  const reader = createRecordReader(store.schema, doc)
  const toStoreRecord = (raw: TLRecord): TLRecord | undefined => {
    const record = reader.migrate(raw)
    return record && reader.validate(store, record)
  }

  const fromDocument = (id: RecordId): TLRecord | undefined => {
    const raw = records.get(id)
    return raw === undefined ? undefined : toStoreRecord(raw)
  }

  // Fill the store from the document, replacing whatever document records it held. Records the
  // store already holds as the very same object (created from the document, see
  // createStoreFromDocument) were validated then and are left alone.
  store.mergeRemoteChanges(() => {
    const keep = new Set<RecordId>()
    const incoming: TLRecord[] = []
    for (const val of records.values()) {
      keep.add(val.id)
      if (store.unsafeGetWithoutCapture(val.id) === val) continue
      const record = toStoreRecord(val)
      if (record) incoming.push(record)
    }
    const stale = store
      .allRecords()
      .filter((record) => store.scopedTypes.document.has(record.typeName) && !keep.has(record.id))
      .map((record) => record.id)
    if (stale.length > 0) store.remove(stale)
    if (incoming.length > 0) store.put(incoming)
  })

  const measured = Number.isFinite(maxUpdateBytes)
  const pending = new Set<RecordId>()
  /** Refused changes kept in the store for now (see holdRefused). */
  const held = new Set<RecordId>()
  let cancelScheduled: (() => void) | undefined

  const flush = (release?: RecordId) => {
    cancelScheduled?.()
    cancelScheduled = undefined
    if (pending.size === 0) return
    const put: TLRecord[] = []
    const remove: RecordId[] = []
    const refused: RefusedChange[] = []
    const nowHeld: RefusedChange[] = []
    const released: RecordId[] = []
    /** The change to `id` goes out (or is no change any more): no longer held. */
    const noLongerHeld = (id: RecordId) => {
      if (held.delete(id)) released.push(id)
    }
    const sizes = new Map<TLRecord, number>()
    for (const id of pending) {
      const next = store.unsafeGetWithoutCapture(id)
      const current = records.get(id)
      if (next ? isEqual(next, current) : current === undefined) {
        noLongerHeld(id)
        continue
      }
      const bytes = next && measured ? recordBytes(next) : 0
      const verdict = bytes > maxUpdateBytes ? TOO_BIG : guard?.(id, next)
      if (verdict && !verdict.allowed) {
        const change = { id, reason: verdict.reason, attempted: next, current: fromDocument(id) }
        if (id !== release && holdRefused?.(change)) {
          if (!held.has(id)) nowHeld.push(change)
          held.add(id)
        } else {
          held.delete(id)
          refused.push(change)
        }
        continue
      }
      noLongerHeld(id)
      if (next) {
        put.push(next)
        sizes.set(next, bytes)
      } else remove.push(id)
    }
    pending.clear()
    for (const batch of batchesWithin(put, remove, maxUpdateBytes, (record) => sizes.get(record)!)) writeRecords(doc, batch, origin)
    if (refused.length > 0) {
      store.mergeRemoteChanges(() => {
        for (const { id, current } of refused) {
          if (current) store.put([current])
          else if (store.has(id)) store.remove([id])
        }
      })
      onRefused?.(refused)
    }
    for (const change of nowHeld) onHeld?.(change)
    for (const id of released) onReleased?.(id)
  }

  const settle = (id: RecordId) => {
    if (!held.has(id)) return
    pending.add(id)
    flush(id)
  }

  const stopListening = store.listen(
    ({ changes }) => {
      for (const record of Object.values(changes.added)) pending.add(record.id)
      for (const [, record] of Object.values(changes.updated)) pending.add(record.id)
      for (const record of Object.values(changes.removed)) pending.add(record.id)
      if (pending.size > 0 && !cancelScheduled) cancelScheduled = schedule(() => flush())
    },
    { source: 'user', scope: 'document' },
  )

  const onDocumentChange = (changes: Map<string, { action: 'add' | 'update' | 'delete' }>, transaction: Y.Transaction) => {
    if (transaction.origin === origin) return
    const put: TLRecord[] = []
    const remove: RecordId[] = []
    for (const [key, change] of changes) {
      const id = key as RecordId
      // A held change stays in the store; settling it brings the document's record (see holdRefused).
      if (held.has(id)) continue
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
    flush: () => flush(),
    settle,
    isHeld: (id) => held.has(id),
    dispose: () => {
      flush()
      // Held changes cannot wait any longer: reported as refused, so what they held is not lost silently.
      for (const id of [...held]) settle(id)
      stopListening()
      records.off('change', onDocumentChange)
    },
  }
}

/**
 * The document's records as a store of this schema holds them (migrated when the document was
 * written with an older tldraw schema), not yet validated: for a store created with them as its
 * initial data, which validates each once and builds its record map in one go. Putting 1,000
 * records into an empty store validated each twice (here and in `put`) and grew the store's
 * immutable map one record at a time. Records that cannot be migrated are left out.
 */
export function documentRecordsForStore(schema: TLStore['schema'], doc: Y.Doc): TLRecord[] {
  const reader = createRecordReader(schema, doc)
  const result: TLRecord[] = []
  for (const val of getRecordStore(doc).values()) {
    const record = reader.migrate(val)
    if (record) result.push(record)
  }
  return result
}

/**
 * Turns a record from the document into one this store accepts: migrated when the document was
 * written with an older tldraw schema (meta.schema), validated, or skipped (undefined) when broken.
 */
function createRecordReader(schema: TLStore['schema'], doc: Y.Doc) {
  const persisted = readSessionMeta(doc)?.schema
  const current = schema.serialize()
  const needsMigration = persisted !== undefined && !isEqual(persisted, current)
  return {
    migrate(raw: TLRecord): TLRecord | undefined {
      if (!needsMigration) return raw
      const result = schema.migratePersistedRecord(raw, persisted!)
      if (result.type !== 'success') {
        console.warn('Pinnwand: skipping a record that cannot be migrated', raw.id, result.reason)
        return undefined
      }
      return result.value as TLRecord
    },
    validate(store: TLStore, record: TLRecord): TLRecord | undefined {
      try {
        return schema.validateRecord(store, record, 'initialize', null)
      } catch (error) {
        console.warn('Pinnwand: skipping an invalid record', record.id, error)
        return undefined
      }
    },
  }
}
