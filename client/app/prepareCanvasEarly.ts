import { loadWorkshopCanvas } from '../canvas/loadWorkshopCanvas.ts'
import { expectedView } from '../docView/viewChoice.ts'
import { parseRoute } from './routes.ts'
import { prefetchSessionRequests } from './sessionPrefetch.ts'

/**
 * Imported first by main.tsx, so it runs before the rest of the app is even evaluated: a
 * session link sends its first requests at once, and, when it will open on the canvas, starts
 * loading tldraw's chunk. Its download and parse (1.7 MB) then overlap loading the session and
 * its document instead of following them. The phone view and the list never load it (see
 * expectedView); tldraw's fonts follow once the session's info is there (SessionPage).
 */
try {
  const route = parseRoute(window.location.pathname, window.location.hash)
  if (route.page === 'session') {
    prefetchSessionRequests(route.sessionId, route.roleToken)
    if (expectedView(route.roleHint) === 'canvas') void loadWorkshopCanvas().catch(() => undefined) // shows when the canvas renders
  }
} catch {
  // Only a head start: whatever fails here, the app does again the ordinary way (and reports it).
}
