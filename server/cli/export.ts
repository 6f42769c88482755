import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { buildExport } from '../../shared/export/exportModel.ts'
import { EXPORT_FORMAT_IDS, exportFileName, exportFormats, isExportFormatId } from '../../shared/export/formats/index.ts'
import { loadConfig } from '../config.ts'
import { loadSessionDocument } from '../persistence/loadSessionDocument.ts'
import { migrateDocumentSchema } from '../persistence/schemaMigration.ts'
import { SqliteSessionStore } from '../persistence/sqlite/sqliteSessionStore.ts'
import { isValidSessionId } from '../sessions/identifiers.ts'

const USAGE = `Usage: npm run export -- <sessionId> [--format ${EXPORT_FORMAT_IDS.join('|')}] [--anonymise] [--no-empty] [--out <file>]
Reads the session from DATA_DIR (server running or not). Without --out, text formats go to stdout
and docx is written to its default file name in the current directory.`

/** `npm run export`: the same export as the HTTP route, straight from SQLite. */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'md' },
      anonymise: { type: 'boolean', default: false },
      'no-empty': { type: 'boolean', default: false },
      out: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const sessionId = positionals[0]
  if (values.help || !sessionId) {
    console.log(USAGE)
    return values.help ? 0 : 1
  }
  if (!isValidSessionId(sessionId)) return fail(`malformed session id "${sessionId}"`)
  if (!isExportFormatId(values.format)) return fail(`unknown format "${values.format}"`)
  const store = SqliteSessionStore.open(loadConfig().dataDir)
  try {
    if (!store.getSession(sessionId)) return fail(`unknown session "${sessionId}"`)
    const doc = loadSessionDocument(store, sessionId)
    // Only in memory: the CLI reads, the server writes migrations back when it loads the session.
    migrateDocumentSchema(doc, null)
    const model = buildExport(doc, {
      sessionId,
      exportedAt: new Date(),
      anonymise: values.anonymise ?? false,
      includeEmpty: !values['no-empty'],
    })
    const rendered = await exportFormats[values.format].render(model)
    const out = values.out ?? (typeof rendered === 'string' ? undefined : exportFileName(model, values.format))
    if (out === undefined) process.stdout.write(rendered)
    else {
      writeFileSync(out, rendered)
      console.error(`written: ${out}`)
    }
    return 0
  } finally {
    store.close()
  }
}

function fail(message: string): number {
  console.error(`${message}\n\n${USAGE}`)
  return 1
}

process.exitCode = await main()
