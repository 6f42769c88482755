import type { Role } from '../permissions/updatePolicy.ts'
import { AUTHOR_NAME_MAX_LENGTH } from '../workshop/recordMeta.ts'

/**
 * What a client announces through Yjs awareness. `user` is tldraw-free so every view (canvas,
 * phone view) appears in the online list; the canvas adds `presence`, a tldraw
 * `instance_presence` record for live cursors.
 */
export interface AwarenessUser {
  participantId: string
  name: string
  color: string
  role: Role
}

export interface PinnwandAwarenessState {
  user?: AwarenessUser
  presence?: unknown
}

const ROLES: readonly Role[] = ['participant', 'moderator', 'viewer']

/** The `user` field of a peer's awareness state, if it is well-formed (peers are untrusted). */
export function readAwarenessUser(state: unknown): AwarenessUser | undefined {
  const user = (state as PinnwandAwarenessState | null | undefined)?.user
  if (!user || typeof user !== 'object') return undefined
  const { participantId, name, color, role } = user
  if (typeof participantId !== 'string' || !participantId) return undefined
  if (typeof name !== 'string' || !name.trim()) return undefined
  if (typeof color !== 'string' || !ROLES.includes(role)) return undefined
  return { participantId, name: name.trim().slice(0, AUTHOR_NAME_MAX_LENGTH), color, role }
}
