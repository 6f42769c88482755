import type { AppContext } from '../app/appContext.ts'
import { CLOSE_CODES } from '../sync/closeCodes.ts'

/**
 * Deletes a session and all its data: its live room is closed first (every client gets 4404
 * with `reason`, which stock y-websocket clients take as final), then the store removes the
 * document, participants and sealed notes (see SessionStore.deleteSession). Afterwards the
 * session is unknown everywhere (HTTP 404, websocket 4404). False when it did not exist.
 */
export function deleteSessionData(app: Pick<AppContext, 'rooms' | 'store'>, sessionId: string, reason: string): boolean {
  app.rooms.evict(sessionId, CLOSE_CODES.unknownSession, reason)
  return app.store.deleteSession(sessionId)
}
