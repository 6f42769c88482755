import * as Y from 'yjs'
import { builtInTemplates, defaultTemplate } from '../../shared/template/defaultTemplate.ts'
import { parseTemplate, TemplateError, type WorkshopTemplate } from '../../shared/template/templateSchema.ts'
import { seedSessionDocument } from '../../shared/workshop/seedSession.ts'
import type { SessionStore, StoredSession } from '../persistence/sessionStore.ts'
import { newSecretToken, newSessionId } from './identifiers.ts'

/**
 * The template a session is created from: none = the seed workshop, a string = a built-in
 * template's id, an object = a template validated with the shared schema. Errors name the field
 * relative to the request body (`template.questions.2`).
 */
export function resolveTemplate(input: unknown): WorkshopTemplate {
  if (input === undefined || input === null) return defaultTemplate
  if (typeof input === 'string') {
    const builtIn = builtInTemplates[input]
    if (!builtIn) throw new TemplateError(`Unknown built-in template "${input}"`, { field: 'template', problem: 'notAllowed', limit: 0 })
    return builtIn
  }
  try {
    return parseTemplate(input)
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error
    const field = error.field ? `template.${error.field}` : 'template'
    throw new TemplateError(error.message.replace(`"${error.field || '(root)'}"`, `"${field}"`), { ...error.issue, field })
  }
}

/**
 * Creates a session: seeds its document once, here on the server, and stores session and
 * document in one transaction, so a client can never see a session without its boards.
 */
export function createSession(store: SessionStore, template: WorkshopTemplate, now = new Date()): StoredSession {
  const doc = new Y.Doc()
  try {
    seedSessionDocument(doc, template, now)
    const session: StoredSession = {
      id: newSessionId(),
      title: template.title,
      moderatorToken: newSecretToken(),
      viewerToken: newSecretToken(),
      createdAt: now.toISOString(),
      template,
    }
    store.createSession(session, Y.encodeStateAsUpdate(doc))
    return session
  } finally {
    doc.destroy()
  }
}
