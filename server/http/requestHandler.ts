import type { IncomingMessage, ServerResponse } from 'node:http'
import { HttpError } from './httpError.ts'
import type { OriginPolicy } from './originPolicy.ts'
import type { JsonReply, Router } from './router.ts'
import { setCommonSecurityHeaders } from './securityHeaders.ts'
import { logError } from '../logging/log.ts'

export type FallbackHandler = (request: IncomingMessage, response: ServerResponse) => void

/**
 * Routes a request: registered routes answer JSON (errors as `{ "error": message }`, never a
 * crash); unknown `/api/` paths are JSON 404s; everything else goes to the fallback (the static
 * client in production, Vite in development).
 */
export function createRequestHandler(router: Router, fallback: () => FallbackHandler, originPolicy: OriginPolicy) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    setCommonSecurityHeaders(response)
    // A page of another site may make a browser send requests here (CSRF); anything that is
    // not a plain read must come from our own origin (or from no page at all: CLI, curl).
    if (!SAFE_METHODS.has(request.method ?? 'GET') && !originPolicy.allows(request)) {
      request.resume()
      return sendJson(response, { status: 403, body: { error: 'Cross-origin request refused' } })
    }
    let url: URL
    try {
      url = new URL(request.url ?? '/', 'http://localhost')
    } catch {
      return sendJson(response, { status: 400, body: { error: 'Malformed URL' } })
    }
    const match = router.match(request.method ?? 'GET', url.pathname)
    if (match.kind === 'none') {
      if (url.pathname === '/api' || url.pathname.startsWith('/api/'))
        return sendJson(response, { status: 404, body: { error: `No such API route: ${request.method} ${url.pathname}` } })
      try {
        return fallback()(request, response)
      } catch (error) {
        logError(`[pinnwand] ${request.method} ${url.pathname} failed:`, error)
        return sendJson(response, { status: 500, body: { error: 'Internal server error' } })
      }
    }
    if (match.kind === 'wrongMethod')
      return sendJson(response, {
        status: 405,
        body: { error: `Method ${request.method} not allowed` },
        headers: { Allow: match.allowed.join(', ') },
      })
    try {
      const reply = await match.handler({ request, response, url, params: match.params })
      if (reply) sendJson(response, reply)
    } catch (error) {
      if (error instanceof HttpError) return sendJson(response, { status: error.status, body: { error: error.message } })
      logError(`[pinnwand] ${request.method} ${url.pathname} failed:`, error)
      sendJson(response, { status: 500, body: { error: 'Internal server error' } })
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
