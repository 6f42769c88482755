import type * as z from 'zod'
import type { ModerationState } from '../../shared/moderation/moderationState.ts'
// Type only: the request bodies are defined once, by the server route's schema (docs/CONTRACTS.md).
import type { moderationActionSchema } from '../../server/moderation/moderationActions.ts'
import { request } from '../api/pinnwandApi.ts'

/** A moderator action as sent (fields with server defaults may be left out). */
export type ModerationActionRequest = z.input<typeof moderationActionSchema>

/**
 * Sends one moderator action (phase, lock, voting, timer, summon, hidden mode) to the server,
 * which alone writes the moderation state; the new state also arrives through the document.
 * Throws an ApiError with the server's message when refused.
 */
export function sendModerationAction(sessionId: string, moderatorToken: string, action: ModerationActionRequest): Promise<ModerationState> {
  return request<ModerationState>(
    `/api/sessions/${encodeURIComponent(sessionId)}/moderation`,
    { method: 'POST', body: JSON.stringify(action) },
    moderatorToken,
  )
}
