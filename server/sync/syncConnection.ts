import * as Y from 'yjs'
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import type { WebSocket } from 'ws'
import type { Actor } from '../../shared/permissions/updatePolicy.ts'
import { awarenessClaimFits } from '../../shared/permissions/awarenessClaim.ts'
import { refusal } from '../../shared/permissions/refusal.ts'
import type { UpdateCheck } from '../gate/updateChecks.ts'
import { refused, type GateVerdict } from '../gate/updateGate.ts'
import { CLOSE_CODES, fitCloseReason } from './closeCodes.ts'
import {
  decodeIncomingMessage,
  encodeAwarenessEntries,
  encodeAwarenessMessage,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  isSyncStep2Frame,
  MalformedMessageError,
  type ReceivedAwarenessEntry,
} from './protocolMessages.ts'
import { isEmptyStateVector, stateUpdateSince } from './encodedState.ts'
import type { Room, RoomPeer } from './room.ts'
import { logError } from '../logging/log.ts'

/** A client normally has one awareness id per document; a few more allow a page that reloads its doc. */
const MAX_AWARENESS_IDS_PER_CONNECTION = 8
/** Answered resync requests in a row that did not close the gap before gapped updates count as refused. */
const MAX_RESYNCS_WITHOUT_PROGRESS = 3
/** How long a sync step 1 of ours may stay unanswered before a gapped update asks again. */
const SYNC_ANSWER_TIMEOUT_MS = 10_000
/** A client this far behind (bytes queued for it) cannot keep up; it reconnects and resyncs. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024
/**
 * How long our opening messages may wait for the client's first message while the room's stored
 * state is unread (see {@link SyncConnection.open}). Stock clients speak at once on open.
 */
const OPENING_DEFER_MS = 1_000

/**
 * One websocket of one room, speaking the y-websocket protocol. Every document update it
 * receives passes the gate; awareness updates are limited to the client ids this connection
 * introduced, and to its own identity. Anything undecodable closes this connection only (1007).
 */
export class SyncConnection implements RoomPeer {
  private closed = false
  private resyncsWithoutProgress = 0
  /**
   * When our last sync step 1 was sent and its answer (the client's sync step 2) has not come
   * yet; null when none is outstanding. The server opens every connection with one.
   */
  private syncRequestedAt: number | null = null
  private opened = false
  private openingTimer: NodeJS.Timeout | undefined
  /** Awareness ids this connection introduced or took over (for the per-connection limit). */
  private readonly awarenessIds = new Set<number>()

  constructor(
    private readonly ws: WebSocket,
    private readonly room: Room,
    readonly actor: Actor,
    /** The gate and the write limits (server/gate). */
    private readonly checkUpdate: UpdateCheck,
    /** Larger messages close this connection with 1009, except the answer to our sync request. */
    private readonly maxMessageBytes: number,
    /** Flushes pending changes of all rooms (write before anything leaves the server). */
    private readonly flush: () => void,
    private readonly onClosed: (connection: SyncConnection) => void,
  ) {
    room.addPeer(this)
    ws.on('message', (data, isBinary) => this.receive(data, isBinary))
    ws.on('close', () => this.dispose())
    ws.on('error', () => this.dispose())
    if (room.unreadState) {
      this.openingTimer = setTimeout(() => this.openOrClose(), OPENING_DEFER_MS)
      this.openingTimer.unref()
    } else this.open()
  }

  /**
   * The server opens the sync: its state vector first, then who is online. While the room's
   * stored state is still unread, this waits for the client's first message: a client joining
   * with an empty document asks for everything (sync step 1, empty state vector), and is sent
   * the stored bytes as they are; the server reads them only once they are on their way, so
   * its decoding overlaps the client's (see {@link handle}).
   */
  private open(): void {
    if (this.opened || this.closed) return
    this.opened = true
    clearTimeout(this.openingTimer)
    this.syncRequestedAt = Date.now()
    this.send(encodeSyncStep1(this.room.doc))
    const clients = [...this.room.awareness.getStates().keys()]
    if (clients.length > 0) this.send(encodeAwarenessMessage(encodeAwarenessUpdate(this.room.awareness, clients)))
  }

  /** {@link open} outside a message: a room whose stored state cannot be read closes this connection. */
  private openOrClose(): void {
    try {
      this.open()
    } catch (error) {
      logError(`[pinnwand] loading session ${this.room.sessionId} failed:`, error)
      this.close(CLOSE_CODES.serverError, 'session could not be loaded')
    }
  }

  /** Who may take over this connection's awareness ids after a reconnect: the same participant. */
  get identity(): string | null {
    return this.actor.participantId
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(CLOSE_CODES.tooSlow, 'connection too slow, please reconnect')
      return
    }
    // No per-send callback: a failed socket reports through its 'error'/'close' events, and
    // fan-out to a full room should not allocate a closure per peer and message.
    this.ws.send(message)
  }

  /** Sends `message` and calls `then` once it is handed to the operating system (or failed). */
  private sendThen(message: Uint8Array, then: () => void): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return
    this.ws.send(message, () => then())
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.ws.close(code, fitCloseReason(reason))
    this.dispose()
  }

  private dispose(): void {
    if (this.closed) return
    this.closed = true
    clearTimeout(this.openingTimer)
    this.room.removePeer(this)
    this.onClosed(this)
  }

  private receive(data: unknown, isBinary: boolean): void {
    if (this.closed) return
    try {
      const frame = toUint8Array(data)
      if (frame.byteLength > this.maxMessageBytes && !this.awaitsSyncAnswer(frame)) {
        this.close(CLOSE_CODES.messageTooBig, `message too big (limit ${this.maxMessageBytes} bytes, MAX_MESSAGE_BYTES)`)
        return
      }
      if (!isBinary) throw new MalformedMessageError('text frames are not part of the protocol')
      this.handle(decodeIncomingMessage(frame))
    } catch (error) {
      if (error instanceof MalformedMessageError) this.close(CLOSE_CODES.malformedMessage, error.message)
      else {
        logError('[pinnwand] sync message failed:', error)
        this.close(CLOSE_CODES.malformedMessage, 'message could not be processed')
      }
    }
  }

  /**
   * A sync answer may exceed MAX_MESSAGE_BYTES (up to MAX_SYNC_MESSAGE_BYTES, which ws enforces):
   * a device back online sends all its offline work in it, as one Yjs update nobody can cut into
   * pieces. Only as the answer to our outstanding request, so a client cannot send such messages
   * at will; the gate still judges the whole update.
   */
  private awaitsSyncAnswer(frame: Uint8Array): boolean {
    return this.syncRequestedAt !== null && isSyncStep2Frame(frame)
  }

  private handle(message: ReturnType<typeof decodeIncomingMessage>): void {
    if (!this.opened) {
      const stored = this.room.unreadState
      if (stored && message.type === 'syncStep1' && isEmptyStateVector(message.stateVector)) {
        this.sendThen(encodeSyncStep2(stored), () => this.openOrClose())
        return
      }
      // Awareness needs no document; everything else opens the sync first.
      if (message.type !== 'awareness' && message.type !== 'queryAwareness') {
        this.openOrClose()
        if (this.closed) return
      }
    }
    switch (message.type) {
      case 'syncStep1':
        this.flush()
        this.send(encodeSyncStep2(stateUpdateSince(this.room.doc, message.stateVector)))
        return
      case 'syncStep2':
        // The answer to our sync step 1: it holds everything the client had then.
        this.syncRequestedAt = null
        this.receiveUpdate(message.update)
        return
      case 'update':
        this.receiveUpdate(message.update)
        return
      case 'awareness':
        this.receiveAwareness(message.entries)
        return
      case 'queryAwareness': {
        const clients = [...this.room.awareness.getStates().keys()]
        this.send(encodeAwarenessMessage(encodeAwarenessUpdate(this.room.awareness, clients)))
        return
      }
    }
  }

  private receiveUpdate(update: Uint8Array): void {
    let decision: GateVerdict
    try {
      decision = this.checkUpdate(this.room, this.actor, update)
    } catch (error) {
      throw new MalformedMessageError(`undecodable update: ${(error as Error).message}`)
    }
    if (decision.kind === 'noop') return
    if (decision.kind === 'resync') {
      // While our sync step 1 is unanswered, a gapped update needs nothing more: the client's
      // sync step 2 will carry what it lacks (it answers with all it has), and edits made after
      // that arrive after it. This is the normal case after a reconnect with offline changes
      // while the client keeps editing, so it must not count against the client.
      const waiting = this.syncRequestedAt !== null && Date.now() - this.syncRequestedAt < SYNC_ANSWER_TIMEOUT_MS
      if (waiting) return
      if (this.resyncsWithoutProgress < MAX_RESYNCS_WITHOUT_PROGRESS) {
        this.resyncsWithoutProgress++
        this.syncRequestedAt = Date.now()
        this.send(encodeSyncStep1(this.room.doc))
        return
      }
    }
    if (decision.kind === 'resync') decision = refused(refusal('missingPrerequisites'))
    if (decision.kind === 'refuse') {
      this.send(encodePermissionDenied(decision.reason))
      // A viewer never meant to write; its (dropped) change does not matter. A writer's client
      // still holds the refused change and would resend it; closing with 4001 tells ours to
      // drop its local document and resync from the server.
      if (this.actor.role !== 'viewer') this.close(CLOSE_CODES.updateRefused, `update refused: ${decision.reason}`)
      return
    }
    this.resyncsWithoutProgress = 0
    Y.applyUpdate(this.room.doc, update, this)
  }

  private receiveAwareness(entries: ReceivedAwarenessEntry[]): void {
    const owners = this.room.awarenessOwners
    const accepted = entries.filter(({ clientId, value }) => {
      // Someone else's name or the moderator's role would mislead every client (see awarenessClaimFits).
      if (!awarenessClaimFits(value, this.actor)) return false
      const owner = owners.get(clientId)
      if (owner === this) return true
      // A removal (state null) of an id this connection does not own is another client passing
      // on that someone left (y-protocols drops outdated peers and sends that on). It must not
      // make the id this connection's: the person coming back with it was shut out for good.
      if (value === null) return false
      // A participant who reconnected before the server noticed the old socket died takes its ids over.
      const sameParticipant = owner !== undefined && this.identity !== null && owner.identity === this.identity
      if (owner !== undefined && !sameParticipant) return false
      if (!sameParticipant && this.awarenessIds.size >= MAX_AWARENESS_IDS_PER_CONNECTION) return false
      owners.set(clientId, this)
      this.awarenessIds.add(clientId)
      return true
    })
    if (accepted.length === 0) return
    applyAwarenessUpdate(this.room.awareness, encodeAwarenessEntries(accepted), this)
  }
}

function toUint8Array(data: unknown): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data as Buffer[]))
  if (data instanceof Uint8Array) return data
  throw new MalformedMessageError('unexpected frame payload')
}
