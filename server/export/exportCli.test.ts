import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join as joinPath } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSession, join } from '../testing/apiClient.ts'
import { runCli } from '../testing/cliProcess.ts'
import { addNote } from '../testing/notes.ts'
import { PinnwandServer } from '../testing/serverProcess.ts'
import { SyncTestClient, waitFor } from '../testing/syncClient.ts'

// Each run compiles the CLI with tsx: seconds each on a busy 2-core machine.
const CLI_TEST_TIMEOUT_MS = 240_000

/** `npm run export` as an organiser runs it; DATA_DIR and INIT_CWD only where a test sets them. */
const runExport = (args: string[], env: Record<string, string> = {}, cwd?: string) => runCli('export', args, { DATA_DIR: '', INIT_CWD: '', ...env }, cwd)

// The server's data lives in our own directory, so it outlives the server process.
const dataDir = mkdtempSync(joinPath(tmpdir(), 'pinnwand-export-cli-'))
const outDir = mkdtempSync(joinPath(tmpdir(), 'pinnwand-export-out-'))
let sessionId = ''

beforeAll(async () => {
  const server = await PinnwandServer.start({ env: { DATA_DIR: dataDir } })
  try {
    const session = await createSession(server.origin)
    sessionId = session.id
    const anna = await join(server.origin, session.id, 'Anna')
    const writer = new SyncTestClient(server.origin, session.id, { participant: anna.participantToken })
    const reader = new SyncTestClient(server.origin, session.id)
    try {
      await Promise.all([writer.synced(), reader.synced()])
      const note = addNote(writer.doc, { authorId: anna.participantId, authorName: 'Anna' }, 'Grünflächen für alle, "bitte"', 2)
      await waitFor('the reader to receive the note', () => reader.hasNote(note.id))
    } finally {
      writer.destroy()
      reader.destroy()
    }
  } finally {
    await server.stop()
  }
})
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(outDir, { recursive: true, force: true })
})

describe('npm run export (server stopped)', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('writes the Markdown protocol of a session to stdout', async () => {
    const result = await runExport(['--session', sessionId, '--format', 'md', '--data-dir', dataDir])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const markdown = result.stdout.toString('utf8')
    expect(markdown).toContain('Grünflächen für alle, "bitte"')
    expect(markdown).toContain('Anna')
  })

  it('reads DATA_DIR from the environment and applies --anonymise and --without-empty', async () => {
    const result = await runExport(['--session', sessionId, '--format', 'json', '--anonymise', '--without-empty'], { DATA_DIR: dataDir })
    expect(result.code).toBe(0)
    const model = JSON.parse(result.stdout.toString('utf8'))
    expect(model).toMatchObject({ sessionId, options: { anonymise: true, includeEmpty: false } })
    expect(model.boards[2].unclusteredNotes).toEqual([
      expect.objectContaining({ text: 'Grünflächen für alle, "bitte"', authorName: 'Teilnehmer:in 1' }),
    ])
  })

  it('writes --out files (CSV with BOM) and docx to its default name', async () => {
    const csvFile = joinPath(outDir, 'protokoll.csv')
    const csv = await runExport(['--session', sessionId, '--format', 'csv', '--out', csvFile, '--data-dir', dataDir])
    expect(csv.code).toBe(0)
    expect(csv.stdout.byteLength).toBe(0)
    const bytes = readFileSync(csvFile)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.toString('utf8')).toContain('"Grünflächen für alle, ""bitte"""')

    const docx = await runExport(['--session', sessionId, '--format', 'docx', '--data-dir', dataDir], {}, outDir)
    expect(docx.code).toBe(0)
    const written = /Written: (.+\.docx)/.exec(docx.stderr)?.[1]
    expect(written).toMatch(/^[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.docx$/)
    expect(readFileSync(joinPath(outDir, written!)).subarray(0, 2).toString('latin1')).toBe('PK')

    // `npm run` runs in the package root; a relative --out means the directory the user was in.
    const relative = await runExport(['--session', sessionId, '--out', 'relativ.md', '--data-dir', dataDir], { INIT_CWD: outDir })
    expect(relative.code).toBe(0)
    expect(readFileSync(joinPath(outDir, 'relativ.md'), 'utf8')).toContain('Grünflächen für alle')
  })

  it('fails clearly for an unknown session, format, data directory or argument', async () => {
    const unknownSession = await runExport(['--session', 'B'.repeat(22), '--data-dir', dataDir])
    expect(unknownSession.code).toBe(1)
    expect(unknownSession.stderr).toContain('Unknown session')

    const unknownFormat = await runExport(['--session', sessionId, '--format', 'pdf', '--data-dir', dataDir])
    expect(unknownFormat.code).toBe(2)
    expect(unknownFormat.stderr).toContain('unknown format "pdf"; formats: json, csv, md, docx')

    const noDatabase = await runExport(['--session', sessionId, '--data-dir', joinPath(outDir, 'nowhere')])
    expect(noDatabase.code).toBe(1)
    expect(noDatabase.stderr).toContain('No Pinnwand database')

    expect((await runExport(['--data-dir', dataDir])).code).toBe(2)
    expect((await runExport(['--session', sessionId, '--colour'])).code).toBe(2)
    expect(unknownSession.stdout.byteLength + unknownFormat.stdout.byteLength).toBe(0)
  })
})

describe('npm run export (server running)', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('reads the database while the server holds it open', async () => {
    const server = await PinnwandServer.start({ env: { DATA_DIR: dataDir } })
    try {
      const result = await runExport(['--session', sessionId, '--format', 'md', '--data-dir', dataDir])
      expect(result.code).toBe(0)
      expect(result.stdout.toString('utf8')).toContain('Grünflächen für alle')
      // The server still works with the CLI having read its database.
      expect((await fetch(`${server.origin}/healthz`)).ok).toBe(true)
    } finally {
      await server.stop()
    }
  })
})
