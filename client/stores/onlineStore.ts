import { create } from 'zustand'
import type { AwarenessUser } from '../../shared/presence/awarenessUser.ts'

/** A person in the online list: their awareness identity, and whether it is this device. */
export interface OnlinePerson extends AwarenessUser {
  isSelf: boolean
}

interface OnlineState {
  people: OnlinePerson[]
  setPeople: (people: OnlinePerson[]) => void
}

/** Who is in the session right now, as told by Yjs awareness. */
export const useOnlineStore = create<OnlineState>()((set) => ({
  people: [],
  setPeople: (people) => set({ people }),
}))
