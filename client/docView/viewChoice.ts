import { useCallback, useState } from 'react'
import type { Role } from '../../shared/permissions/participantRules.ts'

/**
 * The three views of a session: the tldraw canvas, the accessible list, and the phone view
 * ("Karte schreiben"). Phones open the phone view by default for participants; a choice made in
 * the switch is remembered on the device and wins from then on.
 */
export type SessionView = 'canvas' | 'list' | 'phone'

const VIEW_KEY = 'pinnwand:view'
export const SMALL_SCREEN_QUERY = '(max-width: 700px)'

/** Views a role can choose; the Beamer writes nothing, so it gets no phone view. */
export function viewsFor(role: Role): SessionView[] {
  return role === 'viewer' ? ['canvas', 'list'] : ['canvas', 'list', 'phone']
}

export function initialView(role: Role, smallScreen: boolean, remembered: SessionView | undefined): SessionView {
  const available = viewsFor(role)
  if (remembered && available.includes(remembered)) return remembered
  return role === 'participant' && smallScreen ? 'phone' : 'canvas'
}

function readRememberedView(): SessionView | undefined {
  try {
    const value = localStorage.getItem(VIEW_KEY)
    return value === 'canvas' || value === 'list' || value === 'phone' ? value : undefined
  } catch {
    return undefined
  }
}

function rememberView(view: SessionView): void {
  try {
    localStorage.setItem(VIEW_KEY, view)
  } catch {
    // storage disabled: the choice lasts until the page is left
  }
}

function isSmallScreen(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(SMALL_SCREEN_QUERY).matches
}

/** The current view of the session page and a setter that remembers the choice. */
export function useSessionView(role: Role | null): [SessionView, (view: SessionView) => void] {
  const [chosen, setChosen] = useState<SessionView | undefined>(readRememberedView)
  const view = role ? initialView(role, isSmallScreen(), chosen) : 'canvas'
  const choose = useCallback((next: SessionView) => {
    rememberView(next)
    setChosen(next)
  }, [])
  return [view, choose]
}
