import { create } from 'zustand'

interface SealedNoteState {
  /** Texts of this person's sealed notes by note id (the document holds none before the reveal). */
  texts: ReadonlyMap<string, string>
  setTexts: (texts: ReadonlyMap<string, string>) => void
  /** The question whose sealed-note dialog is open, or null. */
  composing: number | null
  compose: (questionIndex: number) => void
  close: () => void
  /**
   * Unsent text of the dialog by `sealedDraftKey`: closing it (Escape, "Schließen") keeps what
   * the person typed, and reopening "+ Karte" shows it again.
   */
  drafts: ReadonlyMap<string, string>
  setDraft: (key: string, text: string) => void
}

/** A draft belongs to one workshop's question (the store outlives a switch between workshops). */
export function sealedDraftKey(sessionId: string, questionIndex: number): string {
  return `${sessionId}:${questionIndex}`
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
  drafts: new Map(),
  setDraft: (key, text) =>
    set((state) => {
      const drafts = new Map(state.drafts)
      if (text === '') drafts.delete(key)
      else drafts.set(key, text)
      return { drafts }
    }),
}))
