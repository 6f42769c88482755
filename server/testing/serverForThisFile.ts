import { afterAll, beforeAll } from 'vitest'
import { PinnwandServer, type ServerProcessOptions } from './serverProcess.ts'
import { SyncTestClient } from './syncClient.ts'

export interface ServerFixture {
  /** The running server (available inside tests, after the file's `beforeAll`). */
  readonly server: PinnwandServer
  /** A stock y-websocket client of this server, destroyed with the server after the file. */
  client(sessionId: string, params?: { token?: string; participant?: string }): SyncTestClient
}

/**
 * One real server process for the calling test file, started before its tests and stopped after
 * them together with every client its tests opened through {@link ServerFixture.client}.
 */
export function serverForThisFile(options: ServerProcessOptions = {}): ServerFixture {
  let started: PinnwandServer | undefined
  const clients: SyncTestClient[] = []
  beforeAll(async () => {
    started = await PinnwandServer.start(options)
  })
  afterAll(async () => {
    for (const created of clients) created.destroy()
    await started?.stop()
  })
  const fixture: ServerFixture = {
    get server() {
      if (!started) throw new Error('the test server is not started yet (use it inside tests)')
      return started
    },
    client: (sessionId, params = {}) => {
      const created = new SyncTestClient(fixture.server.origin, sessionId, params)
      clients.push(created)
      return created
    },
  }
  return fixture
}
