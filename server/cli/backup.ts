import Database from 'better-sqlite3'
import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.ts'
import { DATABASE_FILE_NAME } from '../persistence/sqlite/openDatabase.ts'

const USAGE = `Usage: npm run backup -- [--out <file>] [--data-dir <dir>]

Makes a consistent copy of the Pinnwand database in DATA_DIR (default: env DATA_DIR, else
./data) while the server keeps running (SQLite's online backup). Without --out the copy is
pinnwand-backup-<date>-<time>.sqlite in the current directory. An existing file is never
overwritten. The copy holds everything: sessions, notes, participants, sealed notes and the
server secret that signs participant tokens. Restoring: see server/README.md.

Exit codes: 0 written, 1 no database / file exists / backup failed, 2 bad arguments.`

/** `npm run backup`: SQLite's online backup API through better-sqlite3, checked afterwards. */
async function main(argv: string[]): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }))
  } catch (error) {
    return usageError((error as Error).message)
  }
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  let dataDir: string
  try {
    dataDir = values['data-dir'] ? resolve(invocationDir(), values['data-dir']) : loadConfig().dataDir
  } catch (error) {
    return usageError((error as Error).message)
  }
  const source = join(dataDir, DATABASE_FILE_NAME)
  if (!existsSync(source)) {
    console.error(`No Pinnwand database in ${dataDir} (expected ${DATABASE_FILE_NAME}); set --data-dir or DATA_DIR.`)
    return 1
  }
  const out = resolve(invocationDir(), values.out ?? defaultFileName(new Date()))
  if (existsSync(out)) {
    console.error(`${out} exists already; choose another --out (a backup never overwrites a file).`)
    return 1
  }

  // Read-only: the backup never writes to the live database; WAL lets it read while the server writes.
  const db = new Database(source, { readonly: true, fileMustExist: true })
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
  const copy = new Database(out)
  try {
    copy.pragma('journal_mode = DELETE')
    const integrity = copy.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') {
      console.error(`Backup written to ${out} but its integrity check failed: ${String(integrity)}`)
      return 1
    }
    const { count } = copy.prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM sessions').get()!
    console.error(`Backup written: ${out} (${count} sessions, ${statSync(out).size} bytes, integrity ok)`)
  } finally {
    copy.close()
  }
  return 0
}

function defaultFileName(now: Date): string {
  const stamp = now.toISOString().replace(/\..*$/, '').replace(/[-:]/g, '').replace('T', '-')
  return `pinnwand-backup-${stamp}.sqlite`
}

/** Where the user typed the command (npm moves into the package root; INIT_CWD keeps the original). */
function invocationDir(): string {
  return process.env.INIT_CWD || process.cwd()
}

function usageError(message: string): number {
  console.error(`${message}\n\n${USAGE}`)
  return 2
}

process.exitCode = await main(process.argv.slice(2))
