import { createHash, timingSafeEqual } from 'node:crypto'
import type { Role } from '../../shared/permissions/updatePolicy.ts'
import type { StoredSession } from '../persistence/sessionStore.ts'

/**
 * Compares secrets in constant time. Both sides are hashed first so the comparison never
 * depends on (or leaks) the length of the expected token.
 */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}

/**
 * The role a token grants in a session: no token = participant, the moderator or viewer token =
 * that role; any other token = `null` (the caller answers 403 / close 4403).
 */
export function roleForToken(session: StoredSession, token: string | null | undefined): Role | null {
  if (token === undefined || token === null || token === '') return 'participant'
  // Check both tokens always, so timing does not tell which one was close.
  const isModerator = secretsEqual(token, session.moderatorToken)
  const isViewer = secretsEqual(token, session.viewerToken)
  if (isModerator) return 'moderator'
  if (isViewer) return 'viewer'
  return null
}
