import { openSqliteFile } from '../persistence/sqlite/sqliteFile.ts'
import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { existingDatabase, fileTimeStamp, invocationDir, readCommandLine, usageError } from './commandLine.ts'
import { checkDatabaseFile } from '../persistence/sqlite/checkDatabaseFile.ts'

const USAGE = `Usage: npm run backup -- [--out <file>] [--data-dir <dir>]

Makes a consistent copy of the Pinnwand database in DATA_DIR (default: env DATA_DIR, else
./data) while the server keeps running (SQLite's online backup). Without --out the copy is
pinnwand-backup-<date>-<time>.sqlite in the current directory. An existing file is never
overwritten. The copy holds everything: sessions, notes, participants, sealed notes and the
server secret that signs participant tokens. Restoring: npm run restore -- <file>.

Exit codes: 0 written, 1 no database / file exists / backup failed, 2 bad arguments.`

/** `npm run backup`: SQLite's online backup API through better-sqlite3, checked afterwards. */
async function main(argv: string[]): Promise<number> {
  const line = readCommandLine(argv, USAGE, { out: { type: 'string', short: 'o' } })
  if (typeof line === 'number') return line
  const { values, positionals, dataDir } = line
  if (positionals.length > 0) return usageError(`unexpected argument "${positionals[0]}"`, USAGE)
  const source = existingDatabase(dataDir)
  if (!source) return 1
  const out = resolve(invocationDir(), values.out ?? defaultFileName(new Date()))
  if (existsSync(out)) {
    console.error(`${out} exists already; choose another --out (a backup never overwrites a file).`)
    return 1
  }

  // Read-only: the backup never writes to the live database; WAL lets it read while the server writes.
  const db = openSqliteFile(source, { readonly: true, fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    await db.backup(out)
  } catch (error) {
    console.error(`Backup failed: ${(error as Error).message}`)
    return 1
  } finally {
    db.close()
  }

  // A single self-contained file (no -wal next to it), checked before it counts as written.
  const copy = openSqliteFile(out)
  try {
    copy.pragma('journal_mode = DELETE')
  } finally {
    copy.close()
  }
  try {
    const { sessions } = checkDatabaseFile(out)
    console.error(`Backup written: ${out} (${sessions} sessions, ${statSync(out).size} bytes, integrity ok)`)
  } catch (error) {
    console.error(`Backup written to ${out} but it does not check out: ${(error as Error).message}`)
    return 1
  }
  return 0
}

function defaultFileName(now: Date): string {
  return `pinnwand-backup-${fileTimeStamp(now)}.sqlite`
}

process.exitCode = await main(process.argv.slice(2))
