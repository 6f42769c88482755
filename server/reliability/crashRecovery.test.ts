import Database from 'better-sqlite3'
import * as prng from 'lib0/prng'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readRecords, writeRecords } from '../../shared/doc/documentLayout.ts'
import { boardsInOrder, buildNoteRecord, isNote } from '../../shared/workshop/workshopRecords.ts'
import { DATABASE_FILE_NAME } from '../persistence/sqlite/openDatabase.ts'
import { createSession, join as joinSession } from '../testing/apiClient.ts'
import { PinnwandServer } from '../testing/serverProcess.ts'
import { SyncTestClient, waitFor } from '../testing/syncClient.ts'
import { richTextToPlain } from '../../shared/text/richTextToPlain.ts'

/**
 * The crash test: 20 stock y-websocket clients post 5,000 notes while the server is
 * killed with SIGKILL three times at (seeded) random moments and restarted on the same port and
 * DATA_DIR. Between each kill and restart the database file must pass `PRAGMA integrity_check`.
 * The providers reconnect by themselves and resend what the server had not stored; in the end a
 * fresh client sees exactly 5,000 notes, each once.
 */
const CLIENTS = 20
const NOTES_PER_CLIENT = 250
const TOTAL = CLIENTS * NOTES_PER_CLIENT
/** Each client posts one note every this many ms (about 160 notes/s together). */
const POST_INTERVAL_MS = 120
const CRASHES = 3
const SEED = 6_2026

let server: PinnwandServer | undefined
const clients: SyncTestClient[] = []

afterAll(async () => {
  for (const created of clients) created.destroy()
  await server?.stop()
})

function integrityCheck(dataDir: string): string {
  const db = new Database(join(dataDir, DATABASE_FILE_NAME), { readonly: true, fileMustExist: true })
  try {
    return String(db.pragma('integrity_check', { simple: true }))
  } finally {
    db.close()
  }
}

describe('crash recovery', () => {
  it(`keeps exactly ${TOTAL} notes from ${CLIENTS} clients across ${CRASHES} kill -9`, async () => {
    const started = Date.now()
    const random = prng.create(SEED)
    // No per-minute note limit: 250 notes per participant in well under a minute is the point here.
    const running = await PinnwandServer.start({ env: { NOTES_PER_MINUTE: '0' } })
    server = running
    const session = await createSession(running.origin)
    const writers = await Promise.all(
      Array.from({ length: CLIENTS }, async (_, index) => {
        const joined = await joinSession(running.origin, session.id, `Schreiber ${index + 1}`)
        const created = new SyncTestClient(running.origin, session.id, { participant: joined.participantToken })
        clients.push(created)
        return { index, joined, client: created }
      }),
    )
    await Promise.all(writers.map(({ client }) => client.synced(30_000)))

    // Posting: each client writes its notes at a steady pace, connected or not (offline notes
    // wait in its document, as in a browser), with the shared builder; siblings are left out
    // so building a note stays O(1) however full the board gets.
    const board = boardsInOrder(readRecords(writers[0]!.client.doc))[0]!
    let posted = 0
    const posting = Promise.all(
      writers.map(async ({ index, joined, client }) => {
        const author = { authorId: joined.participantId, authorName: joined.name }
        for (let note = 0; note < NOTES_PER_CLIENT; note++) {
          writeRecords(client.doc, { put: [buildNoteRecord({ board, author, text: `c${index}-n${note}`, siblings: [] })] })
          posted++
          await new Promise((resolve) => setTimeout(resolve, POST_INTERVAL_MS))
        }
      }),
    )

    // Chaos: three kills at random moments while the notes are being posted.
    const integrity: string[] = []
    const postingMs = NOTES_PER_CLIENT * POST_INTERVAL_MS
    for (let crash = 0; crash < CRASHES; crash++) {
      await new Promise((resolve) => setTimeout(resolve, prng.int32(random, 1_000, Math.floor(postingMs / (CRASHES + 1)))))
      await running.kill('SIGKILL')
      integrity.push(integrityCheck(running.dataDir))
      await running.relaunch()
    }
    await posting
    expect(posted).toBe(TOTAL)
    expect(integrity).toEqual(['ok', 'ok', 'ok'])

    // Everything arrives once the providers have resynced; then a brand-new client counts.
    const observer = new SyncTestClient(running.origin, session.id)
    clients.push(observer)
    await observer.synced(30_000)
    await waitFor(`${TOTAL} notes on the server`, () => readRecords(observer.doc).filter(isNote).length >= TOTAL, 60_000)
    const fresh = new SyncTestClient(running.origin, session.id)
    clients.push(fresh)
    await fresh.synced(30_000)
    const notes = readRecords(fresh.doc).filter(isNote)
    const texts = notes.map((note) => richTextToPlain(note.props.richText))
    expect(notes).toHaveLength(TOTAL)
    expect(new Set(notes.map((note) => note.id)).size).toBe(TOTAL)
    expect(new Set(texts).size).toBe(TOTAL)
    for (const { index } of writers) expect(texts.filter((text) => text.startsWith(`c${index}-`))).toHaveLength(NOTES_PER_CLIENT)
    // Nothing any client sent was refused: resent notes are accepted, not taken for forgeries.
    for (const { client } of writers) expect(client.closes.filter((close) => close.code === 4001)).toEqual([])
    console.log(`crash test: ${TOTAL} notes, ${CRASHES} kill -9, ${Math.round((Date.now() - started) / 1000)} s`)
  }, 240_000)
})
