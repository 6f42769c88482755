import type { ApiErrorCode } from '../../shared/api/apiError.ts'
import { isFieldProblemCode } from '../../shared/api/fieldProblem.ts'
import { CLOSE_CODES } from '../../shared/connection/closeCodes.ts'
import { PHASES, type Phase } from '../../shared/moderation/phases.ts'
import { paramKinds, REFUSAL_CODES, refusalFromText, type Refusal, type RefusalCode } from '../../shared/permissions/refusal.ts'
import { ApiError, type HTTP_ERROR, type NETWORK_ERROR } from '../api/pinnwandApi.ts'
import { de } from './de.ts'
import type { MessageKey, Translate } from './translate.ts'

// Refusals and the HTTP API's errors in the person's language. One module on purpose: the
// lazily loaded views import it as the app's entry does, and a second module shared that way
// made the bundler split the entry's i18n into an extra chunk (the phone view's budget).

/**
 * Refusals of the shared permission policy in the person's language: one message per
 * RefusalCode (`refusal.<code>` in de.ts / en.ts), phases named by their UI labels.
 */
export function refusalMessage(t: Translate, refusal: Refusal): string {
  const kinds = paramKinds(refusal.code)
  const params: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(refusal.params as Record<string, string | number>))
    params[name] = kinds[name] === 'phase' ? t(`phase.${value as Phase}`) : value
  // Typed without a cast: a code without a key in de.ts does not compile.
  const key: `refusal.${RefusalCode}` = `refusal.${refusal.code}`
  return t(key, params)
}

/**
 * The close reason of a refused update carries this prefix before the policy's text
 * (docs/CONTRACTS.md, close code 4001).
 */
const UPDATE_REFUSED_PREFIX = 'update refused: '

/**
 * A reason that arrives as text only (websocket close reason, y-protocols "permission denied"
 * message, an HTTP error): translated when it is one of the shared refusal texts, otherwise
 * shown as it came (server messages that are not refusals).
 */
export function reasonMessage(t: Translate, text: string): string {
  const reason = text.startsWith(UPDATE_REFUSED_PREFIX) ? text.slice(UPDATE_REFUSED_PREFIX.length) : text
  const refusal = refusalFromText(reason)
  return refusal ? refusalMessage(t, refusal) : text
}

/** One message per code the server sends and per code the client makes (`apiError.<code>` in de.ts / en.ts). */
type ApiErrorKey = `apiError.${ApiErrorCode | typeof NETWORK_ERROR | typeof HTTP_ERROR}`
// A code without a key in de.ts (and so in en.ts) does not compile.
const everyCodeHasAMessage: [ApiErrorKey] extends [MessageKey] ? true : false = true
void everyCodeHasAMessage

/**
 * What went wrong with an API request, in the person's language: a refusal by its refusal
 * message, an API error by `apiError.<code>`, no connection by `apiError.network`. An answer
 * without a known code (another server version) is shown as its text, translated when it is a
 * refusal text. Any other error shows its message.
 */
export function apiErrorMessage(t: Translate, error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error)
  if (error.code !== undefined) {
    const refusal = refusalFromAnswer(error.code, error.params)
    if (refusal) return refusalMessage(t, refusal)
    const key = `apiError.${error.code}`
    // Codes are checked against the German catalogue, which has every one (above), so the English
    // API texts need not ship to the browser just to know the codes.
    if (Object.hasOwn(de, key)) return t(key as ApiErrorKey, withFieldProblemInWords(t, error.params))
  }
  return reasonMessage(t, error.message)
}

/**
 * A bad field's parameters (invalidField, invalidTemplate) in words: the field by its label where
 * it has one ("Leitfrage 2" for `template.questions.1`), the problem as a phrase with its bound.
 * Other parameters pass as they are.
 */
function withFieldProblemInWords(t: Translate, params: Readonly<Record<string, string | number>>): Record<string, string | number> {
  if (!('problem' in params) || typeof params.field !== 'string') return params
  const { problem, limit } = params
  return {
    ...params,
    field: fieldLabel(t, params.field),
    problem: isFieldProblemCode(problem) ? t(`fieldProblem.${problem}`, { limit: typeof limit === 'number' ? limit : 0 }) : t('fieldProblem.unknown'),
  }
}

function fieldLabel(t: Translate, path: string): string {
  const inTemplate = path.replace(/^template\./, '')
  const question = /^questions\.(\d+)$/.exec(inTemplate)
  if (question) return t('field.question', { number: Number(question[1]) + 1 })
  const key = `field.${inTemplate}`
  return Object.hasOwn(de, key) ? t(key as MessageKey) : path
}

/** A refusal from an error answer's code and parameters, when the code is one and every parameter fits. */
function refusalFromAnswer(code: string, params: Readonly<Record<string, string | number>>): Refusal | undefined {
  if (!(REFUSAL_CODES as string[]).includes(code)) return undefined
  const kinds = paramKinds(code as RefusalCode)
  for (const [name, kind] of Object.entries(kinds)) {
    const value = params[name]
    const fits = kind === 'number' ? typeof value === 'number' : kind === 'phase' ? PHASES.includes(value as Phase) : typeof value === 'string'
    if (!fits) return undefined
  }
  const own = Object.fromEntries(Object.keys(kinds).map((name) => [name, params[name]]))
  return { code, params: own } as Refusal
}

/**
 * Why the server ended a live connection for good, in the person's language: the permanent
 * close codes (4400–4499, after which y-websocket stops reconnecting) by what they mean for the
 * person; any other close by its reason, translated when it is a refusal text.
 */
export function closeMessage(t: Translate, code: number, reason: string): string {
  if (code === CLOSE_CODES.unknownSession) return t('connection.closedSessionGone')
  if (code === CLOSE_CODES.wrongToken) return t('connection.closedNotAdmitted')
  if (code === CLOSE_CODES.malformedSessionId) return t('session.badLink')
  return reason ? reasonMessage(t, reason) : '—'
}
