import Database from 'better-sqlite3'
import { join as joinPath } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSession, join } from '../testing/apiClient.ts'
import { addNote } from '../testing/notes.ts'
import { serverForThisFile } from '../testing/serverForThisFile.ts'
import { waitFor } from '../testing/syncClient.ts'
import { DATABASE_FILE_NAME } from './sqlite/openDatabase.ts'

// A low threshold so the test also crosses a compaction.
const fixture = serverForThisFile({ env: { COMPACT_AFTER_UPDATES: '5' } })
const client = fixture.client

function storedLogRows(sessionId: string): number {
  const db = new Database(joinPath(fixture.server.dataDir, DATABASE_FILE_NAME), { readonly: true })
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM updates WHERE session_id = ?').get(sessionId) as { n: number }).n
  } finally {
    db.close()
  }
}

describe('persistence', () => {
  it('keeps notes across a graceful restart and a kill -9', async () => {
    const session = await createSession(fixture.server.origin)
    const anna = await join(fixture.server.origin, session.id, 'Anna')
    const a = client(session.id, { participant: anna.participantToken })
    const b = client(session.id)
    await Promise.all([a.synced(), b.synced()])
    const author = { authorId: anna.participantId, authorName: 'Anna' }

    const first = addNote(a.doc, author, 'vor dem Neustart')
    await waitFor('B to receive the first note', () => b.hasNote(first.id))
    await fixture.server.restart('SIGTERM')
    const fresh = client(session.id)
    await fresh.synced()
    expect(fresh.hasNote(first.id)).toBe(true)

    // A reconnects by itself; what B has received must survive a crash right after.
    await waitFor('A to reconnect', () => a.provider.synced)
    const second = addNote(a.doc, author, 'vor dem Absturz')
    await waitFor('B to receive the second note', () => b.hasNote(second.id))
    await fixture.server.restart('SIGKILL')
    const afterCrash = client(session.id)
    await afterCrash.synced()
    expect(afterCrash.hasNote(first.id)).toBe(true)
    expect(afterCrash.hasNote(second.id)).toBe(true)
  }, 60_000)

  it('compacts the update log into a snapshot without losing anything', async () => {
    const session = await createSession(fixture.server.origin)
    const anna = await join(fixture.server.origin, session.id, 'Anna')
    const a = client(session.id, { participant: anna.participantToken })
    const b = client(session.id)
    await Promise.all([a.synced(), b.synced()])
    const ids: string[] = []
    for (let index = 0; index < 20; index++) {
      const note = addNote(a.doc, { authorId: anna.participantId, authorName: 'Anna' }, `Karte ${index}`, index % 5)
      ids.push(note.id)
      // One tick per note, so each becomes its own log row.
      await waitFor('B to receive the note', () => b.hasNote(note.id))
    }
    expect(storedLogRows(session.id)).toBeLessThanOrEqual(6)
    await fixture.server.restart('SIGKILL')
    const fresh = client(session.id)
    await fresh.synced()
    expect(ids.every((id) => fresh.hasNote(id))).toBe(true)
  }, 60_000)
})
