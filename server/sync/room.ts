import * as Y from 'yjs'
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import type { UpdateLogStats } from '../persistence/sessionStore.ts'
import { encodedStateOf, primeEncodedState } from './encodedState.ts'
import { applyUpdateLog } from '../persistence/loadSessionDocument.ts'
import { encodeAwarenessMessage, encodeUpdateMessage } from './protocolMessages.ts'

/** Transaction origin of changes the server makes itself (moderation, sealed notes, migrations). */
export const SERVER_ORIGIN = Symbol('pinnwand-server')
/** Transaction origin of reading the stored log (the doc's `update` listener is attached after it). */
const STORED_LOG_ORIGIN = Symbol('pinnwand-stored-log')

/** A connection as the room sees it: something to send to and to close. */
export interface RoomPeer {
  /** The participant behind the connection, if it joined; null otherwise. */
  readonly identity: string | null
  send(message: Uint8Array): void
  close(code: number, reason: string): void
}

/**
 * Besides the policy's absolute thresholds, a log is compacted once it holds this many times the
 * bytes it had right after its last compaction (a snapshot then): moved notes overwrite records,
 * so without this a busy session's log stays far larger than its state. Each compaction costs one
 * encoding of the document, so growing the trigger with the document keeps the cost per stored
 * byte constant.
 */
export const COMPACT_GROWTH_RATIO = 1.5
/** ...but only after this much growth, so small documents are not re-encoded on every change. */
export const COMPACT_MIN_GROWTH_BYTES = 64 * 1024

/** When to replace a session's update log by one snapshot update. */
export interface CompactionPolicy {
  /** Compact once the log holds this many rows. */
  maxUpdates: number
  /** ...or once it grew by this many bytes beyond its size after the last compaction (or load). */
  maxGrowthBytes: number
}

/** What one flush of a room writes and then sends; produced by {@link Room.takeBatch}. */
export interface RoomBatch {
  /** All document updates applied since the last flush, merged into one. */
  update: Uint8Array | null
  /** When set, the log is replaced by this snapshot in the same transaction. */
  compactTo: Uint8Array | null
  updateSources: Set<unknown>
  awarenessClients: number[]
}

/**
 * One live session: its Y.Doc and Awareness, the connected peers, and what changed since the
 * last flush. Everything applied to the doc (accepted client updates and server changes alike)
 * is collected through the doc's `update` event; the {@link FlushScheduler} writes it to the
 * store and only then asks the room to broadcast it.
 *
 * The stored log is read into the doc on first use of {@link doc}, not when the room is made:
 * until then a log of one update can be sent as it is ({@link unreadState}).
 */
export class Room {
  readonly awareness: Awareness
  readonly peers = new Set<RoomPeer>()
  /** Which peer introduced which awareness client id: a peer may only speak for its own ids. */
  readonly awarenessOwners = new Map<number, RoomPeer>()
  private readonly ydoc = new Y.Doc()
  /** The stored log while it is not yet applied to the doc. */
  private unreadLog: readonly Uint8Array[] | null
  /** Why reading the stored log failed; every later use of the doc fails the same way. */
  private readError: { error: unknown } | null = null
  private pendingUpdates: Uint8Array[] = []
  private updateSources = new Set<unknown>()
  private pendingAwareness = new Set<number>()
  private log: UpdateLogStats
  private bytesAfterCompaction: number

  constructor(
    readonly sessionId: string,
    /** The session's stored update log, in write order. */
    storedLog: readonly Uint8Array[],
    private readonly compaction: CompactionPolicy,
    private readonly markDirty: (room: Room) => void,
    /** Runs once on the doc right after the stored log was read into it (migrations, observers). */
    private readonly prepare: (doc: Y.Doc) => void = () => undefined,
  ) {
    this.unreadLog = storedLog
    this.log = { count: storedLog.length, bytes: storedLog.reduce((sum, update) => sum + update.byteLength, 0) }
    this.bytesAfterCompaction = this.log.bytes
    this.awareness = new Awareness(this.ydoc)
    // The server has no presence of its own.
    this.awareness.setLocalState(null)
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
        for (const clientId of [...added, ...updated, ...removed]) this.pendingAwareness.add(clientId)
        this.markDirty(this)
      },
    )
  }

  /** The session's document, with the stored log read into it (on first use). */
  get doc(): Y.Doc {
    if (this.unreadLog) this.readStoredLog(this.unreadLog)
    if (this.readError) throw this.readError.error
    return this.ydoc
  }

  /**
   * The stored log's only update while it is still unread: an encoding of exactly the session's
   * state. A client that joins with an empty document can be sent it as it is, and the server
   * decodes it afterwards, while that client decodes its copy. Null once read, or for a log of
   * several updates (those are read before anything is sent).
   */
  get unreadState(): Uint8Array | null {
    return this.unreadLog?.length === 1 ? this.unreadLog[0]! : null
  }

  /** Reading the stored log failed (see {@link doc}): the room is of no use and should be dropped. */
  get broken(): boolean {
    return this.readError !== null
  }

  private readStoredLog(log: readonly Uint8Array[]): void {
    this.unreadLog = null
    try {
      applyUpdateLog(this.ydoc, log, STORED_LOG_ORIGIN)
      // Listening only from here on: with an `update` listener, Yjs encodes every transaction
      // as an update, and the stored log's transaction is the whole document (≈ 100 ms for
      // 5,000 notes), encoded only to be ignored as already stored.
      this.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
        this.pendingUpdates.push(update)
        this.updateSources.add(origin)
        this.markDirty(this)
      })
      // A one-update log (a new, compacted or unloaded session) encodes exactly this state: the
      // next clients to join get it without an encoding. Any change (e.g. in `prepare`) drops it.
      if (log.length === 1) primeEncodedState(this.ydoc, log[0]!)
      this.prepare(this.ydoc)
    } catch (error) {
      this.readError = { error }
    }
  }

  /** A change made by the server itself; persisted and broadcast like any accepted update. */
  change(apply: (doc: Y.Doc) => void): void {
    this.doc.transact(() => apply(this.doc), SERVER_ORIGIN)
  }

  addPeer(peer: RoomPeer): void {
    this.peers.add(peer)
  }

  removePeer(peer: RoomPeer): void {
    this.peers.delete(peer)
    const owned = [...this.awarenessOwners].filter(([, owner]) => owner === peer).map(([clientId]) => clientId)
    for (const clientId of owned) this.awarenessOwners.delete(clientId)
    if (owned.length > 0) removeAwarenessStates(this.awareness, owned, null)
  }

  /** Hands the pending changes to the scheduler and decides whether the log is due for compaction. */
  takeBatch(): RoomBatch {
    const update = this.pendingUpdates.length === 0 ? null : Y.mergeUpdates(this.pendingUpdates)
    const batch: RoomBatch = {
      update,
      compactTo: null,
      updateSources: this.updateSources,
      awarenessClients: [...this.pendingAwareness],
    }
    this.pendingUpdates = []
    this.updateSources = new Set()
    this.pendingAwareness = new Set()
    if (update) {
      this.log = { count: this.log.count + 1, bytes: this.log.bytes + update.byteLength }
      const grown = this.log.bytes - this.bytesAfterCompaction
      const grownRelatively =
        grown > COMPACT_MIN_GROWTH_BYTES && this.log.bytes > COMPACT_GROWTH_RATIO * this.bytesAfterCompaction
      if (this.log.count > this.compaction.maxUpdates || grown > this.compaction.maxGrowthBytes || grownRelatively) {
        // The doc holds exactly what is stored plus this batch, so its state replaces the log.
        batch.compactTo = encodedStateOf(this.doc)
        this.log = { count: 1, bytes: batch.compactTo.byteLength }
        this.bytesAfterCompaction = this.log.bytes
      }
    }
    return batch
  }

  /**
   * When the stored log holds more than one update and nothing is pending: the snapshot to
   * replace it with (the doc's state is exactly what is stored), counted as the new log. A
   * session unloaded this way loads from one update next time, which the first joiners get as
   * it is (see encodedState.ts). Null when there is nothing to gain.
   */
  takeIdleSnapshot(): Uint8Array | null {
    if (this.log.count <= 1 || this.pendingUpdates.length > 0 || this.unreadLog || this.readError) return null
    const snapshot = encodedStateOf(this.doc)
    this.log = { count: 1, bytes: snapshot.byteLength }
    this.bytesAfterCompaction = snapshot.byteLength
    return snapshot
  }

  /**
   * Sends a stored batch: ONE encoded update message, the same buffer to every peer except a
   * sole writer (who has it already), and the awareness changes to everyone (including their
   * sender: y-websocket clients treat their own echoed awareness as a sign of life).
   */
  broadcast(batch: RoomBatch): void {
    if (batch.update) {
      const message = encodeUpdateMessage(batch.update)
      const soleSource = batch.updateSources.size === 1 ? [...batch.updateSources][0] : undefined
      for (const peer of this.peers) if (peer !== soleSource) peer.send(message)
    }
    if (batch.awarenessClients.length > 0) {
      const message = encodeAwarenessMessage(encodeAwarenessUpdate(this.awareness, batch.awarenessClients))
      for (const peer of this.peers) peer.send(message)
    }
  }

  /** Closes every peer (their clients reconnect and resync from what is stored). */
  closePeers(code: number, reason: string): void {
    for (const peer of [...this.peers]) peer.close(code, reason)
  }

  destroy(): void {
    this.awareness.destroy()
    this.ydoc.destroy()
  }
}
