import { createContext, useContext } from 'react'
import type { Actor } from '../../shared/permissions/updatePolicy.ts'
import type { Author } from '../../shared/workshop/recordMeta.ts'

/** What canvas components need to know about the person at this screen. */
export interface CanvasSession {
  actor: Actor
  /** Whom new notes are attributed to; null for the Beamer. */
  author: Author | null
  /** Whether "+ Karte" is offered on a board (role, phase, locked boards). */
  canAddNoteTo: (boardId: string) => boolean
}

export const CanvasSessionContext = createContext<CanvasSession | null>(null)

export function useCanvasSession(): CanvasSession {
  const session = useContext(CanvasSessionContext)
  if (!session) throw new Error('useCanvasSession outside WorkshopCanvas')
  return session
}
