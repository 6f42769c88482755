import { describe, expect, it } from 'vitest'
import { apiErrorBody } from '../../shared/api/apiError.ts'
import { refusal, refusalFromText, refusalText } from '../../shared/permissions/refusal.ts'
import { createSession, join, moderate, postJson } from '../testing/apiClient.ts'
import { addNote } from '../testing/notes.ts'
import { serverForThisFile } from '../testing/serverForThisFile.ts'
import { waitFor } from '../testing/syncClient.ts'

/**
 * The write limits' refusals end to end, through a real server: over the websocket the
 * y-protocols permission-denied text (and the 4001 close reason) is the refusal's text, which a
 * client reads back into the same code and parameters; over HTTP the body carries the code and
 * parameters beside that text. Each expected answer is built from the refusal object, and the
 * literal text pins the bytes on the wire, so a reworded template or a hand-made text that drifts
 * from its template fails here.
 */
const fixture = serverForThisFile({ env: { NOTES_PER_MINUTE: '2', MAX_DOCUMENT_BYTES: String(64 * 1024) } })

const tooManyNotes = refusal('tooManyNotes', { notes: 2 })
const documentFull = refusal('documentFull', { limit: '65536 bytes' })

describe('write-limit refusals carry their code', () => {
  it('tooManyNotes: websocket permission-denied text and sealed-note HTTP body', async () => {
    const origin = fixture.server.origin
    const session = await createSession(origin)
    const anna = await join(origin, session.id, 'Anna')
    const a = fixture.client(session.id, { participant: anna.participantToken })
    const observer = fixture.client(session.id)
    await Promise.all([a.synced(), observer.synced()])
    const notes = [1, 2].map((index) => addNote(a.doc, { authorId: anna.participantId, authorName: 'Anna' }, `Idee ${index}`))
    await waitFor('the observer to receive both notes', () => notes.every((note) => observer.hasNote(note.id)))
    addNote(a.doc, { authorId: anna.participantId, authorName: 'Anna' }, 'Idee 3')

    const closed = await a.closedWith(4001)
    expect(a.denied).toEqual(['too many new notes: at most 2 per minute, please wait a moment'])
    expect(a.denied).toEqual([refusalText(tooManyNotes)])
    expect(closed.reason).toBe(`update refused: ${refusalText(tooManyNotes)}`)
    // What the client does with the text: the code and its parameters come back.
    expect(refusalFromText(a.denied[0]!)).toEqual(tooManyNotes)

    const ben = await join(origin, session.id, 'Ben')
    await moderate(origin, session.id, session.moderatorToken, { action: 'setHiddenMode', hidden: true })
    const post = (text: string) =>
      postJson(origin, `/api/sessions/${session.id}/sealed-notes`, { participantToken: ben.participantToken, questionIndex: 1, text })
    expect((await post('eins')).status).toBe(201)
    expect((await post('zwei')).status).toBe(201)
    const third = await post('drei')
    expect(third).toEqual({ status: 429, json: apiErrorBody(tooManyNotes) })
    expect(third.json).toEqual({ error: 'too many new notes: at most 2 per minute, please wait a moment', code: 'tooManyNotes', notes: 2 })
  })

  it('documentFull: websocket permission-denied text and sealed-note HTTP body', async () => {
    const origin = fixture.server.origin
    const session = await createSession(origin)
    const anna = await join(origin, session.id, 'Anna')
    await moderate(origin, session.id, session.moderatorToken, { action: 'setHiddenMode', hidden: true })
    const moderator = fixture.client(session.id, { token: session.moderatorToken })
    const observer = fixture.client(session.id)
    await Promise.all([moderator.synced(), observer.synced()])
    // Moderators have no note limit: fill the document with ~2 KB notes until one does not fit,
    // which leaves less room than a sealed note of 1,999 characters needs.
    for (let index = 0; index < 60 && moderator.closes.length === 0; index++) {
      const note = addNote(moderator.doc, { authorId: 'moderation', authorName: 'Moderation' }, `${index} ${'x'.repeat(2_000)}`)
      await waitFor('the note or a refusal', () => observer.hasNote(note.id) || moderator.closes.length > 0)
    }
    const closed = await moderator.closedWith(4001)
    const text = 'the workshop document is full (limit 65536 bytes); ask the moderation to export it and start a new workshop'
    expect(moderator.denied).toEqual([text])
    expect(moderator.denied).toEqual([refusalText(documentFull)])
    expect(closed.reason.startsWith('update refused: the workshop document is full')).toBe(true)
    expect(refusalFromText(moderator.denied[0]!)).toEqual(documentFull)

    const sealed = await postJson(origin, `/api/sessions/${session.id}/sealed-notes`, {
      participantToken: anna.participantToken,
      questionIndex: 1,
      text: 'y'.repeat(1_999),
    })
    expect(sealed).toEqual({ status: 507, json: apiErrorBody(documentFull) })
    expect(sealed.json).toEqual({ error: text, code: 'documentFull', limit: '65536 bytes' })
  })
})
