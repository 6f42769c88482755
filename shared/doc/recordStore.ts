import type * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { fromStoredRecord, toStoredRecord, type StoredRecord } from './storedRecord.ts'

/**
 * One entry of the records array: the record's id and its stored form (storedRecord.ts).
 * Documents of earlier layout versions hold objects; a broken client may have written anything.
 */
export type RecordEntry = { key: string; val: StoredRecord }

/** What a transaction did to the records, by id; like `Y.Map`'s change events. */
export type RecordChange =
  | { action: 'add'; newValue: TLRecord }
  | { action: 'update'; oldValue: TLRecord; newValue: TLRecord }
  | { action: 'delete'; oldValue: TLRecord }

export type RecordChangeListener = (changes: Map<string, RecordChange>, transaction: Y.Transaction) => void

type StoredChange = { action: 'add' | 'update' | 'delete'; oldValue?: unknown; newValue?: unknown }

/** A record built from a stored value, and the one before it, so a change's old and new records keep their identity. */
type BuiltRecord = { stored: unknown; record: TLRecord; previous?: { stored: unknown; record: TLRecord } }

/**
 * The tldraw records of a session document, read and written as whole records. Underneath, a
 * y-utility `YKeyValue` over the records array holds each in its stored form; a record read
 * from it is built once per stored value and then handed out as the same object, so callers may
 * compare records by identity, as they do tldraw's.
 */
export class RecordStore {
  private readonly entries: YKeyValue<unknown>
  private readonly built = new Map<string, BuiltRecord>()
  private readonly listeners = new Map<RecordChangeListener, (changes: Map<string, StoredChange>, transaction: Y.Transaction) => void>()

  constructor(array: Y.Array<RecordEntry>) {
    this.entries = new YKeyValue<unknown>(array as Y.Array<{ key: string; val: unknown }>)
    this.entries.on('change', (changes: Map<string, StoredChange>) => {
      // After every listener has seen the deleted record: a key written again meanwhile stays.
      const deleted = [...changes].filter(([, change]) => change.action === 'delete').map(([key]) => key)
      if (deleted.length > 0) queueMicrotask(() => deleted.forEach((key) => this.entries.has(key) || this.built.delete(key)))
    })
  }

  private record(key: string, stored: unknown): TLRecord {
    // The text is the very string Yjs holds, and engines compare a string with itself by reference.
    const built = this.built.get(key)
    if (built && built.stored === stored) return built.record
    if (built?.previous && built.previous.stored === stored) return built.previous.record
    const record = fromStoredRecord(key, stored)
    this.built.set(key, { stored, record, previous: built && { stored: built.stored, record: built.record } })
    return record
  }

  get size(): number {
    return this.entries.map.size
  }

  has(id: string): boolean {
    return this.entries.has(id)
  }

  get(id: string): TLRecord | undefined {
    const entry = this.entries.map.get(id)
    return entry && this.record(entry.key, entry.val)
  }

  *values(): IterableIterator<TLRecord> {
    for (const { key, val } of this.entries.map.values()) yield this.record(key, val)
  }

  /** Writes `record` under its id; use inside a transaction to group writes. */
  set(record: TLRecord): void {
    this.entries.set(record.id, toStoredRecord(record))
  }

  delete(id: string): void {
    this.entries.delete(id)
  }

  on(event: 'change', listener: RecordChangeListener): void {
    const relay = (changes: Map<string, StoredChange>, transaction: Y.Transaction) => {
      const records = new Map<string, RecordChange>()
      for (const [key, change] of changes) {
        const oldValue = change.oldValue === undefined ? undefined : this.record(key, change.oldValue)
        const newValue = change.newValue === undefined ? undefined : this.record(key, change.newValue)
        records.set(key, { action: change.action, oldValue, newValue } as RecordChange)
      }
      listener(records, transaction)
    }
    this.listeners.set(listener, relay)
    this.entries.on(event, relay)
  }

  off(event: 'change', listener: RecordChangeListener): void {
    const relay = this.listeners.get(listener)
    if (!relay) return
    this.listeners.delete(listener)
    this.entries.off(event, relay)
  }
}
