import { fillTemplate, refusalText, type ParamKind, type Refusal, type RefusalCode } from '../permissions/refusal.ts'

/**
 * Every kind of error the HTTP API answers with, defined once: a machine-readable code, its
 * typed parameters and its English text (docs/CONTRACTS.md, "HTTP API"). The server sends
 * `{ "error": <English text>, "code": <code>, ...params }`; `error` stays for stock clients and
 * logs, our client translates the code. Where the permission policy or a write limit refuses a
 * request, the code is the refusal's own (shared/permissions/refusal.ts), so a refusal reads the
 * same on the websocket and over HTTP.
 *
 * A template names its parameters as `{name}`, `params` says what kind each one is. Texts are
 * those the server has always sent.
 */
const API_ERRORS = {
  crossOrigin: { en: 'Cross-origin request refused' },
  malformedUrl: { en: 'Malformed URL' },
  noSuchRoute: { en: 'No such API route: {method} {path}', params: { method: 'text', path: 'text' } },
  methodNotAllowed: { en: 'Method {method} not allowed', params: { method: 'text' } },
  internal: { en: 'Internal server error' },
  bodyTooLarge: { en: 'Request body too large (limit {bytes} bytes)', params: { bytes: 'number' } },
  templateTooLarge: { en: 'Template too large (limit {bytes} bytes, MAX_TEMPLATE_BYTES)', params: { bytes: 'number' } },
  invalidJson: { en: 'Request body is not valid JSON' },
  /**
   * A request body or query that fails its schema: the first bad field, the validator's sentence,
   * and what is wrong as a code with its bound (shared/api/fieldProblem.ts), for the UI's words.
   */
  invalidField: { en: 'Invalid field "{field}": {detail}', params: { field: 'text', detail: 'text', problem: 'text', limit: 'number' } },
  /** The same for a value without a field (the body as a whole). */
  invalidRequest: { en: 'Invalid request: {detail}', params: { detail: 'text' } },
  /** A template the shared template schema refuses; `detail` is its sentence, which names the field. */
  invalidTemplate: { en: '{detail}', params: { field: 'text', detail: 'text', problem: 'text', limit: 'number' } },
  malformedSessionId: { en: 'Malformed session id' },
  unknownSession: { en: 'Unknown session' },
  malformedAuthorization: { en: 'Authorization header must be "Bearer <token>"' },
  moderatorTokenRequired: { en: 'Moderator token required' },
  wrongToken: { en: 'Wrong token for this session' },
  invalidParticipantToken: { en: 'Invalid participant token' },
  tooManySessions: {
    en: 'This server holds its maximum of {max} workshops (MAX_SESSIONS); delete old workshops first',
    params: { max: 'number' },
  },
  unknownBoard: { en: 'Unknown board "{boardId}"', params: { boardId: 'text' } },
} as const satisfies Record<string, { en: string; params?: Record<string, Exclude<ParamKind, 'phase'>> }>

type Table = typeof API_ERRORS
export type ApiErrorCode = keyof Table
export const API_ERROR_CODES = Object.keys(API_ERRORS) as ApiErrorCode[]

interface ParamTypes {
  number: number
  text: string
}

export type ApiErrorParams<C extends ApiErrorCode> = Table[C] extends { params: infer P extends Record<string, 'number' | 'text'> }
  ? { [K in keyof P]: ParamTypes[P[K]] }
  : Record<string, never>

/** What an API request can fail with: one of the API's own errors, or a refusal. */
export type ApiFailure = { [C in ApiErrorCode]: { code: C; params: ApiErrorParams<C> } }[ApiErrorCode] | Refusal

type CodesWithParams = { [C in ApiErrorCode]: Table[C] extends { params: object } ? C : never }[ApiErrorCode]

/** Builds an API error; parameters are required exactly where the code's text has some. */
export function apiError<C extends Exclude<ApiErrorCode, CodesWithParams>>(code: C): ApiFailure
export function apiError<C extends CodesWithParams>(code: C, params: ApiErrorParams<C>): ApiFailure
export function apiError(code: ApiErrorCode, params: Record<string, unknown> = {}): ApiFailure {
  return { code, params } as ApiFailure
}

export function isApiErrorCode(code: string): code is ApiErrorCode {
  return Object.hasOwn(API_ERRORS, code)
}

/** What kind each parameter of `code` is. */
export function apiErrorParamKinds(code: ApiErrorCode): Record<string, 'number' | 'text'> {
  const entry: { en: string; params?: Record<string, 'number' | 'text'> } = API_ERRORS[code]
  return entry.params ?? {}
}

/** The English text of a failure (what the server logs and sends as `error`). */
export function apiFailureText(failure: ApiFailure): string {
  if (!isApiErrorCode(failure.code)) return refusalText(failure as Refusal)
  return fillTemplate(API_ERRORS[failure.code].en, apiErrorParamKinds(failure.code), failure.params as Record<string, string | number>)
}

/** An error answer of the HTTP API: the English text, the code and the code's parameters beside them. */
export type ApiErrorBody = { error: string; code: ApiErrorCode | RefusalCode } & Record<string, string | number>

/** The JSON body for a failure. Parameters sit beside `error` and `code` (no parameter has either name). */
export function apiErrorBody(failure: ApiFailure): ApiErrorBody {
  return { ...(failure.params as Record<string, string | number>), error: apiFailureText(failure), code: failure.code }
}

// One code space on the wire: an API error code must never also be a refusal code.
const codesAreDisjoint: [Extract<ApiErrorCode, RefusalCode>] extends [never] ? true : false = true
void codesAreDisjoint
