import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { newParticipantId } from './identifiers.ts'

export const PARTICIPANT_SECRET_FILE = 'participant-secret.key'

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
 * The HMAC secret, generated once with crypto.randomBytes and kept in DATA_DIR (mode 0600), so
 * tokens stay valid across restarts. Creating it exclusively (`wx`) keeps two processes that
 * start at once from overwriting each other's secret.
 */
export function loadOrCreateParticipantSecret(dataDir: string): Buffer {
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, PARTICIPANT_SECRET_FILE)
  try {
    writeFileSync(path, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  const secret = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url')
  if (secret.length < 32) throw new Error(`${path} is damaged (expected 32 random bytes); delete it to create a new one`)
  return secret
}
