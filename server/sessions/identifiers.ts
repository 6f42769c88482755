import { randomBytes } from 'node:crypto'

/** Valid session ids (see docs/CONTRACTS.md); anything else is refused before touching storage. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/

export function isValidSessionId(value: string): boolean {
  return SESSION_ID_PATTERN.test(value)
}

/** 128 random bits, base64url (22 chars): unguessable and URL-safe. */
export function newSessionId(): string {
  return randomBytes(16).toString('base64url')
}

/** 192 random bits, base64url (32 chars), for moderator and viewer tokens. */
export function newSecretToken(): string {
  return randomBytes(24).toString('base64url')
}

/** 128 random bits, base64url; fits the author id limits of shared/workshop/recordMeta.ts. */
export function newParticipantId(): string {
  return randomBytes(16).toString('base64url')
}
