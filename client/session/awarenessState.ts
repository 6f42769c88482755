import type { Role } from '../../shared/permissions/updatePolicy.ts'
import type { OnlinePerson } from '../stores/onlineStore.ts'

/**
 * What a client announces through Yjs awareness. `user` is tldraw-free so every view (canvas,
 * later the phone view) appears in the online list; the canvas adds `presence`, a tldraw
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
  return { participantId, name: name.trim().slice(0, 60), color, role }
}

/**
 * The online list: one entry per participant (several tabs of one person count once),
 * without read-only Beamer views, self first, then by name.
 */
export function onlinePeople(states: ReadonlyMap<number, unknown>, selfClientId: number): OnlinePerson[] {
  const byParticipant = new Map<string, OnlinePerson>()
  for (const [clientId, state] of states) {
    const user = readAwarenessUser(state)
    if (!user || user.role === 'viewer') continue
    const isSelf = clientId === selfClientId
    const known = byParticipant.get(user.participantId)
    if (!known || isSelf) byParticipant.set(user.participantId, { ...user, isSelf: isSelf || (known?.isSelf ?? false) })
  }
  return [...byParticipant.values()].sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name, 'de'),
  )
}
