import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { hasContentBeyond } from './offlineChanges.ts'

it('tells whether a document holds content a peer’s state vector lacks', () => {
  const server = new Y.Doc()
  server.getMap('records').set('a', 1)
  const device = new Y.Doc()
  Y.applyUpdate(device, Y.encodeStateAsUpdate(server))
  const serverState = () => Y.decodeStateVector(Y.encodeStateVector(server))
  expect(hasContentBeyond(device, serverState())).toBe(false)
  // The server moved on without the device: nothing of the device's own is unsent.
  server.getMap('records').set('b', 2)
  expect(hasContentBeyond(device, serverState())).toBe(false)
  device.getMap('records').set('c', 3)
  expect(hasContentBeyond(device, serverState())).toBe(true)
  expect(hasContentBeyond(device, new Map())).toBe(true)
})
