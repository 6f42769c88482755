import { useTranslate } from '../i18n/translate.ts'
import type { Workshop } from './useWorkshop.ts'
import type { NoteView } from './workshopModel.ts'

/** What a note says, as shown and read out: its text, or what is known of a sealed note. */
export function noteLabel(note: NoteView, sealedText: string | undefined, sealedLabel: string): string {
  if (note.sealed) return sealedText ?? sealedLabel
  return note.text
}

export interface NoteLabel {
  /** The note's text as shown and read out; a sealed note's only for its author, else "Verdeckte Karte". */
  label: string
  /** A sealed note's text as its author knows it (from the server); undefined for everyone else. */
  sealedText: string | undefined
}

/**
 * The one rule for showing a note wherever this person sees it (list view, phone view): a sealed
 * note ("Verdeckt sammeln") shows its text to its author, who has it from the server, and the
 * placeholder to everyone else.
 */
export function useNoteLabel(note: NoteView, workshop: Pick<Workshop, 'sealedTexts'>): NoteLabel {
  const t = useTranslate()
  const sealedText = workshop.sealedTexts.get(note.id)
  return { label: noteLabel(note, sealedText, t('note.sealed')), sealedText }
}
