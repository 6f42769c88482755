import { fetchConfig, fetchSession, type ClientConfig, type SessionInfo } from '../api/pinnwandApi.ts'

/**
 * The session page's first two requests, sent before React has rendered anything (see
 * prefetchSession.ts): the session's info decides the role and opens the connection, so every
 * millisecond it waits delays the board.
 * Each prefetched answer is taken once; a later page (another session, a remount) asks anew.
 */
let prefetched: { key: string; session: Promise<SessionInfo>; config: Promise<ClientConfig> } | undefined

const keyOf = (sessionId: string, roleToken: string | undefined) => `${sessionId}#${roleToken ?? ''}`

export function prefetchSessionRequests(sessionId: string, roleToken: string | undefined): void {
  const session = fetchSession(sessionId, roleToken)
  const config = fetchConfig()
  // Taken later (or never): no unhandled rejection meanwhile.
  session.catch(() => undefined)
  config.catch(() => undefined)
  prefetched = { key: keyOf(sessionId, roleToken), session, config }
}

/** The session's info and the client config: the prefetched requests if they are for this session, else new ones. */
export function sessionRequests(sessionId: string, roleToken: string | undefined): { session: Promise<SessionInfo>; config: Promise<ClientConfig> } {
  const early = prefetched
  prefetched = undefined
  if (early && early.key === keyOf(sessionId, roleToken)) return { session: early.session, config: early.config }
  return { session: fetchSession(sessionId, roleToken), config: fetchConfig() }
}
