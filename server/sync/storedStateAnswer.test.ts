import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { readRecords } from '../../shared/doc/documentLayout.ts'
import { createSession, join } from '../testing/apiClient.ts'
import { addNote } from '../testing/notes.ts'
import { serverForThisFile } from '../testing/serverForThisFile.ts'
import { waitFor } from '../testing/syncClient.ts'
import { SqliteSessionStore } from '../persistence/sqlite/sqliteSessionStore.ts'
import { decodeIncomingMessage, MESSAGE_SYNC, type IncomingMessage } from './protocolMessages.ts'

// A session that left memory (here: a server restart) is stored as one snapshot update; the
// first clients after that are answered from it before the server has decoded it.
const fixture = serverForThisFile()
const client = fixture.client

/** A raw y-websocket connection that records every sync message the server sends. */
class RawPeer {
  readonly received: IncomingMessage[] = []
  readonly socket: WebSocket

  constructor(sessionId: string) {
    this.socket = new WebSocket(`${fixture.server.origin.replace(/^http/, 'ws')}/yjs/${sessionId}`)
    this.socket.binaryType = 'arraybuffer'
    this.socket.on('message', (data: ArrayBuffer) => {
      const frame = new Uint8Array(data)
      if (frame[0] === MESSAGE_SYNC) this.received.push(decodeIncomingMessage(frame))
    })
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve())
      this.socket.once('error', reject)
    })
  }

  sendSyncStep1(doc: Y.Doc): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(encoder, doc)
    this.socket.send(encoding.toUint8Array(encoder))
  }

  close(): void {
    this.socket.close()
  }
}

/** A session with one note, then a restart: afterwards its log is the one update that was stored on shutdown. */
async function storedSessionWithNote(): Promise<{ id: string; noteId: string; stored: Uint8Array }> {
  const session = await createSession(fixture.server.origin)
  const anna = await join(fixture.server.origin, session.id, 'Anna')
  const writer = client(session.id, { participant: anna.participantToken })
  await writer.synced()
  const note = addNote(writer.doc, { authorId: anna.participantId, authorName: 'Anna' }, 'Spielplatz am Bach')
  const reader = client(session.id)
  await waitFor('the note to be stored and sent', () => reader.hasNote(note.id))
  writer.destroy()
  reader.destroy()
  await fixture.server.restart()
  const store = SqliteSessionStore.open(fixture.server.dataDir)
  try {
    const log = store.loadUpdates(session.id)
    expect(log).toHaveLength(1)
    return { id: session.id, noteId: note.id, stored: log[0]! }
  } finally {
    store.close()
  }
}

describe('answering fresh clients from the stored snapshot', () => {
  it('sends a client with an empty document the stored update as it is, then opens the sync as usual', async () => {
    const { id, noteId, stored } = await storedSessionWithNote()
    const peer = new RawPeer(id)
    await peer.opened()
    peer.sendSyncStep1(new Y.Doc())
    await waitFor('sync step 2 and the server’s sync step 1', () => peer.received.length >= 2)
    const [first, second] = peer.received
    expect(first?.type).toBe('syncStep2')
    expect(Buffer.from((first as { update: Uint8Array }).update).equals(Buffer.from(stored))).toBe(true)
    // The server read the snapshot afterwards: its state vector covers what it sent.
    expect(second?.type).toBe('syncStep1')
    const fresh = new Y.Doc()
    Y.applyUpdate(fresh, (first as { update: Uint8Array }).update)
    expect(readRecords(fresh).some((record) => record.id === noteId)).toBe(true)
    expect(Y.decodeStateVector((second as { stateVector: Uint8Array }).stateVector)).toEqual(Y.decodeStateVector(Y.encodeStateVector(fresh)))
    peer.close()

    // The room works as ever afterwards: a stock client syncs, writes, and another sees it.
    const bernd = await join(fixture.server.origin, id, 'Bernd')
    const a = client(id, { participant: bernd.participantToken })
    const b = client(id)
    await Promise.all([a.synced(), b.synced()])
    expect(b.hasNote(noteId)).toBe(true)
    const reply = addNote(a.doc, { authorId: bernd.participantId, authorName: 'Bernd' }, 'Und eine Bank dazu')
    await waitFor('B to receive the new note', () => b.hasNote(reply.id))
  })

  it('opens the sync itself for a client that does not speak first', async () => {
    const { id } = await storedSessionWithNote()
    const peer = new RawPeer(id)
    await peer.opened()
    const step1 = await waitFor('the server’s sync step 1', () => peer.received.find((message) => message.type === 'syncStep1'), 5_000)
    expect(Y.decodeStateVector((step1 as { stateVector: Uint8Array }).stateVector).size).toBeGreaterThan(0)
    peer.close()
  })

  it('answers a client that already has part of the document with what it lacks, after opening the sync', async () => {
    const { id, noteId, stored } = await storedSessionWithNote()
    const known = new Y.Doc()
    Y.applyUpdate(known, stored)
    const peer = new RawPeer(id)
    await peer.opened()
    peer.sendSyncStep1(known)
    await waitFor('the server’s sync step 1 and 2', () => peer.received.length >= 2)
    expect(peer.received.map((message) => message.type)).toEqual(['syncStep1', 'syncStep2'])
    // It has everything already, so the answer adds nothing.
    const answer = (peer.received[1] as { update: Uint8Array }).update
    const before = Y.encodeStateVector(known)
    Y.applyUpdate(known, answer)
    expect(Y.encodeStateVector(known)).toEqual(before)
    expect(readRecords(known).some((record) => record.id === noteId)).toBe(true)
    peer.close()
  })
})
