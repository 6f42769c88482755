import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * Headers on every response: no MIME sniffing, no referrer (session links carry ids), no
 * framing, our files are not for other sites. No CORS headers anywhere: other origins cannot
 * read the API's answers.
 */
export function setCommonSecurityHeaders(response: ServerResponse): void {
  response.setHeader('X-Content-Type-Options', 'nosniff')
  response.setHeader('Referrer-Policy', 'no-referrer')
  response.setHeader('X-Frame-Options', 'DENY')
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
}

const SAFE_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/

/**
 * The Content-Security-Policy of the app's HTML: everything from our own origin only.
 * - `style-src 'unsafe-inline'`: tldraw and React set inline styles (and tldraw adds style
 *   elements at run time); scripts stay strictly 'self' (Vite's build has no inline script).
 * - `img-src data: blob:`: tldraw's canvas exports, icons and pasted images are data/blob URLs.
 * - `connect-src` names ws(s) of the request's own host besides 'self', for browsers that do
 *   not count websockets as 'self'; `blob:`/`data:` for tldraw reading its own generated images.
 */
export function contentSecurityPolicy(request: IncomingMessage): string {
  const host = request.headers.host
  const sockets = host && SAFE_HOST.test(host) ? ` ws://${host} wss://${host}` : ''
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${sockets} blob: data:`,
    "worker-src 'self' blob:",
    "media-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}
