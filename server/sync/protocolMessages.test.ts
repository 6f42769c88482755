import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { encodeAwarenessMessage, encodeSyncStep1, encodeSyncStep2, encodeUpdateMessage, isSyncStep2Frame, MESSAGE_SYNC } from './protocolMessages.ts'

/** Sync step 2 as y-protocols writes it for a document. */
function stockSyncStep2(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeSyncStep2(encoder, doc)
  return encoding.toUint8Array(encoder)
}

describe('encodeSyncStep2', () => {
  it.each([
    ['an empty document', 0],
    ['a small document', 10],
    // Beyond lib0's first encoder chunk and beyond a one-byte and two-byte length prefix.
    ['a document of several hundred kilobytes', 5_000],
  ])('writes the same bytes as y-protocols for %s', (_, entries) => {
    const doc = new Y.Doc()
    const map = doc.getMap<string>('notes')
    doc.transact(() => {
      for (let i = 0; i < entries; i++) map.set(`note-${i}`, `Idee Nummer ${i} für den Bürgerhaushalt `.repeat(3))
    })
    const update = Y.encodeStateAsUpdate(doc)
    expect(encodeSyncStep2(update)).toEqual(stockSyncStep2(doc))
  })
})

describe('isSyncStep2Frame', () => {
  it('tells a sync answer from every other message by its first bytes', () => {
    const doc = new Y.Doc()
    doc.getMap('notes').set('a', 'Idee')
    expect(isSyncStep2Frame(stockSyncStep2(doc))).toBe(true)
    expect(isSyncStep2Frame(encodeSyncStep1(doc))).toBe(false)
    expect(isSyncStep2Frame(encodeUpdateMessage(Y.encodeStateAsUpdate(doc)))).toBe(false)
    expect(isSyncStep2Frame(encodeAwarenessMessage(new Uint8Array([0])))).toBe(false)
    expect(isSyncStep2Frame(new Uint8Array([]))).toBe(false)
    expect(isSyncStep2Frame(new Uint8Array([0xff]))).toBe(false)
  })
})
