import { createContext, useContext } from 'react'
import type { ModerationState } from '../../shared/moderation/moderationState.ts'
import type { ParticipantCredentials, SessionInfo } from '../api/pinnwandApi.ts'
import type { SessionConnection } from '../session/sessionConnection.ts'

/**
 * What the canvas's moderation parts (dots, clusters, summons, hidden mode) need beyond
 * {@link CanvasSession}: the live session and the moderator's settings as they change.
 */
export interface CanvasModeration {
  connection: SessionConnection
  session: SessionInfo
  /** Null for the Beamer. */
  participant: ParticipantCredentials | null
  moderation: ModerationState
  /** Hidden mode is on and this person is no moderator: "+ Karte" posts through the server. */
  postsSealed: boolean
}

export const CanvasModerationContext = createContext<CanvasModeration | null>(null)

export function useCanvasModeration(): CanvasModeration {
  const value = useContext(CanvasModerationContext)
  if (!value) throw new Error('useCanvasModeration outside WorkshopCanvas')
  return value
}
