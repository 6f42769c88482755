import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSession, join } from '../testing/apiClient.ts'
import { addNote } from '../testing/notes.ts'
import { PinnwandServer } from '../testing/serverProcess.ts'
import { SyncTestClient, waitFor } from '../testing/syncClient.ts'

/**
 * PINNWAND_DISABLE_GATE=1 exists for the benchmark's "checks on vs off" comparison only: it
 * must say so loudly, and it really applies updates unchecked (so the comparison measures the gate).
 */
let server: PinnwandServer
const clients: SyncTestClient[] = []

beforeAll(async () => {
  server = await PinnwandServer.start({ env: { PINNWAND_DISABLE_GATE: '1' }, captureOutput: true })
})
afterAll(async () => {
  for (const created of clients) created.destroy()
  await server?.stop()
})

describe('PINNWAND_DISABLE_GATE', () => {
  it('warns at start and applies what the gate would refuse', async () => {
    expect(server.output).toContain('WARNING: PINNWAND_DISABLE_GATE=1')
    const session = await createSession(server.origin)
    const anna = await join(server.origin, session.id, 'Anna')
    const writer = new SyncTestClient(server.origin, session.id, { participant: anna.participantToken })
    const reader = new SyncTestClient(server.origin, session.id)
    clients.push(writer, reader)
    await Promise.all([writer.synced(), reader.synced()])
    const forged = addNote(writer.doc, { authorId: 'jemand-anders', authorName: 'Ben' }, 'ungeprüft')
    await waitFor('the unchecked note to arrive', () => reader.hasNote(forged.id))
    expect(writer.closes).toEqual([])
  })
})
