import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSession, join } from '../testing/apiClient.ts'
import { addNote } from '../testing/notes.ts'
import { PinnwandServer } from '../testing/serverProcess.ts'
import { SyncTestClient, waitFor } from '../testing/syncClient.ts'

let server: PinnwandServer
const clients: SyncTestClient[] = []

beforeAll(async () => {
  server = await PinnwandServer.start()
})
afterAll(async () => {
  for (const created of clients) created.destroy()
  await server?.stop()
})

describe('export route', () => {
  it('gives moderators the workshop in every format, straight after a note was posted', async () => {
    const session = await createSession(server.origin)
    const anna = await join(server.origin, session.id, 'Anna')
    const a = new SyncTestClient(server.origin, session.id, { participant: anna.participantToken })
    const b = new SyncTestClient(server.origin, session.id)
    clients.push(a, b)
    await Promise.all([a.synced(), b.synced()])
    const note = addNote(a.doc, { authorId: anna.participantId, authorName: 'Anna' }, 'Mehr Bürgerhaushalt')
    await waitFor('B to receive the note', () => b.hasNote(note.id))

    const get = (query: string, token: string | null = session.moderatorToken) =>
      fetch(`${server.origin}/api/sessions/${session.id}/export${query}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} })

    expect((await get('', null)).status).toBe(401)
    expect((await get('', session.viewerToken)).status).toBe(403)
    expect((await get('?format=pdf')).status).toBe(400)

    const json = await get('?format=json')
    expect(json.headers.get('content-type')).toContain('application/json')
    const model = await json.json()
    expect(model.sessionId).toBe(session.id)
    const notes = model.boards[1].unclusteredNotes
    expect(notes).toEqual([expect.objectContaining({ text: 'Mehr Bürgerhaushalt', authorName: 'Anna' })])

    const anonymous = await (await get('?format=json&anonymise=1')).json()
    expect(JSON.stringify(anonymous)).not.toContain('Anna')

    const markdown = await get('?format=md')
    expect(markdown.headers.get('content-disposition')).toMatch(/^attachment; filename="beteiligung-[a-z0-9-]+\.md"$/)
    expect(await markdown.text()).toContain('Mehr Bürgerhaushalt')

    const csv = await get('?format=csv')
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const docx = await get('?format=docx')
    expect(docx.headers.get('content-type')).toContain('wordprocessingml')
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK')
  })
})
