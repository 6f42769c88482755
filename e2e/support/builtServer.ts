import { test } from '@playwright/test'
import { PinnwandServer, type ServerProcessOptions } from '../../server/testing/serverProcess.ts'

/** The server of a spec file (or describe block), as its tests reach it. */
export interface BuiltServer {
  /** `http://127.0.0.1:<port>` of the running server. */
  readonly origin: string
  /** The server process itself, for tests that restart or stop it. */
  readonly process: PinnwandServer
}

/**
 * Runs the production server (what `npm run build` wrote, what users run) for the tests of the
 * calling spec file or describe block: started before the first of them, stopped after the last.
 * Call it where `test.beforeAll` could be called. The server exists only once the tests run, so
 * the handle is read inside them (`server.origin`), not when the file is loaded.
 */
export function useBuiltServer(options: Omit<ServerProcessOptions, 'entry'> = {}): BuiltServer {
  let server: PinnwandServer | undefined
  test.beforeAll(async () => {
    server = await PinnwandServer.start({ ...options, entry: 'built' })
  })
  test.afterAll(async () => {
    await server?.stop()
  })
  const running = (): PinnwandServer => {
    if (!server) throw new Error('the spec’s server is not started: read it inside a test or hook')
    return server
  }
  return {
    get origin() {
      return running().origin
    },
    get process() {
      return running()
    },
  }
}
