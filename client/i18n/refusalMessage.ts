import { paramKinds, refusalFromText, type Refusal, type RefusalCode } from '../../shared/permissions/refusal.ts'
import type { Phase } from '../../shared/moderation/phases.ts'
import type { Translate } from './translate.ts'

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
 * shown as it came (write limits and other server messages are not refusal codes).
 */
export function reasonMessage(t: Translate, text: string): string {
  const reason = text.startsWith(UPDATE_REFUSED_PREFIX) ? text.slice(UPDATE_REFUSED_PREFIX.length) : text
  const refusal = refusalFromText(reason)
  return refusal ? refusalMessage(t, refusal) : text
}
