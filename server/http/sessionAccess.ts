import type { IncomingMessage } from 'node:http'
import type { Role } from '../../shared/permissions/updatePolicy.ts'
import type { AppContext } from '../app/appContext.ts'
import type { StoredSession } from '../persistence/sessionStore.ts'
import { isValidSessionId } from '../sessions/identifiers.ts'
import { roleForToken } from '../sessions/roles.ts'
import { apiError } from '../../shared/api/apiError.ts'
import { HttpError } from './httpError.ts'

/** The session named in a route: 400 for a malformed id, 404 for an unknown one. */
export function requireSession(app: AppContext, sessionId: string | undefined): StoredSession {
  if (!sessionId || !isValidSessionId(sessionId)) throw new HttpError(400, apiError('malformedSessionId'))
  const session = app.store.getSession(sessionId)
  if (!session) throw new HttpError(404, apiError('unknownSession'))
  return session
}

export function bearerToken(request: IncomingMessage): string | null {
  const header = request.headers.authorization
  if (!header) return null
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  if (!match) throw new HttpError(401, apiError('malformedAuthorization'))
  return match[1]!
}

/** The caller's role from an optional bearer token; 403 for a token that is neither of the session's. */
export function requireRole(session: StoredSession, request: IncomingMessage): Role {
  const role = roleForToken(session, bearerToken(request))
  if (!role) throw new HttpError(403, apiError('wrongToken'))
  return role
}

/** 401 without a token, 403 with any token but the moderator's. */
export function requireModerator(session: StoredSession, request: IncomingMessage): void {
  const token = bearerToken(request)
  if (!token) throw new HttpError(401, apiError('moderatorTokenRequired'))
  if (roleForToken(session, token) !== 'moderator') throw new HttpError(403, apiError('wrongToken'))
}

/** The participant id a participant token proves; 403 when it is forged or from another session. */
export function requireParticipant(app: AppContext, session: StoredSession, participantToken: string): string {
  const participantId = app.participantTokens.verify(session.id, participantToken)
  if (!participantId) throw new HttpError(403, apiError('invalidParticipantToken'))
  return participantId
}

/** Base URL for links: PUBLIC_URL when set, else the origin the request came to. */
export function publicBaseUrl(app: AppContext, request: IncomingMessage): string {
  if (app.config.publicUrl) return app.config.publicUrl
  const host = request.headers.host
  const safeHost = host && /^[A-Za-z0-9.:[\]-]+$/.test(host) ? host : `localhost:${app.config.port}`
  const forwarded = request.headers['x-forwarded-proto']
  const protocol = forwarded === 'https' ? 'https' : 'http'
  return `${protocol}://${safeHost}`
}
