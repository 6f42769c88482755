import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ServerConfig } from '../config.ts'
import { buildRouter } from '../http/routes/index.ts'
import { createRequestHandler, type FallbackHandler } from '../http/requestHandler.ts'
import { createStaticClient } from '../http/staticClient.ts'
import { SqliteSessionStore } from '../persistence/sqlite/sqliteSessionStore.ts'
import type { SessionStore } from '../persistence/sessionStore.ts'
import { loadParticipantSecret, ParticipantTokens } from '../sessions/participantTokens.ts'
import { createUpdateCheck } from '../gate/updateChecks.ts'
import { WriteLimits } from '../gate/writeLimits.ts'
import { OriginPolicy } from '../http/originPolicy.ts'
import { logError } from '../logging/log.ts'
import { RetentionJob } from '../dataProtection/retentionJob.ts'
import { CLOSE_CODES } from '../sync/closeCodes.ts'
import { RoomRegistry } from '../sync/roomRegistry.ts'
import { WebsocketEndpoint } from '../sync/websocketEndpoint.ts'
import type { AppContext } from './appContext.ts'

export interface PinnwandServer {
  readonly httpServer: Server
  readonly app: AppContext
  /** Replaces what answers non-API requests (dev.ts puts Vite's middleware here). */
  setFallback(handler: FallbackHandler): void
  listen(): Promise<string>
  /** Graceful stop: no new connections, sockets closed, everything flushed, database closed. */
  close(): Promise<void>
}

export interface PinnwandServerOptions {
  /** Dev mode leaves foreign websocket upgrades (Vite HMR) alone. */
  foreignUpgrades?: 'ignore' | 'destroy'
  store?: SessionStore
}

/** Wires the one Node process: HTTP API, static client, /yjs websockets, rooms, SQLite. */
export function createPinnwandServer(config: ServerConfig, options: PinnwandServerOptions = {}): PinnwandServer {
  const store = options.store ?? SqliteSessionStore.open(config.dataDir)
  const rooms = new RoomRegistry(store, {
    unloadGraceMs: config.unloadGraceMs,
    compaction: { maxUpdates: config.compactAfterUpdates, maxGrowthBytes: config.compactAfterBytes },
  })
  const writeLimits = new WriteLimits({ maxDocumentBytes: config.limits.maxDocumentBytes, notesPerMinute: config.limits.notesPerMinute })
  const app: AppContext = {
    config,
    store,
    rooms,
    participantTokens: new ParticipantTokens(loadParticipantSecret(store, config.dataDir)),
    writeLimits,
    now: () => new Date(),
  }
  if (config.gateDisabled)
    logError(
      '\n[pinnwand] !!! WARNING: PINNWAND_DISABLE_GATE=1: every client update is applied WITHOUT permission checks or limits.\n' +
        '[pinnwand] !!! Anyone can change or delete anything. For benchmarks and tests only; never run a workshop like this.\n',
    )
  const originPolicy = new OriginPolicy(config)
  let fallback: FallbackHandler = createStaticClient(config.clientDir)
  const handle = createRequestHandler(buildRouter(app), () => fallback, originPolicy)
  const httpServer = createServer((request, response) => void handle(request, response))
  // Slow or stuck clients must not hold sockets forever.
  httpServer.requestTimeout = 30_000
  httpServer.headersTimeout = 15_000
  const websockets = new WebsocketEndpoint(httpServer, {
    store,
    rooms,
    participantTokens: app.participantTokens,
    checkUpdate: createUpdateCheck({ gateDisabled: config.gateDisabled, limits: writeLimits }),
    originPolicy,
    maxConnectionsPerAddress: config.limits.maxConnectionsPerIp,
    trustProxy: config.trustProxy,
    maxMessageBytes: config.maxMessageBytes,
    maxSyncMessageBytes: config.maxSyncMessageBytes,
    foreignUpgrades: options.foreignUpgrades ?? 'destroy',
  })

  // Deletes sessions past RETENTION_DAYS now and then every RETENTION_CHECK_MS.
  const retention = new RetentionJob(app, config.retentionDays, config.retentionCheckMs)
  retention.start()

  let closing: Promise<void> | undefined
  return {
    httpServer,
    app,
    setFallback(handler) {
      fallback = handler
    },
    listen() {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject)
        httpServer.listen(config.port, config.host, () => {
          httpServer.off('error', reject)
          const { port } = httpServer.address() as AddressInfo
          const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
          resolve(config.publicUrl ?? `http://${shownHost}:${port}`)
        })
      })
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        retention.stop()
        httpServer.close(() => resolve())
        rooms.closeAll(CLOSE_CODES.goingAway, 'server restarting')
        websockets.close()
        store.close()
        httpServer.closeIdleConnections()
        // Requests still in flight get a moment, then their sockets go too.
        setTimeout(() => httpServer.closeAllConnections(), 2_000).unref()
      })
      return closing
    },
  }
}
