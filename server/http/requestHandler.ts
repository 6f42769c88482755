import type { IncomingMessage, ServerResponse } from 'node:http'
import { apiError, apiErrorBody } from '../../shared/api/apiError.ts'
import { HttpError } from './httpError.ts'
import type { OriginPolicy } from './originPolicy.ts'
import type { JsonReply, Router } from './router.ts'
import { setCommonSecurityHeaders } from './securityHeaders.ts'
import { logError } from '../logging/log.ts'

export type FallbackHandler = (request: IncomingMessage, response: ServerResponse) => void

/**
 * Routes a request: registered routes answer JSON (errors as `{ "error": text, "code": code, ...params }`,
 * shared/api/apiError.ts, never a crash); unknown `/api/` paths are JSON 404s; everything else goes to the fallback (the static
 * client in production, Vite in development).
 */
export function createRequestHandler(router: Router, fallback: () => FallbackHandler, originPolicy: OriginPolicy) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    setCommonSecurityHeaders(response)
    // A page of another site may make a browser send requests here (CSRF); anything that is
    // not a plain read must come from our own origin (or from no page at all: CLI, curl).
    if (!SAFE_METHODS.has(request.method ?? 'GET') && !originPolicy.allows(request)) {
      request.resume()
      return sendJson(response, { status: 403, body: apiErrorBody(apiError('crossOrigin')) })
    }
    let url: URL
    try {
      url = new URL(request.url ?? '/', 'http://localhost')
    } catch {
      return sendJson(response, { status: 400, body: apiErrorBody(apiError('malformedUrl')) })
    }
    const match = router.match(request.method ?? 'GET', url.pathname)
    if (match.kind === 'none') {
      if (url.pathname === '/api' || url.pathname.startsWith('/api/'))
        return sendJson(response, { status: 404, body: apiErrorBody(apiError('noSuchRoute', { method: request.method ?? 'GET', path: url.pathname })) })
      try {
        return fallback()(request, response)
      } catch (error) {
        logError(`[pinnwand] ${request.method} ${url.pathname} failed:`, error)
        return sendJson(response, { status: 500, body: apiErrorBody(apiError('internal')) })
      }
    }
    if (match.kind === 'wrongMethod')
      return sendJson(response, {
        status: 405,
        body: apiErrorBody(apiError('methodNotAllowed', { method: request.method ?? 'GET' })),
        headers: { Allow: match.allowed.join(', ') },
      })
    try {
      const reply = await match.handler({ request, response, url, params: match.params })
      if (reply) sendJson(response, reply)
    } catch (error) {
      if (error instanceof HttpError) return sendJson(response, { status: error.status, body: error.body })
      logError(`[pinnwand] ${request.method} ${url.pathname} failed:`, error)
      sendJson(response, { status: 500, body: apiErrorBody(apiError('internal')) })
    }
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function sendJson(response: ServerResponse, reply: JsonReply): void {
  if (response.headersSent) {
    response.end()
    return
  }
  const body = JSON.stringify(reply.body)
  response.writeHead(reply.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...reply.headers,
  })
  response.end(response.req.method === 'HEAD' ? undefined : body)
}
