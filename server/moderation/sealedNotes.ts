import { toRichText, type TLShapeId } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { getRecordStore, readRecords, writeRecords } from '../../shared/doc/documentLayout.ts'
import { PHASE_RULES, readModerationState } from '../../shared/moderation/moderationState.ts'
import { refusal } from '../../shared/permissions/refusal.ts'
import { ANONYMOUS_NAME } from '../../shared/workshop/recordMeta.ts'
import { boardsInOrder, buildNoteRecord, isNote, type NoteShape } from '../../shared/workshop/workshopRecords.ts'
import { HttpError } from '../http/httpError.ts'
import type { SessionStore } from '../persistence/sessionStore.ts'

/**
 * "Verdeckt sammeln" (hidden mode). The guarantee: while hidden mode is on, a note's text never
 * enters the shared document, so no client (and no tool reading the document) can read anyone
 * else's text before the reveal. Participants post through the HTTP API; the server keeps the
 * text in SQLite (`sealed_notes`) and puts a placeholder note with EMPTY text and
 * `meta.sealed = true` on the board, so everyone sees that (and where) notes arrive. Authors
 * fetch their own texts back over HTTP. The reveal writes all texts into their notes at once.
 */
export interface SealedNotePost {
  sessionId: string
  participantId: string
  questionIndex: number
  text: string
  now: Date
}

/**
 * Checks a post against the document (hidden mode on, phase allows notes, board exists and is
 * unlocked) and builds its placeholder note; the caller stores the text, then writes the note.
 * Its errors are shared refusals (code and parameters), so the composer shows them translated.
 */
export function buildSealedPlaceholder(doc: Y.Doc, store: SessionStore, post: SealedNotePost, noteId: TLShapeId): NoteShape {
  const moderation = readModerationState(doc)
  if (!moderation.hiddenMode) throw new HttpError(409, refusal('hiddenModeOff'))
  if (!PHASE_RULES[moderation.phase].createNotes) throw new HttpError(409, refusal('noNewNotesInPhase', { phase: moderation.phase }))
  const records = readRecords(doc)
  const board = boardsInOrder(records).find((candidate) => candidate.meta.questionIndex === post.questionIndex)
  if (!board) throw new HttpError(400, refusal('unknownQuestion', { question: post.questionIndex + 1 }))
  if (moderation.lockedBoards.includes(board.id)) throw new HttpError(409, refusal('boardLocked'))
  const authorName = store.getParticipant(post.sessionId, post.participantId)?.name ?? ANONYMOUS_NAME
  const note = buildNoteRecord({
    board,
    author: { authorId: post.participantId, authorName },
    text: '',
    siblings: records,
    now: post.now,
    id: noteId,
  })
  return { ...note, meta: { ...note.meta, sealed: true } }
}

/**
 * The reveal: every still-sealed text of the session goes into its note (notes the moderator
 * deleted meanwhile stay deleted) and the flag is removed. Returns the revealed note ids.
 */
export function revealSealedNotes(doc: Y.Doc, store: SessionStore, sessionId: string): string[] {
  const records = getRecordStore(doc)
  const put: NoteShape[] = []
  const sealedNotes = store.listSealedNotes(sessionId)
  for (const sealedNote of sealedNotes) {
    const current = records.get(sealedNote.noteId)
    if (!current || !isNote(current)) continue
    const { sealed: _sealed, ...meta } = current.meta
    put.push({ ...current, props: { ...current.props, richText: toRichText(sealedNote.text) }, meta })
  }
  writeRecords(doc, { put })
  return sealedNotes.map((note) => note.noteId)
}
