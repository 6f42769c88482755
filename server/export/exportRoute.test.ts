import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readModerationState } from '../../shared/moderation/moderationState.ts'
import { getDotsMap, type Dot } from '../../shared/workshop/dots.ts'
import type { NoteShape } from '../../shared/workshop/workshopRecords.ts'
import { createSession, join, moderate } from '../testing/apiClient.ts'
import { addNote } from '../testing/notes.ts'
import { PinnwandServer } from '../testing/serverProcess.ts'
import { SyncTestClient, waitFor } from '../testing/syncClient.ts'

// A note that CSV, Markdown and DOCX must all carry through unharmed.
const NOTE = 'Mehr Bürgerhaushalt, "sofort" 🌱\nzweite Zeile'

let server: PinnwandServer
const clients: SyncTestClient[] = []
let session: Awaited<ReturnType<typeof createSession>>
let annaId: string
/** The note with text (board 2) and the empty one (board 1). */
let posted: NoteShape[]

function exportOf(query: string, token: string | null = session.moderatorToken, sessionId = session.id): Promise<Response> {
  return fetch(`${server.origin}/api/sessions/${sessionId}/export${query}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  })
}

beforeAll(async () => {
  server = await PinnwandServer.start()
  session = await createSession(server.origin)
  const anna = await join(server.origin, session.id, 'Anna')
  annaId = anna.participantId
  const writer = new SyncTestClient(server.origin, session.id, { participant: anna.participantToken })
  const reader = new SyncTestClient(server.origin, session.id)
  clients.push(writer, reader)
  await Promise.all([writer.synced(), reader.synced()])
  const author = { authorId: anna.participantId, authorName: 'Anna' }
  posted = [addNote(writer.doc, author, NOTE, 1), addNote(writer.doc, author, '', 0)]
  // The server stores before it broadcasts: once the reader has them, the server has them.
  await waitFor('the reader to receive both notes', () => posted.every((note) => reader.hasNote(note.id)))
})
afterAll(async () => {
  for (const created of clients) created.destroy()
  await server?.stop()
})

describe('GET /api/sessions/:id/export', () => {
  it('refuses callers without the moderator token', async () => {
    const missing = await exportOf('?format=md', null)
    expect(missing.status).toBe(401)
    expect(await missing.json()).toEqual({ error: expect.any(String), code: 'moderatorTokenRequired' })
    expect((await exportOf('?format=md', session.viewerToken)).status).toBe(403)
    expect((await exportOf('?format=md', 'not-the-token')).status).toBe(403)
  })

  it('refuses a participant, also with her own participant token, in every format (hidden results must not leak)', async () => {
    const ben = await join(server.origin, session.id, 'Ben')
    for (const format of ['json', 'csv', 'md', 'docx']) {
      expect((await exportOf(`?format=${format}`, null)).status, format).toBe(401)
      const withToken = await exportOf(`?format=${format}`, ben.participantToken)
      expect(withToken.status, format).toBe(403)
      expect(await withToken.json()).toEqual({ error: expect.any(String), code: 'wrongToken' })
    }
  })

  it('answers 404 for an unknown session and 400 for a malformed id, unknown format or bad flag', async () => {
    const unknown = await exportOf('?format=md', session.moderatorToken, 'A'.repeat(22))
    expect(unknown.status).toBe(404)
    expect((await exportOf('?format=md', session.moderatorToken, 'bad!id')).status).toBe(400)

    const pdf = await exportOf('?format=pdf')
    expect(pdf.status).toBe(400)
    const { error } = await pdf.json()
    for (const format of ['json', 'csv', 'md', 'docx']) expect(error).toContain(format)

    expect((await exportOf('?format=md&anonymise=yes')).status).toBe(400)
  })

  it('returns every format as a download with its content type', async () => {
    const expected = {
      json: 'application/json',
      csv: 'text/csv',
      md: 'text/markdown',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    }
    for (const [format, contentType] of Object.entries(expected)) {
      const response = await exportOf(`?format=${format}`)
      expect(response.status, format).toBe(200)
      expect(response.headers.get('content-type')).toContain(contentType)
      expect(response.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="[a-z0-9-]+-\\d{4}-\\d{2}-\\d{2}\\.${format}"$`))
      const body = Buffer.from(await response.arrayBuffer())
      if (format === 'docx') expect(body.subarray(0, 2).toString('latin1')).toBe('PK')
      else if (format === 'md') expect(body.toString('utf8')).toContain('Mehr Bürgerhaushalt, "sofort" 🌱')
    }
  })

  it('exports the posted notes: JSON model, CSV that parses back, options applied', async () => {
    const model = await (await exportOf('?format=json')).json()
    expect(model).toMatchObject({ schemaVersion: 1, sessionId: session.id, options: { anonymise: false, includeEmpty: true } })
    expect(model.boards[1].unclusteredNotes).toEqual([expect.objectContaining({ text: NOTE, authorName: 'Anna' })])
    expect(model.boards[0].unclusteredNotes).toEqual([expect.objectContaining({ text: '' })])

    const csv = Buffer.from(await (await exportOf('?format=csv')).arrayBuffer())
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = Papa.parse<Record<string, string>>(csv.toString('utf8').slice(1), { header: true, skipEmptyLines: true }).data
    expect(rows.map((row) => row['Text'])).toContain(NOTE)

    const reduced = await (await exportOf('?format=json&anonymise=1&includeEmpty=0')).json()
    expect(reduced.options).toEqual({ anonymise: true, includeEmpty: false })
    expect(reduced.boards[0].unclusteredNotes).toEqual([])
    expect(reduced.boards[1].unclusteredNotes).toEqual([expect.objectContaining({ text: NOTE, authorName: 'Teilnehmer:in 1' })])
    expect(JSON.stringify(reduced)).not.toContain('Anna')
  })

  it('exports every voting round, not only the current one', async () => {
    const [writer, reader] = clients as [SyncTestClient, SyncTestClient]
    const [withText, empty] = posted as [NoteShape, NoteShape]
    const startRound = async () => {
      const started = await moderate(server.origin, session.id, session.moderatorToken, { action: 'startVoting' })
      expect(started.status).toBe(200)
      const roundId = started.json.voting.roundId as string
      await waitFor('the writer to see the round', () => readModerationState(writer.doc).voting?.roundId === roundId)
      return roundId
    }
    const placeDots = async (roundId: string, targets: string[]) => {
      writer.doc.transact(() => {
        targets.forEach((targetId, position) => {
          const dot: Dot = { voterId: annaId, targetId, roundId, createdAt: new Date().toISOString() }
          getDotsMap(writer.doc).set(`${roundId}-${position}`, dot)
        })
      })
      await waitFor('the reader to receive the dots', () => targets.every((_, position) => getDotsMap(reader.doc).has(`${roundId}-${position}`)))
    }
    const first = await startRound()
    await placeDots(first, [withText.id, withText.id, empty.id])
    const second = await startRound()
    await placeDots(second, [empty.id])

    const model = await (await exportOf('?format=json')).json()
    expect(model.voting).toEqual({ roundId: second, status: 'running' })
    expect(model.rounds).toEqual([
      // Replaced by the second round: ended then, its settings kept in the moderation state.
      expect.objectContaining({ number: 1, roundId: first, current: false, status: 'ended', settings: { dotsPerParticipant: 5, maxPerTarget: null, hideResults: false }, dotsCast: 3, voters: 1 }),
      expect.objectContaining({ number: 2, roundId: second, current: true, status: 'running', dotsCast: 1, voters: 1 }),
    ])
    // `dots` is the current round's; the first round's result is still there.
    expect(model.boards[1].unclusteredNotes[0]).toMatchObject({ text: NOTE, dots: 0, dotsByRound: { [first]: 2 } })
    expect(model.boards[1].rankingByRound[first]).toEqual([expect.objectContaining({ id: withText.id, dots: 2, place: 1 })])

    const csv = Buffer.from(await (await exportOf('?format=csv')).arrayBuffer()).toString('utf8').slice(1)
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data
    expect(rows.find((row) => row['Text'] === NOTE)).toMatchObject({ Punkte: '0', 'Punkte Runde 1': '2', 'Punkte Runde 2': '0' })

    const markdown = await (await exportOf('?format=md')).text()
    expect(markdown).toContain('- Runde 1: 3 Punkte von 1 Person')
    expect(markdown).toContain('### Rangfolge nach Punkten · Runde 1')
  })

  it('reads a session that no room holds from the store', async () => {
    for (const created of clients.splice(0)) created.destroy()
    // After a restart no room is loaded: the export must come from SQLite.
    await server.restart()
    const markdown = await (await exportOf('?format=md')).text()
    expect(markdown).toContain('Mehr Bürgerhaushalt, "sofort" 🌱')
    expect(markdown).toContain('Anna')
  })
})
