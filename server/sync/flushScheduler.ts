import type { SessionStore, UpdateAppend } from '../persistence/sessionStore.ts'
import type { Room, RoomBatch } from './room.ts'
import { logError } from '../logging/log.ts'

/**
 * Batches all rooms' changes of one event-loop tick: on `setImmediate`, every dirty room's
 * updates are merged, written to the store in ONE transaction (one fsync), and only after the
 * commit returned broadcast. "Write before broadcast" is what makes a crash lose nothing any
 * client has seen. Anyone about to send document state (a sync step 2 reply, an HTTP answer
 * after a server change) calls {@link flush} first for the same reason.
 */
export class FlushScheduler {
  private readonly dirty = new Set<Room>()
  private scheduled: NodeJS.Immediate | undefined

  constructor(
    private readonly store: SessionStore,
    /** Called when the store refused a write; the rooms must not keep unstored state in memory. */
    private readonly onWriteFailure: (rooms: Room[], error: unknown) => void,
  ) {}

  markDirty(room: Room): void {
    this.dirty.add(room)
    this.scheduled ??= setImmediate(() => {
      try {
        this.flush()
      } catch (error) {
        // Store failures are handled inside flush; anything else is a bug, but must not end the process.
        logError('[pinnwand] flushing rooms failed:', error)
      }
    })
  }

  /** Drops a room's pending changes unwritten (its session is being deleted). */
  forget(room: Room): void {
    this.dirty.delete(room)
  }

  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled)
    this.scheduled = undefined
    if (this.dirty.size === 0) return
    const rooms = [...this.dirty]
    this.dirty.clear()
    const batches: Array<[Room, RoomBatch]> = rooms.map((room) => [room, room.takeBatch()])
    const appends: UpdateAppend[] = []
    for (const [room, batch] of batches) {
      if (batch.update)
        appends.push({ sessionId: room.sessionId, update: batch.update, ...(batch.compactTo ? { compactTo: batch.compactTo } : {}) })
    }
    if (appends.length > 0) {
      try {
        this.store.appendUpdates(appends)
      } catch (error) {
        this.onWriteFailure(
          batches.filter(([, batch]) => batch.update).map(([room]) => room),
          error,
        )
        for (const [room, batch] of batches) if (!batch.update) room.broadcast(batch)
        return
      }
    }
    for (const [room, batch] of batches) room.broadcast(batch)
  }
}
