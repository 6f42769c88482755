import type { StoredSession } from '../persistence/sessionStore.ts'

export interface SessionLinks {
  participantUrl: string
  moderatorUrl: string
  viewerUrl: string
}

/** The three links of a session (tokens in the fragment, see docs/CONTRACTS.md). */
export function sessionLinks(baseUrl: string, session: StoredSession): SessionLinks {
  const base = baseUrl.replace(/\/+$/, '')
  const participantUrl = `${base}/s/${session.id}`
  return {
    participantUrl,
    moderatorUrl: `${participantUrl}#moderator=${session.moderatorToken}`,
    viewerUrl: `${participantUrl}#viewer=${session.viewerToken}`,
  }
}
