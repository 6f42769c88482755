import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSession, join } from './apiClient.ts'
import { serverForThisFile } from './serverForThisFile.ts'
import type { SyncTestClient } from './syncClient.ts'

// Every y-websocket provider adds a process 'exit' listener (removed on destroy); tests that
// hold more than ten clients at once must not be told of a leak, and none may be left behind.
const fixture = serverForThisFile()
const client = fixture.client

let warnings: Error[] = []
const onWarning = (warning: Error) => warnings.push(warning)
beforeEach(() => {
  warnings = []
  process.on('warning', onWarning)
})
afterEach(() => {
  process.off('warning', onWarning)
})

/** Node emits warnings on the next tick; let them arrive. */
const warningsDelivered = () => new Promise((resolve) => setImmediate(resolve))

describe('sync test clients and the process exit listeners', () => {
  const baseline = { exitListeners: process.listenerCount('exit'), maxListeners: process.getMaxListeners() }
  let fromEarlierTest: SyncTestClient[] = []

  it('holds 15 synced clients at once without a MaxListenersExceededWarning', async () => {
    const session = await createSession(fixture.server.origin)
    const anna = await join(fixture.server.origin, session.id, 'Anna')
    const clients = Array.from({ length: 15 }, (_, index) => client(session.id, index === 0 ? { participant: anna.participantToken } : {}))
    await Promise.all(clients.map((created) => created.synced()))
    await warningsDelivered()
    expect(process.listenerCount('exit')).toBe(baseline.exitListeners + 15)
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([])
    fromEarlierTest = clients
  })

  it("destroys a test's clients when it ends, giving back their exit listeners", async () => {
    expect(fromEarlierTest).toHaveLength(15)
    expect(fromEarlierTest.every((created) => created.provider.ws === null && !created.provider.shouldConnect)).toBe(true)
    expect(process.listenerCount('exit')).toBe(baseline.exitListeners)
    expect(process.getMaxListeners()).toBe(baseline.maxListeners)
  })
})
