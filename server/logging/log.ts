import { inspect } from 'node:util'

/**
 * The server's log lines (stdout/stderr; whoever runs the server decides where they go).
 * Secrets never reach them: tokens in URLs and headers are masked before anything is written,
 * and no client addresses are logged at all (the per-address limit keeps them in memory only).
 */
const SECRET_PARAMS = /([?&](?:token|participant|participantToken|moderator|viewer)=)[^&#\s"']*/gi
const FRAGMENT_SECRETS = /(#(?:moderator|viewer)=)[^&\s"']*/gi
const BEARER = /(Bearer\s+)[^\s"']+/gi

export function redactSecrets(text: string): string {
  return text.replace(SECRET_PARAMS, '$1[redacted]').replace(FRAGMENT_SECRETS, '$1[redacted]').replace(BEARER, '$1[redacted]')
}

function format(parts: readonly unknown[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : inspect(part))).join(' ')
}

export function logInfo(...parts: unknown[]): void {
  console.log(redactSecrets(format(parts)))
}

export function logError(...parts: unknown[]): void {
  console.error(redactSecrets(format(parts)))
}

const lastWarning = new Map<string, { at: number; suppressed: number }>()
const WARNING_INTERVAL_MS = 10_000

/**
 * A warning that may come in floods (refused foreign origins, address limits under attack):
 * at most one line per kind every 10 s, with the number of repeats left out in between.
 */
export function logThrottledWarning(kind: string, message: string, now = Date.now()): void {
  const last = lastWarning.get(kind)
  if (last && now - last.at < WARNING_INTERVAL_MS) {
    last.suppressed++
    return
  }
  const repeats = last && last.suppressed > 0 ? ` (${last.suppressed} more since the last report)` : ''
  lastWarning.set(kind, { at: now, suppressed: 0 })
  console.warn(redactSecrets(`[pinnwand] ${message}${repeats}`))
}
