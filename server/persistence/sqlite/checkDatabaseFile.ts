import type Database from 'better-sqlite3'
import { openSqliteFile } from './sqliteFile.ts'
import { SCHEMA_VERSION } from './openDatabase.ts'

export interface DatabaseFileSummary {
  sessions: number
  /** PRAGMA user_version: the schema the file was written with. */
  schema: number
}

/**
 * Checks that `path` is a whole Pinnwand database this version can open: SQLite's integrity
 * check passes, the sessions table is there, and its schema is not newer than ours. Throws an
 * error saying which of these failed; opens the file read-only.
 */
export function checkDatabaseFile(path: string): DatabaseFileSummary {
  let db: Database.Database
  try {
    db = openSqliteFile(path, { readonly: true, fileMustExist: true })
  } catch (error) {
    throw new Error(`${path} cannot be opened as a database: ${(error as Error).message}`)
  }
  try {
    let integrity: unknown
    try {
      integrity = db.pragma('integrity_check', { simple: true })
    } catch (error) {
      throw new Error(`${path} is not a SQLite database: ${(error as Error).message}`)
    }
    if (integrity !== 'ok') throw new Error(`${path} failed SQLite's integrity check: ${String(integrity)}`)
    const schema = db.pragma('user_version', { simple: true }) as number
    if (schema > SCHEMA_VERSION) throw new Error(`${path} was written by a newer Pinnwand (schema ${schema} > ${SCHEMA_VERSION})`)
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sessions'").get()
    if (!table) throw new Error(`${path} is a SQLite database, but not a Pinnwand one (no sessions table)`)
    const { count } = db.prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM sessions').get()!
    return { sessions: count, schema }
  } finally {
    db.close()
  }
}
