import { useEffect } from 'react'
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { translateNow } from '../i18n/translate.ts'
import { useConnectionStore } from '../stores/connectionStore.ts'
import { showToast } from '../stores/toastStore.ts'
import { sendSealedNote, type SealedNoteSender } from './sealedNoteSending.ts'

/**
 * Sealed notes (hidden mode) written without a connection. They cannot go through the document
 * like other notes (their text goes to the server only), so they wait here, on the device, and
 * are sent once the connection is back. Each keeps the note id chosen when it was written: the
 * server hands a note in once per id, so a second send (an answer lost on the way) is no
 * second note.
 */
export interface PendingSealedNote extends SealedNoteSender {
  noteId: string
  questionIndex: number
  text: string
}

interface PendingSealedNotesState {
  notes: PendingSealedNote[]
  keep: (note: PendingSealedNote) => void
  forget: (noteId: string) => void
}

export const usePendingSealedNotes = create<PendingSealedNotesState>()(
  persist(
    (set) => ({
      notes: [],
      keep: (note) => set((state) => ({ notes: [...state.notes.filter((kept) => kept.noteId !== note.noteId), note] })),
      forget: (noteId) => set((state) => ({ notes: state.notes.filter((kept) => kept.noteId !== noteId) })),
    }),
    { name: 'pinnwand:pending-sealed-notes', storage: createJSONStorage(() => localStorage), partialize: (state) => ({ notes: state.notes }) },
  ),
)

/** A fresh note id in tldraw's shape id form (crypto.randomUUID needs https; a workshop may run on plain http). */
export function newSealedNoteId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return `shape:${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`
}

let sending = false

/**
 * Sends the waiting notes of `sender`, oldest first; stops at the first that finds no connection.
 * A note the server refuses now (the reveal came, the board was locked) leaves the queue and its
 * text is shown for copying, as for notes written offline that the board did not take.
 * `onSent` hears of each note handed in.
 */
export async function sendPendingSealedNotes(sender: SealedNoteSender, onSent: (noteId: string, text: string) => void): Promise<void> {
  if (sending) return
  sending = true
  const refused: string[] = []
  try {
    // Read afresh after each send: a note written meanwhile goes out in the same run.
    const tried = new Set<string>()
    for (;;) {
      const note = usePendingSealedNotes
        .getState()
        .notes.find((kept) => kept.sessionId === sender.sessionId && kept.participantToken === sender.participantToken && !tried.has(kept.noteId))
      if (!note) break
      tried.add(note.noteId)
      const result = await sendSealedNote(translateNow, sender, note.questionIndex, note.text, note.noteId)
      if (!result.sent && result.offline) break
      usePendingSealedNotes.getState().forget(note.noteId)
      if (result.sent) onSent(result.noteId, result.text)
      else refused.push(note.text)
    }
  } finally {
    sending = false
  }
  if (refused.length > 0) showToast(translateNow('connection.offlineNotesNotTaken'), 'error', null, { keptText: refused.join('\n\n') })
}

/** Sends this person's waiting sealed notes whenever the connection is (back) online. */
export function useSendPendingSealedNotes(sender: SealedNoteSender | null, onSent: (noteId: string, text: string) => void): void {
  const online = useConnectionStore((state) => state.status === 'online')
  const waiting = usePendingSealedNotes((state) => state.notes.length)
  const sessionId = sender?.sessionId
  const participantToken = sender?.participantToken
  useEffect(() => {
    if (!online || waiting === 0 || !sessionId || !participantToken) return
    void sendPendingSealedNotes({ sessionId, participantToken }, onSent)
  }, [online, waiting, sessionId, participantToken, onSent])
}
