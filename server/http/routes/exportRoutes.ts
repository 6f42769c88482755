import { z } from 'zod'
import { buildExport } from '../../../shared/export/exportModel.ts'
import { EXPORT_FORMAT_IDS, exportFileName, exportFormats } from '../../../shared/export/formats/index.ts'
import type { AppContext } from '../../app/appContext.ts'
import { parseInput } from '../httpError.ts'
import type { Router } from '../router.ts'
import { requireModerator, requireSession } from '../sessionAccess.ts'

const flag = (fallback: boolean) =>
  z
    .enum(['1', '0', 'true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? fallback : value === '1' || value === 'true'))

const exportQuery = z.object({
  format: z.enum(EXPORT_FORMAT_IDS).default('json'),
  anonymise: flag(false),
  includeEmpty: flag(true),
})

/**
 * `GET /api/sessions/:id/export?format=json|csv|md|docx[&anonymise=1][&includeEmpty=0]` for
 * moderators: the shared export model of the live document (including changes not yet flushed
 * by anyone else, since the room is the source of truth), rendered by shared/export/formats.
 */
export function registerExportRoutes(router: Router, app: AppContext): void {
  router.add('GET', '/api/sessions/:id/export', async ({ request, response, url, params }) => {
    const session = requireSession(app, params.id)
    requireModerator(session, request)
    const query = parseInput(exportQuery, Object.fromEntries(url.searchParams))
    const model = app.rooms.withRoom(session.id, (room) =>
      buildExport(room.doc, {
        sessionId: session.id,
        exportedAt: app.now(),
        anonymise: query.anonymise,
        includeEmpty: query.includeEmpty,
      }),
    )
    const format = exportFormats[query.format]
    const rendered = await format.render(model)
    const body = typeof rendered === 'string' ? Buffer.from(rendered, 'utf8') : Buffer.from(rendered)
    response.writeHead(200, {
      'Content-Type': format.contentType,
      'Content-Length': body.byteLength,
      // exportFileName is ASCII by construction, so no RFC 5987 encoding is needed.
      'Content-Disposition': `attachment; filename="${exportFileName(model, query.format)}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    })
    response.end(request.method === 'HEAD' ? undefined : body)
    return undefined
  })
}
