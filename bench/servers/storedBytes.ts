import Database from 'better-sqlite3'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export interface StoredBytes {
  /** Sum of the stored Yjs update blobs of the session. */
  updateBytes: number
  updateRows: number
  /** Size of every file in the data directory (database, WAL, shared memory). */
  filesBytes: number
}

/**
 * What our server keeps on disk for a session, read from its SQLite file (read-only, beside the
 * running server: WAL mode allows it). Knows the `updates(session_id, seq, data)` table of
 * server/persistence; if that ever changes, only the file sizes remain.
 */
export function storedBytes(dataDir: string, sessionId: string): StoredBytes {
  let filesBytes = 0
  let database: string | undefined
  for (const name of readdirSync(dataDir)) {
    const path = join(dataDir, name)
    const stat = statSync(path)
    if (!stat.isFile()) continue
    filesBytes += stat.size
    if (name.endsWith('.sqlite') || name.endsWith('.db')) database = path
  }
  if (!database) return { updateBytes: Number.NaN, updateRows: 0, filesBytes }
  const db = new Database(database, { readonly: true, fileMustExist: true })
  try {
    const row = db.prepare('SELECT coalesce(sum(length(data)), 0) AS bytes, count(*) AS rows FROM updates WHERE session_id = ?').get(sessionId) as {
      bytes: number
      rows: number
    }
    return { updateBytes: row.bytes, updateRows: row.rows, filesBytes }
  } catch {
    return { updateBytes: Number.NaN, updateRows: 0, filesBytes }
  } finally {
    db.close()
  }
}
