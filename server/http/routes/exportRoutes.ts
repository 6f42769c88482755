import * as z from 'zod'
import { EXPORT_FORMAT_IDS } from '../../../shared/export/formats/index.ts'
import type { AppContext } from '../../app/appContext.ts'
import { loadStoredSessionDocument } from '../../export/storedSessionDocument.ts'
import { parseInput } from '../httpError.ts'
import type { Router } from '../router.ts'
import { requireModerator, requireSession } from '../sessionAccess.ts'

const flag = (name: string, fallback: boolean) =>
  z
    .enum(['1', '0', 'true', 'false'], { error: `${name} must be 1 or 0` })
    .optional()
    .transform((value) => (value === undefined ? fallback : value === '1' || value === 'true'))

const exportQuery = z.object({
  format: z.enum(EXPORT_FORMAT_IDS, { error: `format must be one of ${EXPORT_FORMAT_IDS.join(', ')}` }).default('json'),
  anonymise: flag('anonymise', false),
  includeEmpty: flag('includeEmpty', true),
})

/**
 * `GET /api/sessions/:id/export?format=json|csv|md|docx[&anonymise=1][&includeEmpty=0]` for
 * moderators: the shared export model rendered by shared/export/formats, as a download.
 *
 * A loaded room is the source of truth (it may hold updates a tick ahead of SQLite); a session
 * nobody is connected to is read from the store without loading a room, so an export never keeps
 * a session in memory or migrates it as a side effect.
 */
export function registerExportRoutes(router: Router, app: AppContext): void {
  router.add('GET', '/api/sessions/:id/export', async ({ request, response, url, params }) => {
    const session = requireSession(app, params.id)
    requireModerator(session, request)
    const query = parseInput(exportQuery, Object.fromEntries(url.searchParams))
    const live = app.rooms.loaded(session.id)
    const doc = live?.doc ?? loadStoredSessionDocument(app.store, session.id)
    let rendered
    try {
      // Loaded on the first export, not at start: the export model's schemas take ≈ 12 ms to
      // build, which a restarting server would otherwise spend before its first client syncs.
      const { renderSessionExport } = await import('../../export/sessionExport.ts')
      rendered = await renderSessionExport(doc, { sessionId: session.id, exportedAt: app.now(), ...query })
    } finally {
      if (!live) doc.destroy()
    }
    response.writeHead(200, {
      'Content-Type': rendered.contentType,
      'Content-Length': rendered.body.byteLength,
      // exportFileName is ASCII by construction, so no RFC 5987 encoding is needed.
      'Content-Disposition': `attachment; filename="${rendered.fileName}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    })
    response.end(request.method === 'HEAD' ? undefined : rendered.body)
    return undefined
  })
}
