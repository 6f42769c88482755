import { create } from 'zustand'

interface ClientUpdateState {
  /** The server now serves another client build than this page runs: a reload gets it. */
  otherBuildServed: boolean
  setOtherBuildServed: () => void
}

/** Whether this page is out of date since a deploy (client/session/servedBuildCheck.ts). */
export const useClientUpdateStore = create<ClientUpdateState>()((set) => ({
  otherBuildServed: false,
  setOtherBuildServed: () => set({ otherBuildServed: true }),
}))
