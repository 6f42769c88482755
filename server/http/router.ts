import type { IncomingMessage, ServerResponse } from 'node:http'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RouteContext {
  request: IncomingMessage
  response: ServerResponse
  url: URL
  /** `:name` segments of the pattern, URL-decoded. */
  params: Record<string, string>
}

/** What a handler returns: a JSON reply, or `undefined` when it wrote the response itself. */
export interface JsonReply {
  status: number
  body: unknown
  headers?: Record<string, string>
}

export type RouteHandler = (context: RouteContext) => JsonReply | undefined | Promise<JsonReply | undefined>

interface Route {
  method: HttpMethod
  segments: string[]
  handler: RouteHandler
}

export type RouteMatch =
  | { kind: 'found'; handler: RouteHandler; params: Record<string, string> }
  | { kind: 'wrongMethod'; allowed: HttpMethod[] }
  | { kind: 'none' }

/**
 * A deliberately small router: patterns like `/api/sessions/:id/moderation`, exact segment
 * matching, no regexes. Route modules register themselves with `add`, so a new route is one
 * new file plus one line in server/http/routes/index.ts.
 */
export class Router {
  private readonly routes: Route[] = []

  add(method: HttpMethod, pattern: string, handler: RouteHandler): this {
    this.routes.push({ method, segments: splitPath(pattern), handler })
    return this
  }

  match(method: string, pathname: string): RouteMatch {
    const segments = splitPath(pathname)
    const allowed: HttpMethod[] = []
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments)
      if (!params) continue
      if (route.method === method || (method === 'HEAD' && route.method === 'GET'))
        return { kind: 'found', handler: route.handler, params }
      allowed.push(route.method)
    }
    return allowed.length > 0 ? { kind: 'wrongMethod', allowed } : { kind: 'none' }
  }
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '')
}

function matchSegments(pattern: string[], path: string[]): Record<string, string> | undefined {
  if (pattern.length !== path.length) return undefined
  const params: Record<string, string> = {}
  for (let index = 0; index < pattern.length; index++) {
    const expected = pattern[index]!
    const actual = path[index]!
    if (expected.startsWith(':')) {
      try {
        params[expected.slice(1)] = decodeURIComponent(actual)
      } catch {
        params[expected.slice(1)] = actual // undecodable: left raw, the id check refuses it
      }
    } else if (expected !== actual) return undefined
  }
  return params
}
