import * as Y from 'yjs'
import type { SessionStore } from './sessionStore.ts'

/** A session's document as stored: its update log applied in order, in one transaction. */
export function loadSessionDocument(store: SessionStore, sessionId: string): Y.Doc {
  return documentFromUpdates(store.loadUpdates(sessionId))
}

/** A fresh document holding `updates` (a session's log, in write order). */
export function documentFromUpdates(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update)
  })
  return doc
}
