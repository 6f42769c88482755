import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { createSession, join } from '../testing/apiClient.ts'
import { addNote } from '../testing/notes.ts'
import { serverForThisFile } from '../testing/serverForThisFile.ts'
import { waitFor } from '../testing/syncClient.ts'
import { CLOSE_CODES } from './closeCodes.ts'
import { encodeAwarenessEntries, encodeAwarenessMessage, encodeSyncStep2, encodeUpdateMessage, MESSAGE_SYNC } from './protocolMessages.ts'

/**
 * A device that worked offline sends everything the server lacks in ONE message on reconnect
 * (the y-websocket client's sync step 2). Small limits keep the test quick: messages up to 64 KiB,
 * sync answers up to 256 KiB.
 */
const MAX_MESSAGE_BYTES = 64 * 1024
const MAX_SYNC_MESSAGE_BYTES = 256 * 1024
const fixture = serverForThisFile({
  env: { MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES), MAX_SYNC_MESSAGE_BYTES: String(MAX_SYNC_MESSAGE_BYTES) },
  captureOutput: true,
})
const client = fixture.client
/** A second server with the limits every deployment starts with (1 MiB messages, 16 MiB sync answers). */
const defaults = serverForThisFile()

/** A note text of about `bytes` bytes; each such note fits into one normal message. */
const textOf = (bytes: number, label: string) => `${label} ${'Radweg entlang der Hauptstraße. '.repeat(Math.ceil(bytes / 33))}`

async function annaAndObserver() {
  const session = await createSession(fixture.server.origin)
  const anna = await join(fixture.server.origin, session.id, 'Anna')
  const a = client(session.id, { participant: anna.participantToken })
  const observer = client(session.id)
  await Promise.all([a.synced(), observer.synced()])
  return { session, a, observer, author: { authorId: anna.participantId, authorName: 'Anna' } }
}

/** A raw websocket to the session, opened once the server sent its sync step 1 (our request is outstanding). */
function rawSocket(sessionId: string): Promise<{ socket: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${fixture.server.origin.replace(/^http/, 'ws')}/yjs/${sessionId}`)
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      socket.once('close', (code, reason) => done({ code, reason: reason.toString() })),
    )
    // The server opens with its sync step 1 (or waits for ours while the room loads): ask, as clients do.
    socket.once('open', () => {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      encoding.writeVarUint(encoder, 0)
      encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()))
      socket.send(encoding.toUint8Array(encoder))
    })
    socket.once('message', () => resolve({ socket, closed }))
    socket.once('error', reject)
  })
}

describe('an offline backlog larger than one message', () => {
  it('reaches the server and other clients after reconnect', async () => {
    const { a, observer, author } = await annaAndObserver()
    a.provider.disconnect()
    // Each note alone fits into a message; together they are well beyond MAX_MESSAGE_BYTES.
    const offline = Array.from({ length: 5 }, (_, index) => addNote(a.doc, author, textOf(20_000, `offline ${index}`)))
    const backlog = Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(observer.doc)).byteLength
    expect(backlog).toBeGreaterThan(MAX_MESSAGE_BYTES)
    expect(backlog).toBeLessThan(MAX_SYNC_MESSAGE_BYTES)
    a.provider.connect()
    await waitFor('the observer to receive the offline notes', () => offline.every((note) => observer.hasNote(note.id)))
    expect(a.closes).toEqual([])
    // And the server kept them: a client that comes later gets them from the server.
    const later = client(a.provider.roomname)
    await later.synced()
    expect(offline.every((note) => later.hasNote(note.id))).toBe(true)
  })

  it('still closes a normal update above MAX_MESSAGE_BYTES with 1009', async () => {
    const { a, observer, author } = await annaAndObserver()
    const tooBig = addNote(a.doc, author, textOf(80_000, 'zu groß'))
    const close = await a.closedWith(CLOSE_CODES.messageTooBig)
    expect(close.reason).toContain(`limit ${MAX_MESSAGE_BYTES} bytes`)
    expect(observer.hasNote(tooBig.id)).toBe(false)
  })

  it('closes any other message above MAX_MESSAGE_BYTES with 1009 before reading it', async () => {
    const session = await createSession(fixture.server.origin)
    const oversized = [
      ['an update', encodeUpdateMessage(new Uint8Array(MAX_MESSAGE_BYTES + 10))],
      ['an awareness update', encodeAwarenessMessage(encodeAwarenessEntries([{ clientId: 1, clock: 1, state: JSON.stringify('x'.repeat(MAX_MESSAGE_BYTES)) }]))],
      // Not undecodable (1007): the size is judged first.
      ['garbage', new Uint8Array(MAX_MESSAGE_BYTES + 10).fill(7)],
    ] as const
    for (const [what, message] of oversized) {
      const { socket, closed } = await rawSocket(session.id)
      socket.send(message)
      expect({ what, code: (await closed).code }).toEqual({ what, code: CLOSE_CODES.messageTooBig })
    }
  })

  it('closes a sync answer above MAX_MESSAGE_BYTES that the server did not ask for with 1009', async () => {
    const session = await createSession(fixture.server.origin)
    const { socket, closed } = await rawSocket(session.id)
    // The answer to the server's request, then one more it never asked for.
    socket.send(encodeSyncStep2(Y.encodeStateAsUpdate(new Y.Doc())))
    socket.send(encodeSyncStep2(new Uint8Array(MAX_MESSAGE_BYTES + 10)))
    expect((await closed).code).toBe(CLOSE_CODES.messageTooBig)
  })

  it('refuses a backlog above MAX_SYNC_MESSAGE_BYTES with 1009 and says which limit', async () => {
    const { a, observer, author } = await annaAndObserver()
    a.provider.disconnect()
    const offline = Array.from({ length: 15 }, (_, index) => addNote(a.doc, author, textOf(20_000, `offline ${index}`)))
    expect(Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(observer.doc)).byteLength).toBeGreaterThan(MAX_SYNC_MESSAGE_BYTES)
    a.provider.connect()
    await a.closedWith(CLOSE_CODES.messageTooBig)
    await waitFor('the server to name the limit', () => fixture.server.output.includes('MAX_SYNC_MESSAGE_BYTES'))
    expect(offline.some((note) => observer.hasNote(note.id))).toBe(false)
  })
})

describe('an offline backlog with the default limits', () => {
  it('two pictures’ worth of offline work (2 × 600 KB) reaches the others', async () => {
    const session = await createSession(defaults.server.origin)
    const moderator = defaults.client(session.id, { token: session.moderatorToken })
    const observer = defaults.client(session.id)
    await Promise.all([moderator.synced(), observer.synced()])
    moderator.provider.disconnect()
    const author = { authorId: 'moderation', authorName: 'Moderation' }
    const offline = [addNote(moderator.doc, author, textOf(600_000, 'eins')), addNote(moderator.doc, author, textOf(600_000, 'zwei'))]
    expect(Y.encodeStateAsUpdate(moderator.doc, Y.encodeStateVector(observer.doc)).byteLength).toBeGreaterThan(1024 * 1024)
    moderator.provider.connect()
    await waitFor('the observer to receive both', () => offline.every((note) => observer.hasNote(note.id)))
    expect(moderator.closes).toEqual([])
  })
})
