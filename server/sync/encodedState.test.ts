import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodedStateOf, primeEncodedState, stateUpdateSince } from './encodedState.ts'

function docWith(entries: Record<string, string>): Y.Doc {
  const doc = new Y.Doc()
  const map = doc.getMap<string>('m')
  for (const [key, value] of Object.entries(entries)) map.set(key, value)
  return doc
}

function contentOf(update: Uint8Array): Record<string, string> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return doc.getMap<string>('m').toJSON() as Record<string, string>
}

describe('encodedStateOf', () => {
  it('encodes once while the doc is unchanged and again after a change', () => {
    const doc = docWith({ a: '1' })
    const first = encodedStateOf(doc)
    expect(encodedStateOf(doc)).toBe(first)
    doc.getMap<string>('m').set('b', '2')
    const second = encodedStateOf(doc)
    expect(second).not.toBe(first)
    expect(contentOf(second)).toEqual({ a: '1', b: '2' })
  })

  it('uses a primed encoding until the doc changes', () => {
    const stored = Y.encodeStateAsUpdate(docWith({ a: '1' }))
    const doc = new Y.Doc()
    Y.applyUpdate(doc, stored)
    primeEncodedState(doc, stored)
    expect(encodedStateOf(doc)).toBe(stored)
    doc.getMap<string>('m').delete('a')
    expect(encodedStateOf(doc)).not.toBe(stored)
    expect(contentOf(encodedStateOf(doc))).toEqual({})
  })

  it('does not hand out a stale encoding inside a transaction', () => {
    const doc = docWith({ a: '1' })
    encodedStateOf(doc)
    doc.transact(() => {
      doc.getMap<string>('m').set('a', '2')
      expect(contentOf(encodedStateOf(doc))).toEqual({ a: '2' })
    })
    expect(contentOf(encodedStateOf(doc))).toEqual({ a: '2' })
  })
})

describe('stateUpdateSince', () => {
  it('gives an empty client the cached whole state and a known client only what it lacks', () => {
    const server = docWith({ a: '1' })
    const client = new Y.Doc()
    const forEmpty = stateUpdateSince(server, Y.encodeStateVector(client))
    expect(forEmpty).toBe(encodedStateOf(server))
    Y.applyUpdate(client, forEmpty)
    server.getMap<string>('m').set('b', '2')
    const missing = stateUpdateSince(server, Y.encodeStateVector(client))
    expect(missing.byteLength).toBeLessThan(encodedStateOf(server).byteLength)
    Y.applyUpdate(client, missing)
    expect(client.getMap<string>('m').toJSON()).toEqual({ a: '1', b: '2' })
  })
})
