import { openSqliteFile } from '../persistence/sqlite/sqliteFile.ts'
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { checkDatabaseFile } from '../persistence/sqlite/checkDatabaseFile.ts'
import { DATABASE_FILE_NAME } from '../persistence/sqlite/openDatabase.ts'
import { fileTimeStamp, invocationDir, readCommandLine, usageError } from './commandLine.ts'

const USAGE = `Usage: npm run restore -- <backup file> [--data-dir <dir>]

Puts a backup made with npm run backup in place as the Pinnwand database of DATA_DIR (default:
env DATA_DIR, else ./data). Stop the server first: a database in use is refused. The backup is
checked before anything changes (SQLite's integrity check, a Pinnwand schema no newer than this
version). The database it replaces is kept beside it as pinnwand.sqlite.before-restore-<date>-<time>,
never deleted.

Exit codes: 0 restored, 1 backup unusable / server running / restore failed, 2 bad arguments.`

/** SQLite's side files of a WAL database: a stale -wal beside a restored file would be applied on top of it. */
const SIDE_FILES = ['-wal', '-shm'] as const

/** `npm run restore`: the manual restore steps of server/README.md, with the checks a person forgets. */
function main(argv: string[]): number {
  const line = readCommandLine(argv, USAGE, {})
  if (typeof line === 'number') return line
  const { positionals, dataDir } = line
  if (positionals.length !== 1) return usageError(positionals.length === 0 ? 'the backup file is missing' : `unexpected argument "${positionals[1]}"`, USAGE)
  const backup = resolve(invocationDir(), positionals[0]!)
  let summary
  try {
    summary = checkDatabaseFile(backup)
  } catch (error) {
    console.error(`Not restored: ${(error as Error).message}. Nothing was changed.`)
    return 1
  }

  const live = join(dataDir, DATABASE_FILE_NAME)
  if (backup === live) return usageError(`${backup} is the database of ${dataDir} itself; name a backup file`, USAGE)
  let aside: string | undefined
  if (existsSync(live)) {
    let busy: boolean
    try {
      busy = inUse(live)
    } catch (error) {
      console.error(`Not restored: the database in ${dataDir} could not be checked: ${(error as Error).message}. Nothing was changed.`)
      return 1
    }
    if (busy) {
      console.error(`Not restored: the database in ${dataDir} is in use. Stop the Pinnwand server first. Nothing was changed.`)
      return 1
    }
    aside = `${live}.before-restore-${fileTimeStamp(new Date())}`
    moveDatabase(live, aside)
  } else {
    mkdirSync(dataDir, { recursive: true })
    for (const suffix of SIDE_FILES) rmSync(live + suffix, { force: true })
  }

  // Copied under another name first and renamed: the server never finds half a file.
  const incoming = `${live}.restoring`
  try {
    copyFileSync(backup, incoming)
    renameSync(incoming, live)
    checkDatabaseFile(live)
  } catch (error) {
    // Whatever is in the way (even something that cannot be removed) must not stop the way back.
    try {
      rmSync(incoming, { force: true })
    } catch {}
    // Back to how it was: the old database in its place, not an empty one created at next start.
    if (aside) {
      rmSync(live, { force: true })
      moveDatabase(aside, live)
    }
    console.error(`Restore failed, nothing was changed: ${(error as Error).message}`)
    return 1
  }
  if (aside) console.error(`The replaced database is kept as ${aside}`)
  console.error(`Restored: ${backup} is now the database of ${dataDir} (${summary.sessions} sessions, schema ${summary.schema}). Start the server.`)
  return 0
}

/** Renames a database file with whichever of its side files exist. */
function moveDatabase(from: string, to: string): void {
  for (const suffix of ['', ...SIDE_FILES]) if (existsSync(from + suffix)) renameSync(from + suffix, to + suffix)
}

/**
 * Whether a server has the database open. A running server keeps its connection (and with it
 * the WAL) open, so an exclusive lock cannot be had; a stopped one holds nothing. Taking the
 * lock also folds a WAL left by a killed server into the file before it is moved aside.
 */
function inUse(path: string): boolean {
  const db = openSqliteFile(path, { fileMustExist: true, timeout: 0 })
  try {
    db.pragma('locking_mode = EXCLUSIVE')
    db.exec('BEGIN EXCLUSIVE')
    db.exec('COMMIT')
    return false
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'SQLITE_BUSY') return true
    // A damaged file cannot be a running server's either; replacing it is what restore is for.
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return false
    throw error
  } finally {
    db.close()
  }
}

process.exitCode = main(process.argv.slice(2))
