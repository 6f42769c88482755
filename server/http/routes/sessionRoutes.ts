import * as z from 'zod'
import { apiError } from '../../../shared/api/apiError.ts'
import { TemplateError } from '../../../shared/template/templateSchema.ts'
import { ANONYMOUS_NAME, AUTHOR_NAME_MAX_LENGTH } from '../../../shared/workshop/recordMeta.ts'
import type { AppContext } from '../../app/appContext.ts'
import { createSession, resolveTemplate } from '../../sessions/createSession.ts'
import { sessionLinks } from '../../sessions/sessionLinks.ts'
import { HttpError, parseInput } from '../httpError.ts'
import { readJsonBody } from '../jsonBody.ts'
import type { Router } from '../router.ts'
import { publicBaseUrl, requireModerator, requireRole, requireSession } from '../sessionAccess.ts'
import { deleteSessionData } from '../../dataProtection/sessionDeletion.ts'

const createSessionBody = z
  .object({
    // Validated in detail by the shared template schema (resolveTemplate), which names the field.
    template: z.union([z.string().max(100), z.record(z.string(), z.unknown())]).optional(),
  })
  .strict()

const joinBody = z
  .object({
    name: z.string().trim().min(1).max(AUTHOR_NAME_MAX_LENGTH),
  })
  .strict()

/** Creating a session, reading it, and joining it as a participant. */
export function registerSessionRoutes(router: Router, app: AppContext): void {
  router.add('POST', '/api/sessions', async ({ request }) => {
    const { maxTemplateBytes, maxSessions } = app.config.limits
    const body = parseInput(
      createSessionBody,
      (await readJsonBody(request, maxTemplateBytes, apiError('templateTooLarge', { bytes: maxTemplateBytes }))) ?? {},
    )
    if (maxSessions > 0 && app.store.countSessions() >= maxSessions)
      throw new HttpError(507, apiError('tooManySessions', { max: maxSessions }))
    let template
    try {
      template = resolveTemplate(body.template)
    } catch (error) {
      if (error instanceof TemplateError) throw new HttpError(400, apiError('invalidTemplate', { ...error.issue, detail: error.message }))
      throw error
    }
    const session = createSession(app.store, template, app.now())
    return {
      status: 201,
      body: { id: session.id, title: session.title, ...sessionLinks(publicBaseUrl(app, request), session) },
    }
  })

  // The moderator deletes the workshop and all its data (DSGVO): connected clients are closed
  // with 4404, and the session is unknown afterwards.
  router.add('DELETE', '/api/sessions/:id', ({ request, params }) => {
    const session = requireSession(app, params.id)
    requireModerator(session, request)
    deleteSessionData(app, session.id, 'session deleted by the moderation')
    return { status: 200, body: { deleted: session.id } }
  })

  router.add('GET', '/api/sessions/:id', ({ request, params }) => {
    const session = requireSession(app, params.id)
    const role = requireRole(session, request)
    const { title, subtitle, intro, questions } = session.template
    return { status: 200, body: { id: session.id, title, subtitle, intro, questions, role } }
  })

  router.add('POST', '/api/sessions/:id/participants', async ({ request, params }) => {
    const session = requireSession(app, params.id)
    const { name } = parseInput(joinBody, await readJsonBody(request))
    const { participantId, participantToken } = app.participantTokens.issue(session.id)
    const displayName = name || ANONYMOUS_NAME
    app.store.addParticipant({ sessionId: session.id, participantId, name: displayName, createdAt: app.now().toISOString() })
    return { status: 201, body: { participantId, participantToken, name: displayName } }
  })
}
