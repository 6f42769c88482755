import { errorFromAnswer, networkError } from '../api/pinnwandApi.ts'

/**
 * The HTTP routes the views without a canvas need beyond pinnwandApi.ts (docs/CONTRACTS.md):
 * server time for the timer, and the sealed notes of hidden mode. Errors are ApiErrors with the
 * server's code, like every other API call of the client.
 */
async function requestJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      ...init,
      headers: init.body === undefined ? init.headers : { ...init.headers, 'Content-Type': 'application/json' },
    })
  } catch (error) {
    throw networkError(error)
  }
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok) throw errorFromAnswer(response.status, body)
  return body as T
}

/** The server's clock, ms since the epoch. */
export async function fetchServerTime(): Promise<number> {
  const { now } = await requestJson<{ now: number }>('/api/time')
  return now
}

export interface SealedNote {
  noteId: string
  questionIndex: number
  text: string
  createdAt: string
}

const sessionPath = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`

/**
 * Posts a note in hidden mode: the server keeps the text and puts an empty placeholder on the
 * board. With `noteId` (chosen on the device), posting it again hands it in once only.
 */
export function postSealedNote(sessionId: string, participantToken: string, questionIndex: number, text: string, noteId?: string): Promise<{ noteId: string }> {
  return requestJson(`${sessionPath(sessionId)}/sealed-notes`, {
    method: 'POST',
    body: JSON.stringify({ participantToken, questionIndex, text, noteId }),
  })
}

/** The texts of this participant's sealed notes (only the author may read them before the reveal). */
export async function fetchMySealedNotes(sessionId: string, participantToken: string): Promise<SealedNote[]> {
  const query = new URLSearchParams({ participantToken })
  const { notes } = await requestJson<{ notes: SealedNote[] }>(`${sessionPath(sessionId)}/sealed-notes/mine?${query}`)
  return notes
}
