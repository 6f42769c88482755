import * as Y from 'yjs'
import type { SessionStore } from './sessionStore.ts'

/** A session's document as stored: its update log applied in order, in one transaction. */
export function loadSessionDocument(store: SessionStore, sessionId: string): Y.Doc {
  const doc = new Y.Doc()
  const updates = store.loadUpdates(sessionId)
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update)
  })
  return doc
}
