import type Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { openSqliteFile } from './sqliteFile.ts'

export const DATABASE_FILE_NAME = 'pinnwand.sqlite'

/**
 * Schema migrations by version (PRAGMA user_version). Append new steps; never edit old ones:
 * an existing DATA_DIR is upgraded in place when the server or a CLI opens it.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     moderator_token TEXT NOT NULL,
     viewer_token TEXT NOT NULL,
     created_at TEXT NOT NULL,
     template TEXT NOT NULL
   );
   CREATE TABLE updates (
     session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     data BLOB NOT NULL,
     PRIMARY KEY (session_id, seq)
   ) WITHOUT ROWID;
   CREATE TABLE participants (
     session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
     participant_id TEXT NOT NULL,
     name TEXT NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (session_id, participant_id)
   ) WITHOUT ROWID;
   CREATE TABLE sealed_notes (
     session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
     note_id TEXT NOT NULL,
     participant_id TEXT NOT NULL,
     question_index INTEGER NOT NULL,
     text TEXT NOT NULL,
     created_at TEXT NOT NULL,
     revealed_at TEXT,
     PRIMARY KEY (session_id, note_id)
   ) WITHOUT ROWID;
   CREATE INDEX sealed_notes_by_participant ON sealed_notes (session_id, participant_id);`,
  // 2: last activity per session (retention), and server secrets inside the database so a
  // backup is the whole state (the participant secret used to be a file next to it).
  `ALTER TABLE sessions ADD COLUMN last_activity_at TEXT;
   UPDATE sessions SET last_activity_at = created_at;
   CREATE INDEX sessions_by_activity ON sessions (last_activity_at);
   CREATE TABLE server_secrets (
     name TEXT PRIMARY KEY,
     value TEXT NOT NULL
   ) WITHOUT ROWID;`,
]

/**
 * Opens (creating if needed) the database in `dataDir`.
 *
 * Durability: WAL with `synchronous = FULL`. Every commit fsyncs the WAL before better-sqlite3
 * returns, and the server broadcasts an update only after its commit returned; so what any client
 * has received is on disk, even across a power loss, not only across `kill -9` (for which
 * `NORMAL` would already suffice, since the WAL write reaches the OS before the commit returns).
 * The cost, one fsync per commit, is paid once per event-loop tick because the sync layer merges
 * all updates of a tick into one transaction.
 */
export function openDatabase(dataDir: string): Database.Database {
  mkdirSync(dataDir, { recursive: true })
  const db = openSqliteFile(join(dataDir, DATABASE_FILE_NAME))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  // Deleted content is overwritten with zeros, not left in free pages: a deleted session, and
  // the update history a compaction drops, cannot be read back from the file (data protection).
  db.pragma('secure_delete = ON')
  // The CLI may write while the server runs; wait for the other writer instead of failing.
  db.pragma('busy_timeout = 5000')
  migrate(db)
  return db
}

/** The schema version this Pinnwand writes (PRAGMA user_version after all migrations). */
export const SCHEMA_VERSION = MIGRATIONS.length

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > MIGRATIONS.length)
    throw new Error(`DATA_DIR was written by a newer Pinnwand (schema ${current} > ${MIGRATIONS.length})`)
  db.transaction(() => {
    for (let version = current; version < MIGRATIONS.length; version++) db.exec(MIGRATIONS[version]!)
    db.pragma(`user_version = ${MIGRATIONS.length}`)
  }).immediate()
}
