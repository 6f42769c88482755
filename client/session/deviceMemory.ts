import type { ParticipantCredentials, SessionInfo } from '../api/pinnwandApi.ts'

/**
 * What this device remembers between visits, in localStorage: the display name (for every
 * workshop), the participant credentials per session (so a reload rejoins as the same author),
 * and the last session info (so the board opens offline).
 */
const NAME_KEY = 'pinnwand:name'
const participantKey = (sessionId: string) => `pinnwand:participant:${sessionId}`
const sessionInfoKey = (sessionId: string) => `pinnwand:session:${sessionId}`

function readJson(key: string): unknown {
  try {
    const text = localStorage.getItem(key)
    return text ? JSON.parse(text) : undefined
  } catch {
    return undefined
  }
}

function writeJson(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value))
  } catch {
    // storage full or disabled (private mode): the app still works, it just forgets
  }
}

export function rememberedName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? ''
  } catch {
    return ''
  }
}

export function rememberName(name: string): void {
  try {
    localStorage.setItem(NAME_KEY, name)
  } catch {
    // see writeJson
  }
}

export function storedCredentials(sessionId: string): ParticipantCredentials | undefined {
  const value = readJson(participantKey(sessionId)) as Partial<ParticipantCredentials> | undefined
  if (
    value &&
    typeof value.participantId === 'string' &&
    typeof value.participantToken === 'string' &&
    typeof value.name === 'string'
  )
    return value as ParticipantCredentials
  return undefined
}

export function storeCredentials(sessionId: string, credentials: ParticipantCredentials): void {
  writeJson(participantKey(sessionId), credentials)
}

export function cachedSessionInfo(sessionId: string): SessionInfo | undefined {
  const value = readJson(sessionInfoKey(sessionId)) as SessionInfo | undefined
  return value && value.id === sessionId && Array.isArray(value.questions) ? value : undefined
}

export function cacheSessionInfo(info: SessionInfo): void {
  writeJson(sessionInfoKey(info.id), info)
}

/** The IndexedDB database (y-indexeddb) holding this device's copy of a session's document. */
export function localDocumentName(sessionId: string): string {
  return `pinnwand:${sessionId}`
}

/**
 * Forgets a deleted session on this device (data protection): its credentials (with the
 * display name), the cached session info and the document copy. Resolves once the browser took
 * the deletion (a copy still open elsewhere is deleted when it closes).
 */
export function forgetSession(sessionId: string): Promise<void> {
  try {
    localStorage.removeItem(participantKey(sessionId))
    localStorage.removeItem(sessionInfoKey(sessionId))
  } catch {
    // storage disabled: nothing was kept
  }
  return new Promise((resolve) => {
    try {
      const request = indexedDB.deleteDatabase(localDocumentName(sessionId))
      request.onsuccess = request.onerror = request.onblocked = () => resolve()
    } catch {
      resolve()
    }
  })
}
