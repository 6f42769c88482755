import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import { messageSync, type WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'

/**
 * Makes the provider apply the server's sync answers (sync step 2: everything this device lacks,
 * on a first visit the whole session) without Yjs encoding them again, and hands the received
 * bytes to `keep` (the device copy) as they are.
 *
 * Yjs encodes every transaction as an update whenever the document has an `update` listener,
 * and the provider and the device copy both listen. For the answer that is wasted work: the
 * provider ignores its own transactions, and the device copy can store the received update
 * itself. With 1,000 notes that encoding took ≈ 280 ms of the page's main thread while the
 * canvas waited for it. The document's other listeners must not rely on `update` for this
 * reason (they watch `afterTransaction`, see useDocSnapshot).
 */
export function keepSyncAnswersAsReceived(provider: WebsocketProvider, keep: (update: Uint8Array) => void): void {
  const applySyncMessage = provider.messageHandlers[messageSync]!
  provider.messageHandlers[messageSync] = (encoder, decoder, ...rest) => {
    const peek = decoding.clone(decoder)
    if (decoding.readVarUint(peek) !== syncProtocol.messageYjsSyncStep2) {
      applySyncMessage(encoder, decoder, ...rest)
      return
    }
    const answer = decoding.readVarUint8Array(peek)
    withoutUpdateEvent(provider.doc, () => applySyncMessage(encoder, decoder, ...rest))
    keep(answer)
  }
}

/** Runs `apply` with the document's `update` listeners set aside, so Yjs skips encoding its transactions. */
function withoutUpdateEvent(doc: Y.Doc, apply: () => void): void {
  const listeners = doc._observers.get('update')
  if (!listeners) return apply()
  doc._observers.delete('update')
  try {
    apply()
  } finally {
    // Anyone who subscribed meanwhile keeps listening too.
    const added = doc._observers.get('update')
    doc._observers.set('update', added ? new Set([...listeners, ...added]) : listeners)
  }
}
