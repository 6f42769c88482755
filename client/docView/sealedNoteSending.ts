import { ApiError, NETWORK_ERROR } from '../api/pinnwandApi.ts'
import { apiErrorMessage } from '../i18n/refusalMessage.ts'
import type { Translate } from '../i18n/translate.ts'
import { postSealedNote } from './participationApi.ts'

/** Who hands in a sealed note: the participant's token identifies them to the server. */
export interface SealedNoteSender {
  sessionId: string
  participantToken: string
}

/** `offline`: the server could not be reached; the note may be sent again later with the same `noteId`. */
export type SealedNoteSent = { sent: true; noteId: string; text: string } | { sent: false; reason: string; offline: boolean }

/**
 * The one way a note is handed in while notes are collected hidden: from the hidden-note text
 * field (NoteComposer) and from a paste onto the canvas (participantPaste.ts). The server keeps
 * the text and puts a covered placeholder on the board; a refusal (locked board, phase, a limit,
 * no connection) comes back as its reason in the person's language, for the caller to show with
 * the text still in hand. With `noteId`, sending the same note again hands it in once only
 * (pendingSealedNotes.ts).
 */
export async function sendSealedNote(t: Translate, sender: SealedNoteSender, questionIndex: number, text: string, noteId?: string): Promise<SealedNoteSent> {
  const trimmed = text.trim()
  if (trimmed === '') return { sent: false, reason: t('compose.empty'), offline: false }
  try {
    const answer = await postSealedNote(sender.sessionId, sender.participantToken, questionIndex, trimmed, noteId)
    return { sent: true, noteId: answer.noteId, text: trimmed }
  } catch (error) {
    return { sent: false, reason: apiErrorMessage(t, error), offline: error instanceof ApiError && error.code === NETWORK_ERROR }
  }
}
