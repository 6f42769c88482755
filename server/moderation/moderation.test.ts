import { describe, expect, it } from 'vitest'
import { readRecords, writeRecords } from '../../shared/doc/documentLayout.ts'
import { readModerationState } from '../../shared/moderation/moderationState.ts'
import { apiErrorBody } from '../../shared/api/apiError.ts'
import { refusal } from '../../shared/permissions/refusal.ts'
import { boardId, isNote } from '../../shared/workshop/workshopRecords.ts'
import { createSession, getJson, join, moderate, postJson } from '../testing/apiClient.ts'
import { addNote } from '../testing/notes.ts'
import { serverForThisFile } from '../testing/serverForThisFile.ts'
import { SyncTestClient, waitFor } from '../testing/syncClient.ts'

const fixture = serverForThisFile()
const client = fixture.client

function noteText(doc: SyncTestClient, id: string): string {
  const note = readRecords(doc.doc).find((record) => record.id === id)
  return note && isNote(note) ? JSON.stringify(note.props.richText) : ''
}

describe('moderation route', () => {
  it('needs the moderator token: 401 without, 403 with another', async () => {
    const session = await createSession(fixture.server.origin)
    const path = `/api/sessions/${session.id}/moderation`
    expect((await postJson(fixture.server.origin, path, { action: 'stopTimer' })).status).toBe(401)
    expect((await postJson(fixture.server.origin, path, { action: 'stopTimer' }, session.viewerToken)).status).toBe(403)
    expect((await postJson(fixture.server.origin, path, { action: 'stopTimer' }, 'falsch')).status).toBe(403)
    const unknownAction = await postJson(fixture.server.origin, path, { action: 'explode' }, session.moderatorToken)
    expect(unknownAction.status).toBe(400)
    const badPhase = await postJson(fixture.server.origin, path, { action: 'setPhase', phase: 'party' }, session.moderatorToken)
    expect(badPhase.json.error).toContain('phase')
  })

  it('changes phase, locks, timer and summon, broadcast to connected clients', async () => {
    const session = await createSession(fixture.server.origin)
    const watcher = client(session.id)
    await watcher.synced()
    const act = (action: unknown) => moderate(fixture.server.origin, session.id, session.moderatorToken, action)

    expect((await act({ action: 'setPhase', phase: 'cluster' })).json.phase).toBe('cluster')
    const locked = await act({ action: 'lockBoard', boardId: boardId(1), locked: true })
    expect(locked.json.lockedBoards).toEqual([boardId(1)])
    expect((await act({ action: 'lockBoard', boardId: 'shape:nope', locked: true })).status).toBe(400)

    const before = (await getJson(fixture.server.origin, '/api/time')).json.now as number
    const timer = (await act({ action: 'startTimer', durationMs: 300_000 })).json.timer
    expect(timer.startedAt).toBeGreaterThanOrEqual(before)
    expect(timer.endsAt - timer.startedAt).toBe(300_000)

    const first = (await act({ action: 'summon', boardId: boardId(2) })).json.summon
    const second = (await act({ action: 'summon', boardId: boardId(2) })).json.summon
    expect(second.nonce).not.toBe(first.nonce)
    expect((await act({ action: 'endVoting' })).status).toBe(409)

    await waitFor('the watcher to see the new state', () => readModerationState(watcher.doc).summon?.nonce === second.nonce)
    const seen = readModerationState(watcher.doc)
    expect(seen.phase).toBe('cluster')
    expect(seen.lockedBoards).toEqual([boardId(1)])
    expect(seen.timer).toEqual(timer)
    expect((await act({ action: 'stopTimer' })).json.timer).toBeNull()
  })

  it('starts a voting round in the vote phase and ends it', async () => {
    const session = await createSession(fixture.server.origin)
    const act = (action: unknown) => moderate(fixture.server.origin, session.id, session.moderatorToken, action)
    const started = (await act({ action: 'startVoting', dotsPerParticipant: 3, maxPerTarget: 1, hideResults: true })).json
    expect(started.phase).toBe('vote')
    expect(started.voting).toMatchObject({ dotsPerParticipant: 3, maxPerTarget: 1, hideResults: true, status: 'running', endedAt: null })
    const ended = (await act({ action: 'endVoting' })).json
    expect(ended.voting).toMatchObject({ roundId: started.voting.roundId, status: 'ended' })
    expect(ended.voting.endedAt).toBeGreaterThanOrEqual(started.voting.startedAt)
    expect(ended.earlierRounds).toEqual([])
  })

  it('keeps each replaced round, ended, in earlierRounds: one ended by the moderator as it was, a running one ended when replaced', async () => {
    const session = await createSession(fixture.server.origin)
    const act = async (action: unknown) => (await moderate(fixture.server.origin, session.id, session.moderatorToken, action)).json
    const first = await act({ action: 'startVoting', dotsPerParticipant: 3, maxPerTarget: 1, hideResults: true })
    const firstEnded = await act({ action: 'endVoting' })
    const second = await act({ action: 'startVoting', dotsPerParticipant: 2, maxPerTarget: null, hideResults: false })
    expect(second.earlierRounds).toEqual([firstEnded.voting])
    const third = await act({ action: 'startVoting', dotsPerParticipant: 5, maxPerTarget: null, hideResults: false })
    expect(third.earlierRounds).toEqual([firstEnded.voting, { ...second.voting, status: 'ended', endedAt: third.voting.startedAt }])
    expect(new Set([first.voting.roundId, second.voting.roundId, third.voting.roundId]).size).toBe(3)

    // What clients and the export read from the document is the same.
    const { json: exported } = await getJson(fixture.server.origin, `/api/sessions/${session.id}/export?format=json`, session.moderatorToken)
    expect(exported.rounds.map((round: { roundId: string; current: boolean; settings: unknown }) => [round.roundId, round.current, round.settings])).toEqual([
      [first.voting.roundId, false, { dotsPerParticipant: 3, maxPerTarget: 1, hideResults: true }],
      [second.voting.roundId, false, { dotsPerParticipant: 2, maxPerTarget: null, hideResults: false }],
      [third.voting.roundId, true, { dotsPerParticipant: 5, maxPerTarget: null, hideResults: false }],
    ])
  })
})

describe('hidden mode (Verdeckt sammeln)', () => {
  it('keeps texts on the server until the reveal, then writes them into the notes', async () => {
    const session = await createSession(fixture.server.origin)
    const anna = await join(fixture.server.origin, session.id, 'Anna')
    const ben = await join(fixture.server.origin, session.id, 'Ben')
    const a = client(session.id, { participant: anna.participantToken })
    const b = client(session.id, { participant: ben.participantToken })
    await Promise.all([a.synced(), b.synced()])
    const act = (action: unknown) => moderate(fixture.server.origin, session.id, session.moderatorToken, action)
    const sealedPath = `/api/sessions/${session.id}/sealed-notes`

    const early = await postJson(fixture.server.origin, sealedPath, { participantToken: anna.participantToken, questionIndex: 0, text: 'zu früh' })
    // The error is a shared refusal: its code (which the composer translates) beside its text.
    expect(early).toEqual({ status: 409, json: { error: 'hidden mode is off: post notes on the canvas', code: 'hiddenModeOff' } })
    expect((await act({ action: 'setHiddenMode', hidden: true })).json.hiddenMode).toBe(true)

    const posted = await postJson(fixture.server.origin, sealedPath, { participantToken: anna.participantToken, questionIndex: 2, text: 'Geheimer Vorschlag' })
    expect(posted.status).toBe(201)
    const noteId = posted.json.noteId as string
    expect((await postJson(fixture.server.origin, sealedPath, { participantToken: 'x.y', questionIndex: 2, text: 'a' })).status).toBe(403)
    expect(await postJson(fixture.server.origin, sealedPath, { participantToken: anna.participantToken, questionIndex: 9, text: 'a' })).toEqual({
      status: 400,
      json: { error: 'unknown question 10', code: 'unknownQuestion', question: 10 },
    })

    // Ben sees a placeholder without text; nothing in the shared document holds the text.
    await waitFor('B to see the placeholder', () => b.hasNote(noteId))
    const placeholder = readRecords(b.doc).find((record) => record.id === noteId) as unknown as { parentId: string; meta: Record<string, unknown> }
    expect(placeholder.parentId).toBe(boardId(2))
    expect(placeholder.meta).toMatchObject({ sealed: true, authorName: 'Anna', authorId: anna.participantId })
    expect(JSON.stringify(b.doc.toJSON())).not.toContain('Geheimer Vorschlag')

    const mine = await getJson(fixture.server.origin, `${sealedPath}/mine?participantToken=${encodeURIComponent(anna.participantToken)}`)
    expect(mine.json.notes).toEqual([expect.objectContaining({ noteId, questionIndex: 2, text: 'Geheimer Vorschlag' })])
    const bens = await getJson(fixture.server.origin, `${sealedPath}/mine?participantToken=${encodeURIComponent(ben.participantToken)}`)
    expect(bens.json.notes).toEqual([])

    // Writing notes directly is refused while hidden mode is on.
    addNote(b.doc, { authorId: ben.participantId, authorName: 'Ben' }, 'offen geschrieben')
    expect((await b.closedWith(4001)).reason).toMatch(/hidden/)

    const revealed = await act({ action: 'setHiddenMode', hidden: false })
    expect(revealed.json.hiddenMode).toBe(false)
    await waitFor('A to see the revealed text', () => noteText(a, noteId).includes('Geheimer Vorschlag'))
    const note = readRecords(a.doc).find((record) => record.id === noteId) as { meta: Record<string, unknown> }
    expect(note.meta.sealed).toBeUndefined()
    expect((await getJson(fixture.server.origin, `${sealedPath}/mine?participantToken=${encodeURIComponent(anna.participantToken)}`)).json.notes).toEqual([])

    // After the reveal Anna may edit her note like any own note.
    const current = readRecords(a.doc).find((record) => record.id === noteId)!
    writeRecords(a.doc, { put: [{ ...current, x: (current as { x: number }).x + 10 } as typeof current] })
    const watcher = client(session.id)
    await waitFor('the move to arrive', () => {
      const seen = readRecords(watcher.doc).find((record) => record.id === noteId) as { x: number } | undefined
      return seen && seen.x === (current as { x: number }).x + 10
    })
    expect(a.closes).toEqual([])
  })

  it('refuses sealed notes on a locked board and outside collecting phases with their refusal codes', async () => {
    const session = await createSession(fixture.server.origin)
    const anna = await join(fixture.server.origin, session.id, 'Anna')
    const act = (action: unknown) => moderate(fixture.server.origin, session.id, session.moderatorToken, action)
    const post = (questionIndex: number) =>
      postJson(fixture.server.origin, `/api/sessions/${session.id}/sealed-notes`, { participantToken: anna.participantToken, questionIndex, text: 'verdeckt' })
    await act({ action: 'setHiddenMode', hidden: true })

    await act({ action: 'lockBoard', boardId: boardId(1), locked: true })
    expect(await post(1)).toEqual({ status: 409, json: apiErrorBody(refusal('boardLocked')) })
    expect((await post(1)).json).toEqual({ error: 'this board is locked', code: 'boardLocked' })

    await act({ action: 'setPhase', phase: 'vote' })
    expect(await post(2)).toEqual({ status: 409, json: apiErrorBody(refusal('noNewNotesInPhase', { phase: 'vote' })) })
    expect((await post(2)).json).toEqual({ error: 'no new notes in phase "vote"', code: 'noNewNotesInPhase', phase: 'vote' })
  })
})
