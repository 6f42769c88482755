import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import { messageSync, type WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/**
 * Tells `onRequest` whenever the server asks for this device's changes (its sync step 1), just
 * before the provider answers with everything the server lacks in one message (sync step 2):
 * true when that answer carries content made on this device that the server does not have yet,
 * i.e. work done while offline. A refusal of that answer would take all of it with it.
 */
export function watchSyncRequests(provider: WebsocketProvider, onRequest: (carriesOfflineChanges: boolean) => void): void {
  const handle = provider.messageHandlers[messageSync]!
  provider.messageHandlers[messageSync] = (encoder, decoder, ...rest) => {
    const peek = decoding.clone(decoder)
    if (decoding.readVarUint(peek) === syncProtocol.messageYjsSyncStep1)
      onRequest(hasContentBeyond(provider.doc, Y.decodeStateVector(decoding.readVarUint8Array(peek))))
    handle(encoder, decoder, ...rest)
  }
}

/** Whether `doc` holds content the peer with `stateVector` lacks (deletions alone do not count). */
export function hasContentBeyond(doc: Y.Doc, stateVector: Map<number, number>): boolean {
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) if (clock > (stateVector.get(client) ?? 0)) return true
  return false
}
