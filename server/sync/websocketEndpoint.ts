import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { UpdateCheck } from '../gate/updateChecks.ts'
import { clientAddressKey } from '../http/clientAddress.ts'
import type { OriginPolicy } from '../http/originPolicy.ts'
import type { SessionStore } from '../persistence/sessionStore.ts'
import { isValidSessionId } from '../sessions/identifiers.ts'
import type { ParticipantTokens } from '../sessions/participantTokens.ts'
import { roleForToken } from '../sessions/roles.ts'
import { CLOSE_CODES, fitCloseReason } from './closeCodes.ts'
import type { RoomRegistry } from './roomRegistry.ts'
import { SyncConnection } from './syncConnection.ts'
import { logError, logThrottledWarning } from '../logging/log.ts'
import { ConnectionsPerAddress } from './connectionsPerAddress.ts'

export const SYNC_PATH_PREFIX = '/yjs/'

export interface WebsocketEndpointOptions {
  store: SessionStore
  rooms: RoomRegistry
  participantTokens: ParticipantTokens
  /** The permission gate and write limits every update passes. */
  checkUpdate: UpdateCheck
  /** Upgrades from foreign pages are refused (4403). */
  originPolicy: OriginPolicy
  /** Open websockets per client address; 0 = unlimited. */
  maxConnectionsPerAddress: number
  /** Read the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy: boolean
  /** Messages above this size close the sender with 1009, except the sync answer below. */
  maxMessageBytes: number
  /**
   * The largest sync answer (sync step 2) to the server's sync request: a device's whole offline
   * backlog, which Yjs sends as one update. ws enforces it on every frame while reading (1009).
   */
  maxSyncMessageBytes: number
  /** Dead connections (no pong) are dropped after at most two intervals. */
  pingIntervalMs?: number
  /** Upgrades for other paths: leave them to another listener (Vite's HMR in dev) or destroy them. */
  foreignUpgrades: 'ignore' | 'destroy'
}

/**
 * `/yjs/<sessionId>?token=&participant=`: checks the session and credentials, then hands the
 * socket to a {@link SyncConnection} in the session's room. Refusals happen after the upgrade,
 * as websocket close codes, because browsers cannot read an HTTP error of a failed upgrade.
 */
export class WebsocketEndpoint {
  private readonly wss: WebSocketServer
  private readonly connections = new Set<SyncConnection>()
  private readonly alive = new WeakMap<WebSocket, boolean>()
  private readonly pingTimer: NodeJS.Timeout
  private readonly perAddress: ConnectionsPerAddress

  constructor(
    httpServer: Server,
    private readonly options: WebsocketEndpointOptions,
  ) {
    // Each connection judges frames above maxMessageBytes by their type (SyncConnection.receive).
    this.wss = new WebSocketServer({ noServer: true, maxPayload: Math.max(options.maxMessageBytes, options.maxSyncMessageBytes) })
    this.perAddress = new ConnectionsPerAddress(options.maxConnectionsPerAddress)
    httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const path = (request.url ?? '').split('?')[0] ?? ''
      if (!path.startsWith(SYNC_PATH_PREFIX)) {
        if (options.foreignUpgrades === 'destroy') socket.destroy()
        return
      }
      this.wss.handleUpgrade(request, socket, head, (ws) => {
        try {
          // First the checks that cost nothing, so floods are cheap to refuse.
          const address = clientAddressKey(request, options.trustProxy)
          if (!this.perAddress.tryOpen(address)) {
            logThrottledWarning('connections-per-address', `websocket refused: an address reached MAX_CONNECTIONS_PER_IP (${options.maxConnectionsPerAddress})`)
            ws.close(CLOSE_CODES.tooManyConnections, `too many connections from your address (limit ${options.maxConnectionsPerAddress})`)
            return
          }
          ws.once('close', () => this.perAddress.closed(address))
          if (!options.originPolicy.allows(request)) {
            logThrottledWarning('foreign-origin-websocket', 'websocket refused: upgrade from a foreign origin')
            ws.close(CLOSE_CODES.wrongToken, 'foreign origin refused')
            return
          }
          this.accept(ws, request)
        } catch (error) {
          // One broken connection must never take the process (and every other session) down.
          logError('[pinnwand] accepting a websocket failed:', error)
          ws.close(CLOSE_CODES.serverError, 'internal error')
        }
      })
    })
    this.pingTimer = setInterval(() => this.checkAlive(), options.pingIntervalMs ?? 30_000)
    this.pingTimer.unref()
  }

  get connectionCount(): number {
    return this.connections.size
  }

  private accept(ws: WebSocket, request: IncomingMessage): void {
    ws.binaryType = 'arraybuffer'
    this.alive.set(ws, true)
    ws.on('pong', () => this.alive.set(ws, true))
    // Frames above maxPayload: ws closes with 1009 itself (without a reason) and reports it here.
    // Only a sync answer can get that far, so it was an offline backlog beyond the sync limit.
    ws.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH')
        logThrottledWarning(
          'sync-message-too-big',
          `websocket closed (1009): a message above MAX_SYNC_MESSAGE_BYTES (${this.options.maxSyncMessageBytes}), e.g. the offline changes of a device that came back online`,
        )
    })
    const refuse = (code: number, reason: string) => ws.close(code, fitCloseReason(reason))

    const url = new URL(request.url ?? '/', 'http://localhost')
    let sessionId: string
    try {
      sessionId = decodeURIComponent(url.pathname.slice(SYNC_PATH_PREFIX.length))
    } catch {
      return refuse(CLOSE_CODES.malformedSessionId, 'malformed session id')
    }
    if (!isValidSessionId(sessionId)) return refuse(CLOSE_CODES.malformedSessionId, 'malformed session id')
    const session = this.options.store.getSession(sessionId)
    if (!session) return refuse(CLOSE_CODES.unknownSession, 'unknown session')
    const role = roleForToken(session, url.searchParams.get('token'))
    if (!role) return refuse(CLOSE_CODES.wrongToken, 'wrong token')
    const participantToken = url.searchParams.get('participant')
    let participantId: string | null = null
    let authorName: string | undefined
    if (participantToken) {
      participantId = this.options.participantTokens.verify(sessionId, participantToken)
      if (!participantId) return refuse(CLOSE_CODES.wrongToken, 'invalid participant token')
      // The name the participant joined with: the gate holds new notes to it.
      authorName = this.options.store.getParticipant(sessionId, participantId)?.name
      if (authorName === undefined) return refuse(CLOSE_CODES.wrongToken, 'unknown participant, please join again')
    }

    let room
    try {
      room = this.options.rooms.acquire(sessionId)
    } catch (error) {
      logError(`[pinnwand] loading session ${sessionId} failed:`, error)
      return refuse(CLOSE_CODES.serverError, 'session could not be loaded')
    }
    const connection = new SyncConnection(
      ws,
      room,
      { role, participantId, ...(authorName === undefined ? {} : { authorName }) },
      this.options.checkUpdate,
      this.options.maxMessageBytes,
      () => this.options.rooms.scheduler.flush(),
      (closed) => {
        this.connections.delete(closed)
        this.options.rooms.release(room)
      },
    )
    this.connections.add(connection)
  }

  private checkAlive(): void {
    for (const ws of this.wss.clients) {
      if (this.alive.get(ws) === false) {
        ws.terminate()
        continue
      }
      this.alive.set(ws, false)
      ws.ping()
    }
  }

  /** Stops accepting and closes every socket (rooms are flushed by the registry first). */
  close(): void {
    clearInterval(this.pingTimer)
    for (const ws of this.wss.clients) ws.close(CLOSE_CODES.goingAway, 'server shutting down')
    this.wss.close()
  }
}
