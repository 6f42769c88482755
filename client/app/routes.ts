/**
 * The client's pages, read from the URL. Role tokens travel in the fragment
 * (`#moderator=` / `#viewer=`) so page loads never send them to the server's logs.
 */
export type Route =
  | { page: 'start' }
  | { page: 'session'; sessionId: string; roleToken?: string; roleHint: 'participant' | 'moderator' | 'viewer' }
  | { page: 'notFound' }

export function parseRoute(pathname: string, hash: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'start' }
  const match = /^\/s\/([^/]+)\/?$/.exec(pathname)
  if (!match) return { page: 'notFound' }
  const sessionId = decodeURIComponent(match[1]!)
  const fragment = new URLSearchParams(hash.replace(/^#/, ''))
  const moderator = fragment.get('moderator')
  if (moderator) return { page: 'session', sessionId, roleToken: moderator, roleHint: 'moderator' }
  const viewer = fragment.get('viewer')
  if (viewer) return { page: 'session', sessionId, roleToken: viewer, roleHint: 'viewer' }
  return { page: 'session', sessionId, roleHint: 'participant' }
}
