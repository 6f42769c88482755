import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import { messageSync, WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { readRecords, writeRecords } from '../../shared/doc/documentLayout.ts'
import { defaultTemplate } from '../../shared/template/defaultTemplate.ts'
import { seedSessionDocument } from '../../shared/workshop/seedSession.ts'
import { boardsInOrder, buildNoteRecord } from '../../shared/workshop/workshopRecords.ts'
import { keepSyncAnswersAsReceived } from './syncAnswerAsReceived.ts'

const providers: WebsocketProvider[] = []
afterEach(() => {
  vi.restoreAllMocks()
  for (const provider of providers.splice(0)) provider.destroy()
})

function sessionWithNotes(count: number): Y.Doc {
  const doc = new Y.Doc()
  seedSessionDocument(doc, defaultTemplate)
  const board = boardsInOrder(readRecords(doc))[0]!
  const author = { authorId: 'p1', authorName: 'Anna' }
  writeRecords(doc, { put: Array.from({ length: count }, (_, index) => buildNoteRecord({ board, author, text: `Karte ${index}`, siblings: [] })) })
  return doc
}

/** The document's records by id (their order in the document is not what matters here). */
function recordsOf(doc: Y.Doc): Record<string, unknown> {
  return Object.fromEntries(readRecords(doc).map((record) => [record.id, record]))
}

/** A provider that is never connected: messages are handed to its handlers as y-websocket's reader does. */
function offlineProvider(doc: Y.Doc): WebsocketProvider {
  const provider = new WebsocketProvider('ws://127.0.0.1:9', 'session', doc, { connect: false, disableBc: true, WebSocketPolyfill: WebSocket as never })
  providers.push(provider)
  return provider
}

function receive(provider: WebsocketProvider, message: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(message)
  const type = decoding.readVarUint(decoder)
  const reply = encoding.createEncoder()
  provider.messageHandlers[type]!(reply, decoder, provider, true, type)
  return encoding.toUint8Array(reply)
}

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messageSync)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

it('applies the server’s answer without encoding it and keeps the received bytes', () => {
  const server = sessionWithNotes(30)
  const doc = new Y.Doc()
  const provider = offlineProvider(doc)
  const kept: Uint8Array[] = []
  keepSyncAnswersAsReceived(provider, (update) => kept.push(update))
  const heard: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => heard.push(update))

  const answer = syncMessage((encoder) => syncProtocol.writeSyncStep2(encoder, server))
  const encoded = vi.spyOn(Y.UpdateEncoderV1.prototype, 'toUint8Array')
  receive(provider, answer)
  expect(encoded).not.toHaveBeenCalled()
  encoded.mockRestore()

  expect(provider.synced).toBe(true)
  expect(recordsOf(doc)).toEqual(recordsOf(server))
  expect(heard).toHaveLength(0)
  // What the device copy got is exactly the update inside the message, and restores the session.
  expect(kept).toEqual([Y.encodeStateAsUpdate(server)])
  const restored = new Y.Doc()
  Y.applyUpdate(restored, kept[0]!)
  expect(recordsOf(restored)).toEqual(recordsOf(server))

  // Afterwards the document's update listeners hear every change again.
  const board = boardsInOrder(readRecords(doc))[0]!
  writeRecords(doc, { put: [buildNoteRecord({ board, author: { authorId: 'p2', authorName: 'Ben' }, text: 'Neu', siblings: [] })] })
  expect(heard).toHaveLength(1)
})

it('leaves the other sync messages to the provider: a sync step 1 is still answered', () => {
  const doc = sessionWithNotes(3)
  const provider = offlineProvider(doc)
  const kept: Uint8Array[] = []
  keepSyncAnswersAsReceived(provider, (update) => kept.push(update))
  const reply = receive(provider, syncMessage((encoder) => syncProtocol.writeSyncStep1(encoder, new Y.Doc())))
  const decoder = decoding.createDecoder(reply)
  expect(decoding.readVarUint(decoder)).toBe(messageSync)
  const fresh = new Y.Doc()
  syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), fresh, null)
  expect(recordsOf(fresh)).toEqual(recordsOf(doc))
  expect(kept).toHaveLength(0)
})
