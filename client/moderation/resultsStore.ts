import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'

interface ResultsState {
  /** The round whose results the person closed; they open again for the next round. */
  closedRoundId: string | null
  close: (roundId: string) => void
  reopen: () => void
}

/**
 * Whether the voting results panel is shown (it opens by itself when a round ends). Remembered on
 * the device: closed once, a round's results stay closed after a reload (round ids are random).
 */
export const useResultsStore = create<ResultsState>()(
  persist(
    (set) => ({
      closedRoundId: null,
      close: (roundId) => set({ closedRoundId: roundId }),
      reopen: () => set({ closedRoundId: null }),
    }),
    { name: 'pinnwand:closed-results', storage: createJSONStorage(() => localStorage) },
  ),
)
