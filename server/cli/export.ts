import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { EXPORT_FORMAT_IDS, isExportFormatId } from '../../shared/export/formats/index.ts'
import { existingDatabase, invocationDir, readCommandLine, usageError } from './commandLine.ts'
import { renderSessionExport } from '../export/sessionExport.ts'
import { loadStoredSessionDocument } from '../export/storedSessionDocument.ts'
import { SqliteSessionStore } from '../persistence/sqlite/sqliteSessionStore.ts'
import { isValidSessionId } from '../sessions/identifiers.ts'

const USAGE = `Usage: npm run -s export -- --session <id> [--format ${EXPORT_FORMAT_IDS.join('|')}] [--out <file>]
                              [--anonymise] [--without-empty] [--data-dir <dir>]

Exports a workshop straight from DATA_DIR (default: env DATA_DIR, else ./data), whether the
server is running or stopped. Default format: md. Without --out, text formats go to stdout
(use npm's -s so npm's own banner stays out of it) and docx is written to its default file
name in the current directory; --out - forces stdout.

Exit codes: 0 written, 1 unknown session or no database, 2 bad arguments.`

/** `npm run export`: the same export as the HTTP route, read from SQLite by the CLI itself. */
async function main(argv: string[]): Promise<number> {
  const line = readCommandLine(argv, USAGE, {
    session: { type: 'string', short: 's' },
    format: { type: 'string', short: 'f', default: 'md' },
    out: { type: 'string', short: 'o' },
    anonymise: { type: 'boolean', default: false },
    'without-empty': { type: 'boolean', default: false },
  })
  if (typeof line === 'number') return line
  const { values, positionals, dataDir } = line
  const sessionId = values.session ?? positionals[0]
  if (positionals.length > (values.session ? 0 : 1)) return usageError(`unexpected argument "${positionals.at(-1)}"`, USAGE)
  if (!sessionId) return usageError('--session <id> is required', USAGE)
  if (!isValidSessionId(sessionId)) return usageError(`malformed session id "${sessionId}"`, USAGE)
  const format = values.format
  if (!isExportFormatId(format)) return usageError(`unknown format "${format}"; formats: ${EXPORT_FORMAT_IDS.join(', ')}`, USAGE)

  if (!existingDatabase(dataDir)) return 1
  // A normal open (WAL): reading works while the server runs, and the CLI never writes.
  const store = SqliteSessionStore.open(dataDir)
  let rendered
  try {
    if (!store.getSession(sessionId)) {
      console.error(`Unknown session "${sessionId}" in ${dataDir}.`)
      return 1
    }
    const doc = loadStoredSessionDocument(store, sessionId)
    rendered = await renderSessionExport(doc, {
      sessionId,
      format,
      anonymise: values.anonymise,
      includeEmpty: !values['without-empty'],
      exportedAt: new Date(),
    })
    doc.destroy()
  } finally {
    store.close()
  }
  const out = values.out ?? (rendered.binary ? rendered.fileName : '-')
  if (out === '-') process.stdout.write(rendered.body)
  else {
    writeFileSync(resolve(invocationDir(), out), rendered.body)
    console.error(`Written: ${out}`)
  }
  return 0
}

process.exitCode = await main(process.argv.slice(2))
