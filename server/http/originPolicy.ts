import type { IncomingMessage } from 'node:http'

/**
 * Which `Origin` may use the API's writing routes and open websockets: the server's own (the
 * Host the request was sent to, or PUBLIC_URL), and ALLOWED_ORIGINS. A request without an Origin
 * header is not from a browser page (the CLI, curl, a stock Node y-websocket client) and passes:
 * browsers always send Origin on websocket upgrades and POSTs, so a foreign page cannot leave it out.
 */
export class OriginPolicy {
  private readonly allowed: Set<string>
  private readonly trustProxy: boolean

  constructor(options: { publicUrl: string | null; allowedOrigins: readonly string[]; trustProxy: boolean }) {
    this.allowed = new Set(options.allowedOrigins)
    if (options.publicUrl) this.allowed.add(new URL(options.publicUrl).origin)
    this.trustProxy = options.trustProxy
  }

  allows(request: IncomingMessage): boolean {
    const origin = request.headers.origin
    if (origin === undefined) return true
    if (this.allowed.has(origin)) return true
    let host: string
    try {
      const url = new URL(origin)
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return false // includes "null"
      host = url.host
    } catch {
      return false
    }
    // Same host as the request was sent to. The scheme is not compared: a TLS-terminating
    // proxy talks http to us while the page is https, and nobody else serves pages on our host.
    const forwardedHost = this.trustProxy ? firstHeader(request.headers['x-forwarded-host']) : undefined
    return [request.headers.host, forwardedHost].some((candidate) => candidate !== undefined && candidate.toLowerCase() === host.toLowerCase())
  }
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value
  return text?.split(',')[0]?.trim() || undefined
}
