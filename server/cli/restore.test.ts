import Database from 'better-sqlite3'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecords } from '../../shared/doc/documentLayout.ts'
import { DATABASE_FILE_NAME, SCHEMA_VERSION } from '../persistence/sqlite/openDatabase.ts'
import { createSession, join as joinSession } from '../testing/apiClient.ts'
import { runCli } from '../testing/cliProcess.ts'
import { addNote } from '../testing/notes.ts'
import { PinnwandServer } from '../testing/serverProcess.ts'
import { SyncTestClient, waitFor } from '../testing/syncClient.ts'

/**
 * `npm run restore` against a real server's data directory: refused while the server runs,
 * then, after a crash (a WAL left behind), the backup goes in place, the replaced database is
 * kept, and a server started on the directory serves the backup's state.
 */
let workDir: string
let dataDir: string
let server: PinnwandServer
const clients: SyncTestClient[] = []

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'pinnwand-restore-'))
  dataDir = join(workDir, 'data')
  server = await PinnwandServer.start({ dataDir, env: { NOTES_PER_MINUTE: '0' } })
})
afterAll(async () => {
  for (const created of clients) created.destroy()
  await server?.stop()
  rmSync(workDir, { recursive: true, force: true })
})

/** `npm run backup` / `npm run restore` typed in the work directory, for the server's DATA_DIR. */
const cli = (script: 'backup' | 'restore', args: string[]) => runCli(script, args, { INIT_CWD: workDir, DATA_DIR: dataDir })

function client(sessionId: string, params: { participant?: string } = {}): SyncTestClient {
  const created = new SyncTestClient(server.origin, sessionId, params)
  clients.push(created)
  return created
}

/** The note texts of a session as stored in a database file, read without a server. */
function storedNoteTexts(file: string, sessionId: string): string[] {
  const db = new Database(file, { readonly: true })
  try {
    const doc = new Y.Doc()
    for (const row of db.prepare<[string], { data: Buffer }>('SELECT data FROM updates WHERE session_id = ? ORDER BY seq').all(sessionId)) Y.applyUpdate(doc, row.data)
    return readRecords(doc).flatMap((record) => (record.typeName === 'shape' && record.type === 'note' ? [JSON.stringify(record.props)] : []))
  } finally {
    db.close()
  }
}

const filesIn = (dir: string) => readdirSync(dir).sort()

/** The ids of the sessions stored in a database file. */
async function sessionIds(file: string): Promise<string[]> {
  const db = new Database(file, { readonly: true })
  try {
    return db.prepare<[], { id: string }>('SELECT id FROM sessions ORDER BY id').all().map((row) => row.id)
  } finally {
    db.close()
  }
}

describe('npm run restore', () => {
  it('is refused while the server runs; after a crash it puts the backup in place and keeps the replaced database', async () => {
    const session = await createSession(server.origin)
    const anna = await joinSession(server.origin, session.id, 'Anna')
    const author = { authorId: anna.participantId, authorName: 'Anna' }
    const writer = client(session.id, { participant: anna.participantToken })
    await writer.synced()
    const before = ['Mehr Bänke am Markt', 'Spielplatz sanieren'].map((text) => addNote(writer.doc, author, text))
    const watcher = client(session.id)
    await watcher.synced()
    await waitFor('the notes before the backup to be stored', () => before.every((note) => watcher.hasNote(note.id)))
    expect((await cli('backup', ['--out', 'sicherung.sqlite'])).code).toBe(0)
    const later = addNote(writer.doc, author, 'Nach der Sicherung geschrieben')
    await waitFor('the later note to be stored', () => watcher.hasNote(later.id))

    const running = await cli('restore', ['sicherung.sqlite'])
    expect(running.code).toBe(1)
    expect(running.stderr).toContain('in use. Stop the Pinnwand server first')
    expect(filesIn(dataDir).some((name) => name.includes('before-restore'))).toBe(false)

    // A crash leaves the WAL beside the database; restore must keep its content with the old file.
    for (const created of clients.splice(0)) created.destroy()
    await server.kill('SIGKILL')
    const restored = await cli('restore', ['sicherung.sqlite'])
    expect(restored.stderr).toMatch(/Restored: .*sicherung\.sqlite is now the database of .* \(\d+ sessions, schema \d+\)/)
    expect(restored.code).toBe(0)
    const aside = filesIn(dataDir).find((name) => /^pinnwand\.sqlite\.before-restore-\d{8}-\d{6}$/.test(name))
    expect(aside, filesIn(dataDir).join(', ')).toBeDefined()
    expect(existsSync(join(dataDir, `${DATABASE_FILE_NAME}-wal`))).toBe(false)
    expect(storedNoteTexts(join(dataDir, aside!), session.id).some((text) => text.includes('Nach der Sicherung'))).toBe(true)

    await server.relaunch()
    const reader = client(session.id)
    await reader.synced()
    for (const note of before) expect(reader.hasNote(note.id)).toBe(true)
    expect(reader.hasNote(later.id)).toBe(false)
    // The participant secret is the backup's: Anna's token from before still writes.
    const annaAgain = client(session.id, { participant: anna.participantToken })
    await annaAgain.synced()
    const after = addNote(annaAgain.doc, author, 'Nach der Wiederherstellung')
    await waitFor('the restored server to accept Anna’s note', () => reader.hasNote(after.id))
    expect(annaAgain.closes).toEqual([])
  }, 120_000)

  it('changes nothing for a file that is no usable backup, and explains bad arguments', async () => {
    const untouched = filesIn(dataDir)
    writeFileSync(join(workDir, 'kaputt.sqlite'), 'das ist keine Datenbank'.repeat(100))
    const garbage = await cli('restore', ['kaputt.sqlite'])
    expect(garbage.code).toBe(1)
    expect(garbage.stderr).toContain('is not a SQLite database')

    const foreign = new Database(join(workDir, 'fremd.sqlite'))
    foreign.exec('CREATE TABLE notes (text TEXT)')
    foreign.close()
    expect((await cli('restore', ['fremd.sqlite'])).stderr).toContain('not a Pinnwand one (no sessions table)')

    const newer = new Database(join(workDir, 'neuer.sqlite'))
    newer.exec('CREATE TABLE sessions (id TEXT)')
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    newer.close()
    expect((await cli('restore', ['neuer.sqlite'])).stderr).toContain('written by a newer Pinnwand')
    expect((await cli('restore', ['gibt-es-nicht.sqlite'])).stderr).toContain('cannot be opened')
    expect(filesIn(dataDir)).toEqual(untouched)

    const itself = await cli('restore', [join(dataDir, DATABASE_FILE_NAME)])
    expect(itself.code).toBe(2)
    expect(itself.stderr).toContain('is the database of')
    expect(filesIn(dataDir)).toEqual(untouched)

    const missing = await cli('restore', [])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('Usage: npm run restore')
  }, 60_000)

  it('puts the replaced database back when the backup cannot be copied in', async () => {
    await server.stop()
    const live = join(dataDir, DATABASE_FILE_NAME)
    const notesBefore = storedNoteTexts(live, (await sessionIds(live))[0]!)
    // A directory where the copy goes: copying fails, as it would on a full disk.
    const inTheWay = join(dataDir, `${DATABASE_FILE_NAME}.restoring`)
    mkdirSync(inTheWay)
    writeFileSync(join(inTheWay, 'keep.txt'), 'not ours to delete')
    // The lock check folds a WAL into its database, so side files may go; the content stays.
    const databaseFiles = () => filesIn(dataDir).filter((name) => !/-(wal|shm)$/.test(name))
    const untouched = databaseFiles()
    try {
      const failed = await cli('restore', ['sicherung.sqlite'])
      expect(failed.stderr).toContain('Restore failed, nothing was changed')
      expect(failed.code).toBe(1)
      expect(databaseFiles()).toEqual(untouched)
      expect(storedNoteTexts(live, (await sessionIds(live))[0]!)).toEqual(notesBefore)
      expect(filesIn(inTheWay)).toEqual(['keep.txt'])
    } finally {
      rmSync(inTheWay, { recursive: true })
    }
  }, 60_000)

  it('restores into a data directory that has no database yet', async () => {
    const fresh = join(workDir, 'neu', 'data')
    mkdirSync(join(workDir, 'neu'))
    // --data-dir wins over DATA_DIR, and is relative to where the command was typed.
    expect((await cli('restore', ['sicherung.sqlite', '--data-dir', 'neu/data'])).code).toBe(0)
    expect(filesIn(fresh)).toEqual([DATABASE_FILE_NAME])
  }, 60_000)
})
