import { create } from 'zustand'
import type { ParticipantCredentials, SessionInfo } from '../api/pinnwandApi.ts'

interface IdentityState {
  /** The open session as the server described it, including this person's role. */
  session: SessionInfo | null
  /** Who this person writes as; null for the read-only Beamer view. */
  participant: ParticipantCredentials | null
  setSession: (session: SessionInfo | null) => void
  setParticipant: (participant: ParticipantCredentials | null) => void
}

export const useIdentityStore = create<IdentityState>()((set) => ({
  session: null,
  participant: null,
  setSession: (session) => set({ session }),
  setParticipant: (participant) => set({ participant }),
}))
