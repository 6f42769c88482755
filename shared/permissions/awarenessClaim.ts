import { readAwarenessUser } from '../presence/awarenessUser.ts'
import type { Actor } from './participantRules.ts'

/**
 * Whether an awareness state may be shared under a connection's identity. Every client takes a
 * state's `user` for who is there: the online list, the names on live cursors, and the
 * moderator whom follow mode follows. So `user` must be exactly what the server knows of the
 * connection: its participant id, its role and the name it joined with. A state without `user`
 * claims nobody (a Beamer view, a stock y-websocket client) and may be shared as it is.
 */
export function awarenessClaimFits(state: unknown, actor: Actor): boolean {
  const claimed = (state as { user?: unknown } | null | undefined)?.user
  if (claimed === undefined || claimed === null) return true
  const user = readAwarenessUser(state)
  if (!user || actor.participantId === null) return false
  if (user.participantId !== actor.participantId || user.role !== actor.role) return false
  return actor.authorName === undefined || user.name === actor.authorName
}
