import { create } from 'zustand'

interface ResultsState {
  /** The round whose results the person closed; they open again for the next round. */
  closedRoundId: string | null
  close: (roundId: string) => void
  reopen: () => void
}

/** Whether the voting results panel is shown (it opens by itself when a round ends). */
export const useResultsStore = create<ResultsState>()((set) => ({
  closedRoundId: null,
  close: (roundId) => set({ closedRoundId: roundId }),
  reopen: () => set({ closedRoundId: null }),
}))
