import { create } from 'zustand'
import type { Role } from '../../shared/permissions/updatePolicy.ts'

export interface OnlinePerson {
  participantId: string
  name: string
  color: string
  role: Role
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
