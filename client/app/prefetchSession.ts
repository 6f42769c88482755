import { parseRoute } from './routes.ts'
import { prefetchSessionRequests } from './sessionPrefetch.ts'

/**
 * Imported first by main.tsx, so it runs before the rest of the app is evaluated and rendered:
 * a session link sends its info and config requests at once. The info decides the role and
 * opens the connection, so the board waited for it behind the app's start-up before.
 */
try {
  const route = parseRoute(window.location.pathname, window.location.hash)
  if (route.page === 'session') prefetchSessionRequests(route.sessionId, route.roleToken)
} catch {
  // Only a head start: whatever fails here, the app does again the ordinary way (and reports it).
}
