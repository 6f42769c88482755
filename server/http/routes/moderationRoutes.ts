import { createShapeId, type TLShapeId } from '@tldraw/tlschema'
import * as z from 'zod'
import { getRecordStore, writeRecords } from '../../../shared/doc/documentLayout.ts'
import type { AppContext } from '../../app/appContext.ts'
import { applyModerationAction, moderationActionSchema } from '../../moderation/moderationActions.ts'
import { buildSealedPlaceholder, revealSealedNotes } from '../../moderation/sealedNotes.ts'
import { apiError } from '../../../shared/api/apiError.ts'
import { HttpError, parseInput } from '../httpError.ts'
import { readJsonBody } from '../jsonBody.ts'
import type { Router } from '../router.ts'
import { requireModerator, requireParticipant, requireSession } from '../sessionAccess.ts'

/** Longest text of one sealed note (a sticky note, not an essay). */
export const SEALED_NOTE_MAX_LENGTH = 2_000

const sealedNoteBody = z
  .object({
    participantToken: z.string().min(1).max(200),
    questionIndex: z.number().int().min(0).max(100),
    text: z.string().trim().min(1).max(SEALED_NOTE_MAX_LENGTH),
    /**
     * The note's id, chosen by the device that wrote it, so that sending it again (its answer was
     * lost, or it waited offline and goes out once more) hands it in once, not twice.
     */
    noteId: z
      .string()
      .regex(/^shape:[A-Za-z0-9_-]{1,64}$/)
      .optional(),
  })
  .strict()

const mineQuery = z.object({ participantToken: z.string().min(1).max(200) })

/**
 * Moderator actions (phases, locks, voting, timer, summon, hidden mode) and the sealed-note
 * routes of hidden mode. All document changes are server changes through the session's room:
 * broadcast to everyone connected and stored before the response is sent.
 */
export function registerModerationRoutes(router: Router, app: AppContext): void {
  router.add('POST', '/api/sessions/:id/moderation', async ({ request, params }) => {
    const session = requireSession(app, params.id)
    requireModerator(session, request)
    const action = parseInput(moderationActionSchema, await readJsonBody(request))
    let revealed: string[] = []
    const state = app.rooms.change(session.id, (doc) =>
      applyModerationAction(doc, action, {
        now: app.now().getTime(),
        revealSealedNotes: (revealDoc) => {
          revealed = revealSealedNotes(revealDoc, app.store, session.id)
        },
      }),
    )
    if (revealed.length > 0) app.store.markSealedNotesRevealed(session.id, revealed, app.now().toISOString())
    return { status: 200, body: state }
  })

  router.add('POST', '/api/sessions/:id/sealed-notes', async ({ request, params }) => {
    const session = requireSession(app, params.id)
    const body = parseInput(sealedNoteBody, await readJsonBody(request))
    const participantId = requireParticipant(app, session, body.participantToken)
    const now = app.now()
    if (body.noteId !== undefined) {
      const handedIn = app.store.listSealedNotes(session.id, { includeRevealed: true }).find((sealed) => sealed.noteId === body.noteId)
      // Sent before: the same answer, no second note.
      if (handedIn?.participantId === participantId) return { status: 200, body: { noteId: handedIn.noteId } }
      if (handedIn) throw new HttpError(409, apiError('invalidRequest', { detail: 'noteId is taken' }))
    }
    const note = app.rooms.change(session.id, (doc) => {
      if (body.noteId !== undefined && getRecordStore(doc).has(body.noteId)) throw new HttpError(409, apiError('invalidRequest', { detail: 'noteId is taken' }))
      // The same limits as notes written over the websocket (checked before anything is written).
      const limited = app.writeLimits.checkServerNote(session.id, doc, participantId, Buffer.byteLength(body.text) + 1024)
      if (limited) throw new HttpError(limited.status, limited.refusal)
      const placeholder = buildSealedPlaceholder(
        doc,
        app.store,
        { sessionId: session.id, participantId, questionIndex: body.questionIndex, text: body.text, now },
        body.noteId !== undefined ? (body.noteId as TLShapeId) : createShapeId(),
      )
      // Text first: if storing it fails, no placeholder appears.
      app.store.addSealedNote({
        sessionId: session.id,
        noteId: placeholder.id,
        participantId,
        questionIndex: body.questionIndex,
        text: body.text,
        createdAt: now.toISOString(),
        revealedAt: null,
      })
      writeRecords(doc, { put: [placeholder] })
      return placeholder
    })
    return { status: 201, body: { noteId: note.id } }
  })

  router.add('GET', '/api/sessions/:id/sealed-notes/mine', ({ url, params }) => {
    const session = requireSession(app, params.id)
    const { participantToken } = parseInput(mineQuery, Object.fromEntries(url.searchParams))
    const participantId = requireParticipant(app, session, participantToken)
    const notes = app.store
      .listSealedNotes(session.id, { participantId })
      .map(({ noteId, questionIndex, text, createdAt }) => ({ noteId, questionIndex, text, createdAt }))
    return { status: 200, body: { notes } }
  })
}
