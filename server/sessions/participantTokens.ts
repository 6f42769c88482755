import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SessionStore } from '../persistence/sessionStore.ts'
import { newParticipantId } from './identifiers.ts'

/** Where servers before schema 2 kept the participant secret (read once, see loadParticipantSecret). */
export const LEGACY_PARTICIPANT_SECRET_FILE = 'participant-secret.key'

/**
 * Participant tokens: `<participantId>.<base64url HMAC-SHA256(secret, sessionId + "." + participantId)>`.
 * The server hands one out when somebody joins; the websocket gate trusts the author id only
 * when the signature matches, so a client cannot write notes in somebody else's name. Bound to
 * the session id, a token from one session is worthless in another.
 */
export class ParticipantTokens {
  constructor(private readonly secret: Buffer) {}

  issue(sessionId: string): { participantId: string; participantToken: string } {
    const participantId = newParticipantId()
    return { participantId, participantToken: `${participantId}.${this.sign(sessionId, participantId)}` }
  }

  /** The participant id the token proves, or null when it is malformed or forged. */
  verify(sessionId: string, token: string): string | null {
    const separator = token.lastIndexOf('.')
    if (separator <= 0 || token.length > 200) return null
    const participantId = token.slice(0, separator)
    const given = Buffer.from(token.slice(separator + 1), 'base64url')
    const expected = Buffer.from(this.sign(sessionId, participantId), 'base64url')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
    return participantId
  }

  private sign(sessionId: string, participantId: string): string {
    return createHmac('sha256', this.secret).update(`${sessionId}.${participantId}`).digest('base64url')
  }
}

/**
 * The HMAC secret: 32 bytes from crypto.randomBytes, kept in the store next to the sessions it
 * signs for, so tokens stay valid across restarts and a backup restores them too. DATA_DIRs from
 * before schema 2 kept it in a file (`participant-secret.key`); that value is taken over once, so
 * existing participant tokens stay valid.
 */
export function loadParticipantSecret(store: SessionStore, dataDir: string): Buffer {
  const encoded = store.serverSecret('participant', () => {
    const legacyPath = join(dataDir, LEGACY_PARTICIPANT_SECRET_FILE)
    return existsSync(legacyPath) ? readFileSync(legacyPath, 'utf8').trim() : randomBytes(32).toString('base64url')
  })
  const secret = Buffer.from(encoded, 'base64url')
  if (secret.length < 32) throw new Error('The stored participant secret is damaged (expected 32 random bytes)')
  return secret
}
