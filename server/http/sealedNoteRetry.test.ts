import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSession, getJson, join as joinSession, postJson } from '../testing/apiClient.ts'
import { PinnwandServer } from '../testing/serverProcess.ts'

let server: PinnwandServer
beforeAll(async () => {
  server = await PinnwandServer.start()
})
afterAll(async () => {
  await server?.stop()
})

describe('POST /sealed-notes with the note id the device chose', () => {
  it('hands a note sent twice (a lost answer, a retry after being offline) in once, and keeps others off its id', async () => {
    const session = await createSession(server.origin)
    await postJson(server.origin, `/api/sessions/${session.id}/moderation`, { action: 'setHiddenMode', hidden: true }, session.moderatorToken)
    const anna = await joinSession(server.origin, session.id, 'Anna')
    const ben = await joinSession(server.origin, session.id, 'Ben')
    const sealed = `/api/sessions/${session.id}/sealed-notes`
    const post = { participantToken: anna.participantToken, questionIndex: 0, text: 'Mehr Bänke', noteId: 'shape:offline-1' }

    expect(await postJson(server.origin, sealed, post)).toEqual({ status: 201, json: { noteId: 'shape:offline-1' } })
    expect(await postJson(server.origin, sealed, post)).toEqual({ status: 200, json: { noteId: 'shape:offline-1' } })
    const mine = await getJson(server.origin, `${sealed}/mine?participantToken=${encodeURIComponent(anna.participantToken)}`)
    expect(mine.json.notes.map((note: { noteId: string; text: string }) => [note.noteId, note.text])).toEqual([['shape:offline-1', 'Mehr Bänke']])
    const exported = (await getJson(server.origin, `/api/sessions/${session.id}/export?format=json`, session.moderatorToken)).json

    // Someone else's note id, or any record's, is not taken over.
    const taken = await postJson(server.origin, sealed, { ...post, participantToken: ben.participantToken })
    expect(taken.status).toBe(409)
    const boardId = exported.boards[0].id as string
    expect((await postJson(server.origin, sealed, { ...post, noteId: boardId })).status).toBe(409)
    expect((await postJson(server.origin, sealed, { ...post, noteId: 'not-a-shape' })).status).toBe(400)

    // Revealed, the board holds the note once.
    await postJson(server.origin, `/api/sessions/${session.id}/moderation`, { action: 'setHiddenMode', hidden: false }, session.moderatorToken)
    const revealed = (await getJson(server.origin, `/api/sessions/${session.id}/export?format=json`, session.moderatorToken)).json
    expect(revealed.boards[0].unclusteredNotes.map((note: { text: string }) => note.text)).toEqual(['Mehr Bänke'])
  })
})
