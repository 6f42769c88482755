import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { defaultTemplate } from '../../shared/template/defaultTemplate.ts'
import { parseTemplateJson, TemplateError } from '../../shared/template/templateSchema.ts'
import { loadConfig } from '../config.ts'
import { SqliteSessionStore } from '../persistence/sqlite/sqliteSessionStore.ts'
import { createSession } from '../sessions/createSession.ts'
import { sessionLinks } from '../sessions/sessionLinks.ts'

/**
 * `npm run create-session -- [--template file.json]`: creates a session straight in DATA_DIR
 * (works with the server stopped or running; SQLite serialises the writers) and prints its links.
 * Links use PUBLIC_URL, else http://localhost:PORT.
 */
function main(): number {
  const { values } = parseArgs({
    options: { template: { type: 'string', short: 't' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  })
  if (values.help) {
    console.log('Usage: npm run create-session -- [--template path/to/template.json]')
    return 0
  }
  const config = loadConfig()
  let template = defaultTemplate
  if (values.template) {
    try {
      template = parseTemplateJson(readFileSync(values.template, 'utf8'))
    } catch (error) {
      if (error instanceof TemplateError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
        console.error(`${values.template}: ${(error as Error).message}`)
        return 1
      }
      throw error
    }
  }
  const store = SqliteSessionStore.open(config.dataDir)
  try {
    const session = createSession(store, template)
    const links = sessionLinks(config.publicUrl ?? `http://localhost:${config.port}`, session)
    console.log(`Workshop "${session.title}" angelegt (id ${session.id})`)
    console.log(`Teilnehmende: ${links.participantUrl}`)
    console.log(`Moderation:   ${links.moderatorUrl}`)
    console.log(`Beamer:       ${links.viewerUrl}`)
    return 0
  } finally {
    store.close()
  }
}

process.exitCode = main()
