import { createReadStream, existsSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'
import { contentSecurityPolicy } from './securityHeaders.ts'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
}

/** Vite puts content-hashed files under assets/: their content never changes under a name. */
const IMMUTABLE_PREFIX = '/assets/'

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Pinnwand: client not built</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto">
<h1>Pinnwand is running, but the web client has not been built</h1>
<p>Run <code>npm run build</code> (or start with <code>npm start</code>, which builds first), then reload.</p>
<p>Der Server läuft, aber der Web-Client fehlt: bitte <code>npm run build</code> ausführen.</p>
</body></html>`

/**
 * Serves the built client (dist/client): files with their content type, hashed assets cached
 * forever, and the SPA's index.html for client routes like `/s/<id>`. Paths are resolved inside
 * the root and checked, so `..`, encoded slashes or NUL bytes cannot reach other files.
 */
export function createStaticClient(rootDir: string): (request: IncomingMessage, response: ServerResponse) => void {
  const root = resolve(rootDir)
  const indexFile = join(root, 'index.html')

  return (request, response) => {
    response.setHeader('X-Content-Type-Options', 'nosniff')
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' })
      response.end('Method not allowed')
      return
    }
    if (!existsSync(indexFile)) {
      response.writeHead(503, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Content-Security-Policy': contentSecurityPolicy(request),
      })
      response.end(request.method === 'HEAD' ? undefined : NOT_BUILT_PAGE)
      return
    }
    const pathname = safePathname(request.url ?? '/')
    if (pathname === null) return notFound(response)

    const candidate = resolve(root, '.' + pathname)
    const inside = candidate === root || candidate.startsWith(root + sep)
    if (inside && candidate !== root && isFile(candidate)) {
      const cacheControl = pathname.startsWith(IMMUTABLE_PREFIX)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache'
      return sendFile(request, response, candidate, cacheControl)
    }
    // Client-side routes (no file extension) get the app; a missing file stays a 404.
    if (extname(pathname) === '' || pathname.endsWith('.html')) return sendFile(request, response, indexFile, 'no-cache')
    notFound(response)
  }
}

/** The decoded path, or null when it is not a plain path (NUL bytes, dot-segments, bad escapes). */
function safePathname(rawUrl: string): string | null {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(rawUrl, 'http://localhost').pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null
  if (pathname.split('/').some((segment) => segment.startsWith('.'))) return null
  return pathname
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

function sendFile(request: IncomingMessage, response: ServerResponse, path: string, cacheControl: string): void {
  const type = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
  const size = statSync(path).size
  response.writeHead(200, {
    'Content-Type': type,
    'Content-Length': size,
    'Cache-Control': cacheControl,
    // The app's pages (and any HTML or SVG someone opens directly) run under the strict policy.
    ...(type.startsWith('text/html') || type === 'image/svg+xml' ? { 'Content-Security-Policy': contentSecurityPolicy(request) } : {}),
  })
  if (request.method === 'HEAD') {
    response.end()
    return
  }
  const stream = createReadStream(path)
  stream.on('error', () => response.destroy())
  stream.pipe(response)
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
  response.end('Not found')
}
