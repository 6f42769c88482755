import type { ApiErrorCode } from '../../shared/api/apiError.ts'
import { CLIENT_BUILD_PATH, type ClientBuildAnswer } from '../../shared/api/clientBuild.ts'
import type { RefusalCode } from '../../shared/permissions/refusal.ts'
import type { WorkshopTemplate } from '../../shared/template/templateSchema.ts'
import type { Role } from '../../shared/permissions/updatePolicy.ts'

/** Codes of ApiErrors made on this side: no HTTP answer arrived at all / an error answer without a code. */
export const NETWORK_ERROR = 'network'
export const HTTP_ERROR = 'http'

/**
 * What an ApiError's code can be: one of the API's error codes or a refusal code (the server's
 * answer, shared/api/apiError.ts), NETWORK_ERROR or HTTP_ERROR. Another server version may send a code this
 * client does not know, so the field is read as a string.
 */
export type ApiErrorCodeOnClient = ApiErrorCode | RefusalCode | typeof NETWORK_ERROR | typeof HTTP_ERROR

/**
 * The server's HTTP API as the browser sees it (docs/CONTRACTS.md). Every call either returns
 * the typed body or throws an {@link ApiError} carrying the server's `{ error, code, ...params }`.
 * `message` is the server's English text (for logs); the UI shows `apiErrorMessage` (client/i18n/refusalMessage.ts).
 */
export class ApiError extends Error {
  constructor(
    message: string,
    /** HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    /** The error's code (see ApiErrorCodeOnClient); undefined for an answer with a text but no code (an older server). */
    readonly code: string | undefined = undefined,
    /** The code's parameters, as they came beside it. */
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** The ApiError for a request that got no HTTP answer (the browser's "Failed to fetch"). */
export function networkError(cause: unknown): ApiError {
  return new ApiError((cause as Error | undefined)?.message || 'network error', 0, NETWORK_ERROR)
}

/**
 * The ApiError for an HTTP error answer and its parsed JSON body (anything, if it was not JSON):
 * the server's text, code and parameters, or HTTP_ERROR when the answer has no text (a proxy's
 * error page, say).
 */
export function errorFromAnswer(status: number, body: unknown): ApiError {
  const { error, code, ...rest } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  if (typeof error !== 'string') return new ApiError(`HTTP ${status}`, status, HTTP_ERROR, { status })
  const params: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(rest)) if (typeof value === 'string' || typeof value === 'number') params[name] = value
  return new ApiError(error, status, typeof code === 'string' ? code : undefined, params)
}

export interface TemplateSummary {
  id: string
  title: string
  questions: string[]
}

export interface CreatedSession {
  id: string
  title: string
  participantUrl: string
  moderatorUrl: string
  viewerUrl: string
}

export interface SessionInfo {
  id: string
  title: string
  subtitle: string
  intro: string
  questions: string[]
  role: Role
}

export interface ParticipantCredentials {
  participantId: string
  participantToken: string
  name: string
}

export interface ClientConfig {
  tldrawLicenseKey: string | null
  /** Sessions are deleted after this many days without activity; 0 = kept until deleted. */
  retentionDays?: number
  /** The largest websocket message the server accepts (older servers do not say). */
  maxMessageBytes?: number
}

export interface RequestOptions {
  /**
   * Send once more after a network error (no HTTP answer at all). A POST that goes out on a
   * keep-alive connection just as the server closes it as idle fails this way without having
   * reached the server; browsers repeat such a GET themselves, never a POST. Only for requests
   * whose repetition does no harm (joining, creating a workshop), not for posting a note.
   */
  retryNetworkErrorOnce?: boolean
}

/** How long to wait before that one repetition. */
const NETWORK_RETRY_DELAY_MS = 300

/** One JSON request to the server's API; `bearer` is sent as the Authorization token. */
export async function request<T>(path: string, init: RequestInit = {}, bearer?: string, options: RequestOptions = {}): Promise<T> {
  const headers = new Headers(init.headers)
  if (init.body !== undefined) headers.set('Content-Type', 'application/json')
  if (bearer) headers.set('Authorization', `Bearer ${bearer}`)
  let response: Response
  try {
    response = await fetch(path, { ...init, headers })
  } catch (error) {
    if (!options.retryNetworkErrorOnce) throw networkError(error)
    await new Promise((resolve) => setTimeout(resolve, NETWORK_RETRY_DELAY_MS))
    return request<T>(path, init, bearer, { retryNetworkErrorOnce: false })
  }
  const text = await response.text()
  let body: unknown
  try {
    body = text ? JSON.parse(text) : undefined
  } catch {
    body = undefined
  }
  if (!response.ok) throw errorFromAnswer(response.status, body)
  return body as T
}

/** Links from the server may be relative; the start page shows and copies absolute ones. */
function absolute(url: string): string {
  return new URL(url, window.location.origin).toString()
}

export function fetchConfig(): Promise<ClientConfig> {
  return request<ClientConfig>('/api/config')
}

/** The client build the server serves now (null: none, or an older server that does not say). */
export async function fetchServedClientBuild(): Promise<string | null> {
  const answer = await request<Partial<ClientBuildAnswer> | undefined>(CLIENT_BUILD_PATH, { cache: 'no-store' })
  return typeof answer?.build === 'string' ? answer.build : null
}

export function fetchTemplates(): Promise<TemplateSummary[]> {
  return request<TemplateSummary[]>('/api/templates')
}

/** Creates a session from a built-in template id or a whole template (uploaded file). */
export async function createSession(template: string | WorkshopTemplate): Promise<CreatedSession> {
  const created = await request<CreatedSession>('/api/sessions', { method: 'POST', body: JSON.stringify({ template }) }, undefined, { retryNetworkErrorOnce: true })
  return {
    ...created,
    participantUrl: absolute(created.participantUrl),
    moderatorUrl: absolute(created.moderatorUrl),
    viewerUrl: absolute(created.viewerUrl),
  }
}

export function fetchSession(sessionId: string, roleToken?: string): Promise<SessionInfo> {
  return request<SessionInfo>(`/api/sessions/${encodeURIComponent(sessionId)}`, {}, roleToken)
}

export function joinSession(sessionId: string, name: string): Promise<ParticipantCredentials> {
  // A repeated join at worst leaves an unused participant entry behind.
  return request<ParticipantCredentials>(
    `/api/sessions/${encodeURIComponent(sessionId)}/participants`,
    { method: 'POST', body: JSON.stringify({ name }) },
    undefined,
    { retryNetworkErrorOnce: true },
  )
}

/** Deletes the workshop with all its data (moderator token); connected clients are closed with 4404. */
export async function deleteSession(sessionId: string, moderatorToken: string): Promise<void> {
  await request<{ deleted: string }>(`/api/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE' }, moderatorToken)
}
