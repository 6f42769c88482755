import type * as Y from 'yjs'
import { loadSessionDocument } from '../persistence/loadSessionDocument.ts'
import { migrateDocumentSchema } from '../persistence/schemaMigration.ts'
import type { SessionStore } from '../persistence/sessionStore.ts'

/**
 * A session's document as stored, brought up to this build's tldraw schema in memory only
 * (origin null, nothing written back): readers like the export CLI must not change DATA_DIR, the
 * server migrates and stores when it loads the session itself.
 */
export function loadStoredSessionDocument(store: SessionStore, sessionId: string): Y.Doc {
  const doc = loadSessionDocument(store, sessionId)
  migrateDocumentSchema(doc, null)
  return doc
}
