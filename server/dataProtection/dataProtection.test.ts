import Database from 'better-sqlite3'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASE_FILE_NAME } from '../persistence/sqlite/openDatabase.ts'
import { createSession, getJson, join as joinSession, moderate, postJson } from '../testing/apiClient.ts'
import { addNote } from '../testing/notes.ts'
import { PinnwandServer } from '../testing/serverProcess.ts'
import { SyncTestClient, waitFor } from '../testing/syncClient.ts'

/**
 * DSGVO: a moderator deletes a workshop with everything stored for it (and it is not left in
 * the database files either); sessions without activity for RETENTION_DAYS are deleted at start
 * and by the periodic check.
 */
let server: PinnwandServer
const clients: SyncTestClient[] = []

function client(target: PinnwandServer, sessionId: string, params: { token?: string; participant?: string } = {}): SyncTestClient {
  const created = new SyncTestClient(target.origin, sessionId, params)
  clients.push(created)
  return created
}

beforeAll(async () => {
  server = await PinnwandServer.start({ env: { RETENTION_DAYS: '30', RETENTION_CHECK_MS: '300' } })
})
afterAll(async () => {
  for (const created of clients) created.destroy()
  await server?.stop()
})

function databaseBytes(dataDir: string): Buffer {
  const files = [DATABASE_FILE_NAME, `${DATABASE_FILE_NAME}-wal`].map((name) => join(dataDir, name)).filter((path) => existsSync(path))
  return Buffer.concat(files.map((path) => readFileSync(path)))
}

/** Sets a session's last activity directly in SQLite (another connection, as an operator could). */
function setLastActivity(dataDir: string, sessionId: string, daysAgo: number): void {
  const db = new Database(join(dataDir, DATABASE_FILE_NAME))
  db.pragma('busy_timeout = 5000')
  db.prepare('UPDATE sessions SET last_activity_at = ? WHERE id = ?').run(new Date(Date.now() - daysAgo * 86_400_000).toISOString(), sessionId)
  db.close()
}

function lastActivity(dataDir: string, sessionId: string): string | undefined {
  const db = new Database(join(dataDir, DATABASE_FILE_NAME), { readonly: true })
  const row = db.prepare<[string], { last_activity_at: string }>('SELECT last_activity_at FROM sessions WHERE id = ?').get(sessionId)
  db.close()
  return row?.last_activity_at
}

describe('deleting a session', () => {
  it('is for the moderator only, closes live clients with 4404 and leaves nothing behind', async () => {
    const session = await createSession(server.origin)
    const other = await createSession(server.origin)
    const name = 'Erika Datenschutz-Markierung'
    const anna = await joinSession(server.origin, session.id, name)
    const writer = client(server, session.id, { participant: anna.participantToken })
    const watcher = client(server, session.id)
    const elsewhere = client(server, other.id)
    await Promise.all([writer.synced(), watcher.synced(), elsewhere.synced()])
    const note = addNote(writer.doc, { authorId: anna.participantId, authorName: name }, 'Notiztext-Markierung-4711')
    await waitFor('the watcher to receive the note', () => watcher.hasNote(note.id))
    await moderate(server.origin, session.id, session.moderatorToken, { action: 'setHiddenMode', hidden: true })
    const sealed = await postJson(server.origin, `/api/sessions/${session.id}/sealed-notes`, {
      participantToken: anna.participantToken,
      questionIndex: 0,
      text: 'Verdeckt-Markierung-0815',
    })
    expect(sealed.status).toBe(201)
    expect(databaseBytes(server.dataDir).includes('Verdeckt-Markierung-0815')).toBe(true)

    const remove = (token?: string) =>
      fetch(`${server.origin}/api/sessions/${session.id}`, { method: 'DELETE', headers: token ? { Authorization: `Bearer ${token}` } : {} })
    expect((await remove()).status).toBe(401)
    expect((await remove(session.viewerToken)).status).toBe(403)
    expect((await remove(other.moderatorToken)).status).toBe(403)
    const deleted = await remove(session.moderatorToken)
    expect(deleted.status).toBe(200)
    expect(await deleted.json()).toEqual({ deleted: session.id })

    expect(await writer.closedWith(4404)).toEqual({ code: 4404, reason: 'session deleted by the moderation' })
    await watcher.closedWith(4404)
    expect((await getJson(server.origin, `/api/sessions/${session.id}`)).status).toBe(404)
    expect((await remove(session.moderatorToken)).status).toBe(404)
    expect((await client(server, session.id).closedWith(4404)).reason).toBe('unknown session')
    expect((await getJson(server.origin, `/api/sessions/${session.id}/export`, session.moderatorToken)).status).toBe(404)

    // Not in any table, and not readable from the files (secure_delete, checkpointed WAL).
    const db = new Database(join(server.dataDir, DATABASE_FILE_NAME), { readonly: true })
    for (const table of ['sessions', 'updates', 'participants', 'sealed_notes']) {
      const column = table === 'sessions' ? 'id' : 'session_id'
      expect(db.prepare(`SELECT COUNT(*) AS count FROM ${table} WHERE ${column} = ?`).get(session.id)).toEqual({ count: 0 })
    }
    db.close()
    const bytes = databaseBytes(server.dataDir)
    for (const marker of [name, 'Notiztext-Markierung-4711', 'Verdeckt-Markierung-0815', session.moderatorToken])
      expect(bytes.includes(marker), marker).toBe(false)

    // The other session is untouched.
    expect(elsewhere.closes).toEqual([])
    expect((await getJson(server.origin, `/api/sessions/${other.id}`)).status).toBe(200)
  })
})

describe('retention', () => {
  it('records activity and deletes sessions idle for longer than RETENTION_DAYS', async () => {
    expect((await getJson(server.origin, '/api/config')).json.retentionDays).toBe(30)
    const idle = await createSession(server.origin)
    const active = await createSession(server.origin)
    const anna = await joinSession(server.origin, active.id, 'Anna')
    const writer = client(server, active.id, { participant: anna.participantToken })
    const idleWatcher = client(server, idle.id)
    await Promise.all([writer.synced(), idleWatcher.synced()])

    setLastActivity(server.dataDir, active.id, 29)
    addNote(writer.doc, { authorId: anna.participantId, authorName: 'Anna' }, 'frisch')
    await waitFor('the note to count as activity', () => Date.now() - Date.parse(lastActivity(server.dataDir, active.id) ?? '') < 60_000)

    setLastActivity(server.dataDir, idle.id, 31)
    expect(await idleWatcher.closedWith(4404)).toEqual({ code: 4404, reason: 'session deleted after 30 days without activity' })
    expect((await getJson(server.origin, `/api/sessions/${idle.id}`)).status).toBe(404)
    expect((await getJson(server.origin, `/api/sessions/${active.id}`)).status).toBe(200)
    expect(writer.closes).toEqual([])
  })

  it('deletes expired sessions when the server starts', async () => {
    const first = await PinnwandServer.start({ env: { RETENTION_DAYS: '7' } })
    let second: PinnwandServer | undefined
    try {
      const old = await createSession(first.origin)
      const recent = await createSession(first.origin)
      await first.kill('SIGTERM')
      setLastActivity(first.dataDir, old.id, 8)
      setLastActivity(first.dataDir, recent.id, 6)
      // The same data with the default check interval (an hour): only the start-up check can delete.
      second = await PinnwandServer.start({ env: { RETENTION_DAYS: '7' }, dataDir: first.dataDir })
      expect((await getJson(second.origin, `/api/sessions/${old.id}`)).status).toBe(404)
      expect((await getJson(second.origin, `/api/sessions/${recent.id}`)).status).toBe(200)
      // RETENTION_DAYS=0 keeps everything.
      await second.kill('SIGTERM')
      setLastActivity(first.dataDir, recent.id, 10_000)
      await second.stop()
      second = await PinnwandServer.start({ env: { RETENTION_DAYS: '0' }, dataDir: first.dataDir })
      expect((await getJson(second.origin, `/api/sessions/${recent.id}`)).status).toBe(200)
      expect((await getJson(second.origin, '/api/config')).json.retentionDays).toBe(0)
    } finally {
      await second?.stop()
      await first.stop()
    }
  }, 90_000)
})
