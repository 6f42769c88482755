import { create } from 'zustand'

interface SealedNoteState {
  /** Texts of this person's sealed notes by note id (the document holds none before the reveal). */
  texts: ReadonlyMap<string, string>
  setTexts: (texts: ReadonlyMap<string, string>) => void
  /** The question whose sealed-note dialog is open, or null. */
  composing: number | null
  compose: (questionIndex: number) => void
  close: () => void
}

/**
 * Hidden mode on the canvas: the author's own sealed texts (shown on their covered notes) and
 * the dialog that posts a sealed note. A store because tldraw renders notes outside React's
 * prop flow from the canvas.
 */
export const useSealedNoteStore = create<SealedNoteState>()((set) => ({
  texts: new Map(),
  setTexts: (texts) => set({ texts }),
  composing: null,
  compose: (questionIndex) => set({ composing: questionIndex }),
  close: () => set({ composing: null }),
}))
