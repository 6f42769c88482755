import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { createSession, join, moderate, postJson } from '../testing/apiClient.ts'
import { addNote } from '../testing/notes.ts'
import { PinnwandServer } from '../testing/serverProcess.ts'
import { SyncTestClient, waitFor } from '../testing/syncClient.ts'

/**
 * Each limit of the server, set small through its environment variable: the refusal names the
 * limit, and everything else (other writers, other sessions, other addresses) goes on as before.
 */
let limited: PinnwandServer
let few: PinnwandServer
const clients: SyncTestClient[] = []
const sockets: WebSocket[] = []

const LIMITS = {
  MAX_DOCUMENT_BYTES: String(96 * 1024),
  NOTES_PER_MINUTE: '5',
  MAX_CONNECTIONS_PER_IP: '3',
  TRUST_PROXY: '1',
  MAX_TEMPLATE_BYTES: '2048',
  MAX_MESSAGE_BYTES: '65536',
}

let nextAddress = 1
/** A stock client; each from its own address, so MAX_CONNECTIONS_PER_IP concerns only its own test. */
function client(server: PinnwandServer, sessionId: string, params: { token?: string; participant?: string } = {}): SyncTestClient {
  const created = new SyncTestClient(server.origin, sessionId, params, { 'X-Forwarded-For': `192.0.2.${nextAddress++}` })
  clients.push(created)
  return created
}

beforeAll(async () => {
  ;[limited, few] = await Promise.all([
    PinnwandServer.start({ env: LIMITS }),
    PinnwandServer.start({ env: { MAX_SESSIONS: '2' } }),
  ])
})
afterAll(async () => {
  for (const created of clients) created.destroy()
  for (const socket of sockets) socket.terminate()
  await Promise.all([limited?.stop(), few?.stop()])
})

/** A raw websocket that claims to come from `address` (the server trusts X-Forwarded-For here). */
function socketFrom(address: string, sessionId: string): Promise<{ socket: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${limited.origin.replace(/^http/, 'ws')}/yjs/${sessionId}`, { headers: { 'X-Forwarded-For': address } })
    sockets.push(socket)
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      socket.once('close', (code, reason) => done({ code, reason: reason.toString() })),
    )
    socket.once('open', () => resolve({ socket, closed }))
    socket.once('error', reject)
  })
}

describe('limits', () => {
  it('refuses a message above MAX_MESSAGE_BYTES (1009), only for its sender', async () => {
    const session = await createSession(limited.origin)
    const { socket, closed } = await socketFrom('198.51.100.1', session.id)
    socket.send(Buffer.alloc(70_000, 1))
    expect((await closed).code).toBe(1009)
    const other = client(limited, session.id)
    await other.synced()
  })

  it('refuses notes beyond NOTES_PER_MINUTE per participant, with the limit in the reason', async () => {
    const session = await createSession(limited.origin)
    const anna = await join(limited.origin, session.id, 'Anna')
    const ben = await join(limited.origin, session.id, 'Ben')
    const a = client(limited, session.id, { participant: anna.participantToken })
    const b = client(limited, session.id, { participant: ben.participantToken })
    await Promise.all([a.synced(), b.synced()])
    const annas = Array.from({ length: 5 }, (_, index) => addNote(a.doc, { authorId: anna.participantId, authorName: 'Anna' }, `Idee ${index}`))
    await waitFor('Ben to receive Anna’s five notes', () => annas.every((note) => b.hasNote(note.id)))
    const sixth = addNote(a.doc, { authorId: anna.participantId, authorName: 'Anna' }, 'Idee 6')
    expect((await a.closedWith(4001)).reason).toBe('update refused: too many new notes: at most 5 per minute, please wait a moment')
    // Ben is not affected, and the sealed-note route counts against the same budget.
    const bens = addNote(b.doc, { authorId: ben.participantId, authorName: 'Ben' }, 'Bens Idee')
    const observer = client(limited, session.id)
    await waitFor('an observer to see Ben’s note', () => observer.hasNote(bens.id))
    expect(observer.hasNote(sixth.id)).toBe(false)
    expect(b.closes).toEqual([])
    await moderate(limited.origin, session.id, session.moderatorToken, { action: 'setHiddenMode', hidden: true })
    const sealed = await postJson(limited.origin, `/api/sessions/${session.id}/sealed-notes`, {
      participantToken: anna.participantToken,
      questionIndex: 1,
      text: 'verdeckt',
    })
    expect(sealed).toEqual({
      status: 429,
      json: { error: 'too many new notes: at most 5 per minute, please wait a moment', code: 'tooManyNotes', notes: 5 },
    })
  })

  it('refuses updates that would grow a document beyond MAX_DOCUMENT_BYTES; other sessions go on', async () => {
    const full = await createSession(limited.origin)
    const other = await createSession(limited.origin)
    const moderator = client(limited, full.id, { token: full.moderatorToken })
    const observer = client(limited, full.id)
    await Promise.all([moderator.synced(), observer.synced()])
    // Moderators have no note limit, so only the document size stops them.
    const accepted: string[] = []
    for (let index = 0; index < 40 && moderator.closes.length === 0; index++) {
      const note = addNote(moderator.doc, { authorId: 'moderation', authorName: 'Moderation' }, `${index} ${'x'.repeat(8_000)}`)
      await waitFor('the note or a refusal', () => observer.hasNote(note.id) || moderator.closes.length > 0)
      if (observer.hasNote(note.id)) accepted.push(note.id)
    }
    const refusal = await moderator.closedWith(4001)
    expect(refusal.reason).toMatch(/^update refused: the workshop document is full \(limit 98304 bytes\)/)
    expect(moderator.denied).toEqual([
      'the workshop document is full (limit 98304 bytes); ask the moderation to export it and start a new workshop',
    ])
    expect(accepted.length).toBeGreaterThan(3)
    const stored = Y.encodeStateAsUpdate(observer.doc).byteLength
    expect(stored).toBeLessThanOrEqual(96 * 1024)

    const elsewhere = client(limited, other.id, { token: other.moderatorToken })
    const watcher = client(limited, other.id)
    await Promise.all([elsewhere.synced(), watcher.synced()])
    const fine = addNote(elsewhere.doc, { authorId: 'moderation', authorName: 'Moderation' }, 'geht noch')
    await waitFor('the other session to keep working', () => watcher.hasNote(fine.id))
  })

  it('closes connections beyond MAX_CONNECTIONS_PER_IP with 1008; other addresses connect', async () => {
    const session = await createSession(limited.origin)
    const crowd = await Promise.all([1, 2, 3].map(() => socketFrom('203.0.113.7', session.id)))
    const extra = await socketFrom('203.0.113.7', session.id)
    expect(await extra.closed).toEqual({ code: 1008, reason: 'too many connections from your address (limit 3)' })
    // Someone else is not affected, and a freed slot can be used again.
    const neighbour = await socketFrom('203.0.113.8', session.id)
    crowd[0]!.socket.close()
    await crowd[0]!.closed
    const again = await socketFrom('203.0.113.7', session.id)
    const stillOpen = await Promise.race([again.closed.then(() => false), new Promise((resolve) => setTimeout(() => resolve(true), 500))])
    expect(stillOpen).toBe(true)
    expect(neighbour.socket.readyState).toBe(WebSocket.OPEN)
  })

  it('refuses a template above MAX_TEMPLATE_BYTES with 413 and says which limit', async () => {
    const template = { title: 'Groß', questions: Array.from({ length: 10 }, (_, index) => `${index} ${'Frage '.repeat(50)}`) }
    const response = await postJson(limited.origin, '/api/sessions', { template })
    expect(response).toEqual({
      status: 413,
      json: { error: 'Template too large (limit 2048 bytes, MAX_TEMPLATE_BYTES)', code: 'templateTooLarge', bytes: 2048 },
    })
    expect((await postJson(limited.origin, '/api/sessions', { template: { title: 'Klein', questions: ['Was?'] } })).status).toBe(201)
  })

  it('refuses new sessions beyond MAX_SESSIONS with 507, until one is deleted', async () => {
    const first = await createSession(few.origin)
    await createSession(few.origin)
    const refused = await postJson(few.origin, '/api/sessions', {})
    expect(refused.status).toBe(507)
    expect(refused.json.error).toBe('This server holds its maximum of 2 workshops (MAX_SESSIONS); delete old workshops first')
    // Existing sessions work as before.
    expect((await join(few.origin, first.id, 'Anna')).name).toBe('Anna')
    const deleted = await fetch(`${few.origin}/api/sessions/${first.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${first.moderatorToken}` } })
    expect(deleted.status).toBe(200)
    expect((await postJson(few.origin, '/api/sessions', {})).status).toBe(201)
  })
})
