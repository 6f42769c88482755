import { z } from 'zod'
import { TemplateError } from '../../../shared/template/templateSchema.ts'
import { ANONYMOUS_NAME, AUTHOR_NAME_MAX_LENGTH } from '../../../shared/workshop/recordMeta.ts'
import type { AppContext } from '../../app/appContext.ts'
import { createSession, resolveTemplate } from '../../sessions/createSession.ts'
import { sessionLinks } from '../../sessions/sessionLinks.ts'
import { HttpError, parseInput } from '../httpError.ts'
import { readJsonBody } from '../jsonBody.ts'
import type { Router } from '../router.ts'
import { publicBaseUrl, requireRole, requireSession } from '../sessionAccess.ts'

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
    const body = parseInput(createSessionBody, (await readJsonBody(request)) ?? {})
    let template
    try {
      template = resolveTemplate(body.template)
    } catch (error) {
      if (error instanceof TemplateError) throw new HttpError(400, error.message)
      throw error
    }
    const session = createSession(app.store, template, app.now())
    return {
      status: 201,
      body: { id: session.id, title: session.title, ...sessionLinks(publicBaseUrl(app, request), session) },
    }
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
