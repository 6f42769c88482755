import Database from 'better-sqlite3'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readRecords } from '../../shared/doc/documentLayout.ts'
import { isNote } from '../../shared/workshop/workshopRecords.ts'
import { DATABASE_FILE_NAME } from '../persistence/sqlite/openDatabase.ts'
import { createSession, join as joinSession } from '../testing/apiClient.ts'
import { runCli } from '../testing/cliProcess.ts'
import { addNote } from '../testing/notes.ts'
import { PinnwandServer } from '../testing/serverProcess.ts'
import { SyncTestClient, waitFor } from '../testing/syncClient.ts'

/**
 * `npm run backup` while the server runs and writes, then the restore exactly as server/README.md
 * describes it (copy the file into an empty DATA_DIR as pinnwand.sqlite, start): a fresh client
 * sees every note stored before the backup, and participant tokens still work.
 */

let server: PinnwandServer
let workDir: string
const clients: SyncTestClient[] = []

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'pinnwand-backup-'))
  server = await PinnwandServer.start({ env: { NOTES_PER_MINUTE: '0' } })
})
afterAll(async () => {
  for (const created of clients) created.destroy()
  await server?.stop()
  rmSync(workDir, { recursive: true, force: true })
})

/** `npm run backup` typed in the work directory. */
const backup = (args: string[], env: Record<string, string> = {}) => runCli('backup', args, { INIT_CWD: workDir, ...env })

function client(target: PinnwandServer, sessionId: string, params: { participant?: string } = {}): SyncTestClient {
  const created = new SyncTestClient(target.origin, sessionId, params)
  clients.push(created)
  return created
}

describe('npm run backup', () => {
  it('copies a running server’s database consistently, and the copy restores', async () => {
    const session = await createSession(server.origin)
    const anna = await joinSession(server.origin, session.id, 'Anna')
    const author = { authorId: anna.participantId, authorName: 'Anna' }
    const writer = client(server, session.id, { participant: anna.participantToken })
    const watcher = client(server, session.id)
    await Promise.all([writer.synced(), watcher.synced()])
    const before = Array.from({ length: 40 }, (_, index) => addNote(writer.doc, author, `vor der Sicherung ${index}`))
    await waitFor('the server to have stored every note', () => before.every((note) => watcher.hasNote(note.id)))

    // Keep writing while the backup runs: it must still be one consistent state.
    let writing = true
    const during = (async () => {
      for (let index = 0; writing; index++) {
        addNote(writer.doc, author, `während der Sicherung ${index}`)
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    })()
    const made = await backup(['--out', 'sicherung.sqlite'], { DATA_DIR: server.dataDir })
    writing = false
    await during
    expect(made.stderr).toMatch(/Backup written: .*sicherung\.sqlite \(\d+ sessions, \d+ bytes, integrity ok\)/)
    expect(made.code).toBe(0)
    const file = join(workDir, 'sicherung.sqlite')
    const copy = new Database(file, { readonly: true })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
    copy.close()

    // Restore as documented: an empty DATA_DIR with the copy as pinnwand.sqlite, then start.
    const restoredDir = join(workDir, 'restored')
    mkdirSync(restoredDir)
    copyFileSync(file, join(restoredDir, DATABASE_FILE_NAME))
    const restored = await PinnwandServer.start({ dataDir: restoredDir })
    try {
      const reader = client(restored, session.id)
      await reader.synced()
      const texts = readRecords(reader.doc)
        .filter(isNote)
        .map((note) => JSON.stringify(note.props.richText))
      for (const note of before) expect(reader.hasNote(note.id)).toBe(true)
      expect(texts.filter((text) => text.includes('vor der Sicherung'))).toHaveLength(before.length)
      // The participant secret came along: Anna's token from before the backup still writes.
      const annaAgain = client(restored, session.id, { participant: anna.participantToken })
      await annaAgain.synced()
      const after = addNote(annaAgain.doc, author, 'nach der Wiederherstellung')
      await waitFor('the restored server to accept Anna’s note', () => reader.hasNote(after.id))
      expect(annaAgain.closes).toEqual([])
    } finally {
      await restored.stop()
    }
  }, 120_000)

  it('never overwrites a file, and explains a missing database and bad arguments', async () => {
    writeFileSync(join(workDir, 'vorhanden.sqlite'), 'x')
    const exists = await backup(['--out', 'vorhanden.sqlite'], { DATA_DIR: server.dataDir })
    expect(exists.code).toBe(1)
    expect(exists.stderr).toContain('exists already')
    const missing = await backup(['--data-dir', 'gibt-es-nicht'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('No Pinnwand database')
    const bad = await backup(['--verbose'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('Usage: npm run backup')
  }, 60_000)
})
