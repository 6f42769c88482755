import type Database from 'better-sqlite3'
import { parseTemplate } from '../../../shared/template/templateSchema.ts'
import type {
  SealedNote,
  SessionStore,
  StoredParticipant,
  StoredSession,
  UpdateAppend,
  UpdateLogStats,
} from '../sessionStore.ts'
import { openDatabase } from './openDatabase.ts'

interface SessionRow {
  id: string
  title: string
  moderator_token: string
  viewer_token: string
  created_at: string
  template: string
}

interface SealedNoteRow {
  session_id: string
  note_id: string
  participant_id: string
  question_index: number
  text: string
  created_at: string
  revealed_at: string | null
}

/** The embedded store: one SQLite file in DATA_DIR (see openDatabase for durability). */
export class SqliteSessionStore implements SessionStore {
  private readonly statements

  constructor(private readonly db: Database.Database) {
    this.statements = {
      insertSession: db.prepare(
        'INSERT INTO sessions (id, title, moderator_token, viewer_token, created_at, template, last_activity_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      touchSession: db.prepare('UPDATE sessions SET last_activity_at = ? WHERE id = ?'),
      countSessions: db.prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM sessions'),
      deleteSession: db.prepare('DELETE FROM sessions WHERE id = ?'),
      inactiveSessions: db.prepare<[string], { id: string }>('SELECT id FROM sessions WHERE last_activity_at < ? ORDER BY last_activity_at'),
      insertSecret: db.prepare('INSERT OR IGNORE INTO server_secrets (name, value) VALUES (?, ?)'),
      getSecret: db.prepare<[string], { value: string }>('SELECT value FROM server_secrets WHERE name = ?'),
      getSession: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?'),
      loadUpdates: db.prepare<[string], { data: Buffer }>('SELECT data FROM updates WHERE session_id = ? ORDER BY seq'),
      logStats: db.prepare<[string], { count: number; bytes: number | null }>(
        'SELECT COUNT(*) AS count, SUM(LENGTH(data)) AS bytes FROM updates WHERE session_id = ?',
      ),
      lastSeq: db.prepare<[string], { last: number | null }>('SELECT MAX(seq) AS last FROM updates WHERE session_id = ?'),
      insertUpdate: db.prepare('INSERT INTO updates (session_id, seq, data) VALUES (?, ?, ?)'),
      deleteUpdatesUpTo: db.prepare('DELETE FROM updates WHERE session_id = ? AND seq <= ?'),
      insertParticipant: db.prepare(
        'INSERT OR REPLACE INTO participants (session_id, participant_id, name, created_at) VALUES (?, ?, ?, ?)',
      ),
      getParticipant: db.prepare<[string, string], { name: string; created_at: string }>(
        'SELECT name, created_at FROM participants WHERE session_id = ? AND participant_id = ?',
      ),
      insertSealedNote: db.prepare(
        'INSERT INTO sealed_notes (session_id, note_id, participant_id, question_index, text, created_at, revealed_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      listSealedNotes: db.prepare<[string], SealedNoteRow>(
        'SELECT * FROM sealed_notes WHERE session_id = ? ORDER BY created_at, note_id',
      ),
      revealSealedNote: db.prepare('UPDATE sealed_notes SET revealed_at = ? WHERE session_id = ? AND note_id = ?'),
    }
  }

  static open(dataDir: string): SqliteSessionStore {
    return new SqliteSessionStore(openDatabase(dataDir))
  }

  createSession(session: StoredSession, initialState: Uint8Array): void {
    this.db.transaction(() => {
      this.statements.insertSession.run(
        session.id,
        session.title,
        session.moderatorToken,
        session.viewerToken,
        session.createdAt,
        JSON.stringify(session.template),
        session.createdAt,
      )
      this.statements.insertUpdate.run(session.id, 1, initialState)
    })()
  }

  getSession(id: string): StoredSession | undefined {
    const row = this.statements.getSession.get(id)
    if (!row) return undefined
    return {
      id: row.id,
      title: row.title,
      moderatorToken: row.moderator_token,
      viewerToken: row.viewer_token,
      createdAt: row.created_at,
      template: parseTemplate(JSON.parse(row.template)),
    }
  }

  loadUpdates(sessionId: string): Uint8Array[] {
    // A plain Uint8Array view of each Buffer, not a copy: a compacted session is one update of
    // megabytes, and on a cold start copying it again costs what reading it did.
    return this.statements.loadUpdates.all(sessionId).map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength))
  }

  logStats(sessionId: string): UpdateLogStats {
    const row = this.statements.logStats.get(sessionId)
    return { count: row?.count ?? 0, bytes: row?.bytes ?? 0 }
  }

  appendUpdates(appends: readonly UpdateAppend[]): void {
    const now = new Date().toISOString()
    this.db.transaction(() => {
      for (const { sessionId, update, compactTo } of appends) {
        this.statements.touchSession.run(now, sessionId)
        const last = this.statements.lastSeq.get(sessionId)?.last ?? 0
        this.statements.insertUpdate.run(sessionId, last + 1, update)
        if (compactTo) {
          // The snapshot takes the place of everything up to and including this update.
          this.statements.deleteUpdatesUpTo.run(sessionId, last + 1)
          this.statements.insertUpdate.run(sessionId, last + 1, compactTo)
        }
      }
    })()
  }

  replaceLog(sessionId: string, snapshot: Uint8Array): void {
    this.db.transaction(() => {
      const last = this.statements.lastSeq.get(sessionId)?.last
      if (last === null || last === undefined) return
      this.statements.deleteUpdatesUpTo.run(sessionId, last)
      this.statements.insertUpdate.run(sessionId, last, snapshot)
    })()
  }

  addParticipant(participant: StoredParticipant): void {
    this.db.transaction(() => {
      this.statements.insertParticipant.run(
        participant.sessionId,
        participant.participantId,
        participant.name,
        participant.createdAt,
      )
      this.statements.touchSession.run(participant.createdAt, participant.sessionId)
    })()
  }

  getParticipant(sessionId: string, participantId: string): StoredParticipant | undefined {
    const row = this.statements.getParticipant.get(sessionId, participantId)
    return row && { sessionId, participantId, name: row.name, createdAt: row.created_at }
  }

  addSealedNote(note: SealedNote): void {
    this.statements.insertSealedNote.run(
      note.sessionId,
      note.noteId,
      note.participantId,
      note.questionIndex,
      note.text,
      note.createdAt,
      note.revealedAt,
    )
  }

  listSealedNotes(sessionId: string, filter: { participantId?: string; includeRevealed?: boolean } = {}): SealedNote[] {
    return this.statements.listSealedNotes
      .all(sessionId)
      .filter((row) => filter.participantId === undefined || row.participant_id === filter.participantId)
      .filter((row) => filter.includeRevealed || row.revealed_at === null)
      .map((row) => ({
        sessionId: row.session_id,
        noteId: row.note_id,
        participantId: row.participant_id,
        questionIndex: row.question_index,
        text: row.text,
        createdAt: row.created_at,
        revealedAt: row.revealed_at,
      }))
  }

  markSealedNotesRevealed(sessionId: string, noteIds: readonly string[], revealedAt: string): void {
    this.db.transaction(() => {
      for (const noteId of noteIds) this.statements.revealSealedNote.run(revealedAt, sessionId, noteId)
    })()
  }

  countSessions(): number {
    return this.statements.countSessions.get()?.count ?? 0
  }

  deleteSession(sessionId: string): boolean {
    // Rows of updates, participants and sealed notes go with it (ON DELETE CASCADE), and
    // secure_delete (openDatabase) zeroes what they occupied. The checkpoint then writes that
    // into the main file and empties the WAL, which still holds the old page versions.
    const deleted = this.statements.deleteSession.run(sessionId).changes > 0
    if (deleted) this.db.pragma('wal_checkpoint(TRUNCATE)')
    return deleted
  }

  listSessionsInactiveSince(cutoff: string): string[] {
    return this.statements.inactiveSessions.all(cutoff).map((row) => row.id)
  }

  serverSecret(name: string, create: () => string): string {
    return this.db.transaction(() => {
      const existing = this.statements.getSecret.get(name)
      if (existing) return existing.value
      this.statements.insertSecret.run(name, create())
      return this.statements.getSecret.get(name)!.value
    }).immediate()
  }

  /** A consistent copy of the whole database while it is in use (SQLite's online backup). */
  async backup(destination: string): Promise<void> {
    await this.db.backup(destination)
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}
