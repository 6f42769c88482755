import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { PinnwandServer, type ServerProcessOptions } from './serverProcess.ts'
import { SyncTestClient } from './syncClient.ts'

export interface ServerFixture {
  /** The running server (available inside tests, after the file's `beforeAll`). */
  readonly server: PinnwandServer
  /**
   * A stock y-websocket client of this server. One opened inside a test (or its `beforeEach`)
   * is destroyed when that test ends, one opened outside a test after the file.
   */
  client(sessionId: string, params?: { token?: string; participant?: string }): SyncTestClient
}

/**
 * One real server process for the calling test file, started before its tests and stopped after
 * them together with every client its tests opened through {@link ServerFixture.client}.
 */
export function serverForThisFile(options: ServerProcessOptions = {}): ServerFixture {
  let started: PinnwandServer | undefined
  // Clients of a finished test would otherwise stay connected (and keep reconnecting) until the
  // file ends: open sockets, server rooms held, one process 'exit' listener each.
  const fileClients: SyncTestClient[] = []
  const testClients: SyncTestClient[] = []
  let inTest = false
  beforeAll(async () => {
    started = await PinnwandServer.start(options)
  })
  beforeEach(() => {
    inTest = true
  })
  afterEach(() => {
    inTest = false
    for (const created of testClients.splice(0)) created.destroy()
  })
  afterAll(async () => {
    for (const created of fileClients.splice(0)) created.destroy()
    await started?.stop()
  })
  const fixture: ServerFixture = {
    get server() {
      if (!started) throw new Error('the test server is not started yet (use it inside tests)')
      return started
    },
    client: (sessionId, params = {}) => {
      const created = new SyncTestClient(fixture.server.origin, sessionId, params)
      ;(inTest ? testClients : fileClients).push(created)
      return created
    },
  }
  return fixture
}
