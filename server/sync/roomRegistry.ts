import type * as Y from 'yjs'
import { getRecordStore } from '../../shared/doc/documentLayout.ts'
import type { SessionStore } from '../persistence/sessionStore.ts'
import { migrateDocumentSchema } from '../persistence/schemaMigration.ts'
import { FlushScheduler } from './flushScheduler.ts'
import { Room, SERVER_ORIGIN, type CompactionPolicy } from './room.ts'
import { spreadStackedNotes } from './stackedNotes.ts'
import { growClustersAroundGrownNotes } from './clustersAroundGrownNotes.ts'
import { logError } from '../logging/log.ts'
import { CLOSE_CODES } from './closeCodes.ts'

export interface RoomRegistryOptions {
  /** How long a room stays in memory after its last holder left (reconnects are cheap then). */
  unloadGraceMs: number
  compaction: CompactionPolicy
}

interface RoomEntry {
  room: Room
  holds: number
  unloadTimer: NodeJS.Timeout | undefined
}

/** Close code when the store failed to write: clients reconnect and resync from disk. */
export const CLOSE_STORAGE_FAILURE = 1011

/**
 * Live rooms by session id. A room is loaded from the store when first held (a connection, or
 * an HTTP route changing the document) and unloaded when the last holder released it and the
 * grace period passed. Loading is synchronous (better-sqlite3), so two connections arriving at
 * once can never load a session twice.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, RoomEntry>()
  readonly scheduler: FlushScheduler

  constructor(
    private readonly store: SessionStore,
    private readonly options: RoomRegistryOptions,
  ) {
    this.scheduler = new FlushScheduler(store, (rooms, error) => this.dropAfterWriteFailure(rooms, error))
  }

  /** The room of an existing session (the caller checked it exists), held until {@link release}. */
  acquire(sessionId: string): Room {
    let entry = this.rooms.get(sessionId)
    if (entry?.room.broken) {
      // Its stored log could not be read (e.g. a newer tldraw wrote it): try again from disk.
      this.evict(sessionId, CLOSE_CODES.serverError, 'session could not be loaded')
      entry = undefined
    }
    if (!entry) {
      const room = this.load(sessionId)
      // A log of several updates is read now, so a failure refuses this caller. A one-update
      // log waits for its first use (see Room.unreadState).
      if (!room.unreadState) void room.doc
      entry = { room, holds: 0, unloadTimer: undefined }
      this.rooms.set(sessionId, entry)
    }
    clearTimeout(entry.unloadTimer)
    entry.unloadTimer = undefined
    entry.holds++
    return entry.room
  }

  release(room: Room): void {
    const entry = this.rooms.get(room.sessionId)
    if (!entry || entry.room !== room) return
    entry.holds = Math.max(0, entry.holds - 1)
    if (entry.holds === 0) {
      entry.unloadTimer = setTimeout(() => this.unload(entry), this.options.unloadGraceMs)
      entry.unloadTimer.unref()
    }
  }

  /** Holds a room for the duration of `use` (HTTP routes that change a document). */
  withRoom<T>(sessionId: string, use: (room: Room) => T): T {
    const room = this.acquire(sessionId)
    try {
      return use(room)
    } finally {
      this.release(room)
    }
  }

  /**
   * A server change to a session's document (moderation, sealed notes): applied through the
   * room, so it is broadcast to connected clients, and stored before this returns. Validate
   * before writing: whatever `apply` wrote before throwing stays written.
   */
  change<T>(sessionId: string, apply: (doc: Y.Doc) => T): T {
    return this.withRoom(sessionId, (room) => {
      let result: T | undefined
      room.change((doc) => {
        result = apply(doc)
      })
      this.scheduler.flush()
      return result as T
    })
  }

  /**
   * The room of a session if it is loaded right now, without loading or holding it: for readers
   * (the export) that must see unflushed live state but should not load a session as a side effect.
   */
  loaded(sessionId: string): Room | undefined {
    return this.rooms.get(sessionId)?.room
  }

  /**
   * Unloads a session's room at once, unflushed (its session is being deleted): every peer is
   * closed with `code` and nothing pending is written. No-op when the room is not loaded.
   */
  evict(sessionId: string, code: number, reason: string): void {
    const entry = this.rooms.get(sessionId)
    if (!entry) return
    clearTimeout(entry.unloadTimer)
    this.rooms.delete(sessionId)
    // Closing peers removes their presence, which marks the room dirty again: forget it after.
    entry.room.closePeers(code, reason)
    this.scheduler.forget(entry.room)
    entry.room.destroy()
  }

  get loadedCount(): number {
    return this.rooms.size
  }

  /** Graceful shutdown: store everything, close every connection with `code`, drop all rooms. */
  closeAll(code: number, reason: string): void {
    this.scheduler.flush()
    for (const entry of this.rooms.values()) {
      clearTimeout(entry.unloadTimer)
      entry.room.closePeers(code, reason)
    }
    this.scheduler.flush()
    for (const entry of this.rooms.values()) {
      this.storeSnapshot(entry.room)
      entry.room.destroy()
    }
    this.rooms.clear()
  }

  /**
   * A room for the session's stored log. The log is read into the doc when the doc is first
   * used, so a fresh client can be answered with a stored snapshot before that (see Room).
   */
  private load(sessionId: string): Room {
    return new Room(
      sessionId,
      this.store.loadUpdates(sessionId),
      this.options.compaction,
      (dirty) => this.scheduler.markDirty(dirty),
      (doc) => {
        // Written back (and thereby stored) through the room like any server change.
        if (migrateDocumentSchema(doc, SERVER_ORIGIN) === 'migrated') this.scheduler.flush()
        // The record store removes duplicate keys (two concurrent writes of one record) as soon
        // as they meet. It must watch from the start: otherwise every client removes the
        // duplicate itself, and a participant's clean-up of someone else's note would read as a
        // refused delete.
        getRecordStore(doc)
        // Notes sent at the same moment from several phones landed on one spot (see the file).
        spreadStackedNotes(doc, SERVER_ORIGIN)
        // A participant's note grown by its text no longer cut off by its cluster (see the file).
        growClustersAroundGrownNotes(doc, SERVER_ORIGIN)
      },
    )
  }

  private unload(entry: RoomEntry): void {
    if (entry.holds > 0 || this.rooms.get(entry.room.sessionId) !== entry) return
    this.scheduler.flush()
    this.rooms.delete(entry.room.sessionId)
    this.storeSnapshot(entry.room)
    entry.room.destroy()
  }

  /** Compacts a flushed room's stored log on its way out of memory, so it loads fast next time. */
  private storeSnapshot(room: Room): void {
    try {
      const snapshot = room.takeIdleSnapshot()
      if (snapshot) this.store.replaceLog(room.sessionId, snapshot)
    } catch (error) {
      // The log as it is stays valid; it is only longer to load.
      logError(`[pinnwand] compacting session ${room.sessionId} on unload failed:`, error)
    }
  }

  private dropAfterWriteFailure(rooms: Room[], error: unknown): void {
    logError('[pinnwand] storing updates failed; affected sessions reload from disk:', error)
    for (const room of rooms) {
      const entry = this.rooms.get(room.sessionId)
      if (entry?.room === room) this.rooms.delete(room.sessionId)
      // Peers release their holds on close; the next connection loads the stored state.
      room.closePeers(CLOSE_STORAGE_FAILURE, 'storage failure, please reconnect')
      room.destroy()
    }
  }
}
