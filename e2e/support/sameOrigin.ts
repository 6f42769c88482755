import type { BrowserContext, Page } from '@playwright/test'

/**
 * Records every request and websocket a browser context opens that does not go to `origin`
 * (data: and blob: URLs are local). Self-hosted means this list stays empty.
 */
export function watchForeignRequests(context: BrowserContext, origin: string, foreign: string[] = []): string[] {
  const wsOrigin = origin.replace(/^http/, 'ws')
  const isLocal = (url: string) =>
    url.startsWith(origin + '/') || url === origin || url.startsWith(wsOrigin + '/') || url.startsWith('data:') || url.startsWith('blob:')
  context.on('request', (request) => {
    if (!isLocal(request.url())) foreign.push(request.url())
  })
  const watchSockets = (page: Page) =>
    page.on('websocket', (socket) => {
      if (!isLocal(socket.url())) foreign.push(socket.url())
    })
  context.pages().forEach(watchSockets)
  context.on('page', watchSockets)
  return foreign
}
