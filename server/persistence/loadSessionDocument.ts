import * as Y from 'yjs'
import type { SessionStore } from './sessionStore.ts'

/** A session's document as stored: its update log applied in order, in one transaction. */
export function loadSessionDocument(store: SessionStore, sessionId: string): Y.Doc {
  const doc = new Y.Doc()
  applyUpdateLog(doc, store.loadUpdates(sessionId))
  return doc
}

/** Applies a session's log (in write order) to `doc` in one transaction with `origin`. */
export function applyUpdateLog(doc: Y.Doc, updates: readonly Uint8Array[], origin: unknown = null): void {
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update, origin)
  }, origin)
}
