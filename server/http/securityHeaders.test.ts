import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { createSession, join as joinSession } from '../testing/apiClient.ts'
import { PinnwandServer } from '../testing/serverProcess.ts'
import { SyncTestClient, waitFor } from '../testing/syncClient.ts'

/**
 * Headers and origins: the app's HTML runs under a strict Content-Security-Policy, nothing
 * answers with CORS headers, writing routes and websocket upgrades from a foreign page's
 * origin are refused while same-origin pages and clients without an Origin (CLI, stock Node
 * y-websocket) pass, and what the server prints never holds a token or a client address.
 */
let server: PinnwandServer
let clientDir: string
const clients: SyncTestClient[] = []

beforeAll(async () => {
  clientDir = mkdtempSync(join(tmpdir(), 'pinnwand-client-'))
  mkdirSync(join(clientDir, 'assets'))
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Pinnwand</title>')
  writeFileSync(join(clientDir, 'assets', 'app-1a2b3c.js'), 'console.log(1)')
  server = await PinnwandServer.start({
    env: { CLIENT_DIR: clientDir, ALLOWED_ORIGINS: 'https://pinnwand.example.org', TRUST_PROXY: '1' },
    captureOutput: true,
  })
})
afterAll(async () => {
  for (const created of clients) created.destroy()
  await server?.stop()
  rmSync(clientDir, { recursive: true, force: true })
})

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(server.origin + path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) })
}

/** Opens a raw websocket with the given upgrade headers and reports how it ended (or that it stayed open). */
function upgrade(path: string, headers: Record<string, string>): Promise<{ code: number; reason: string } | 'open'> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(server.origin.replace(/^http/, 'ws') + path, { headers })
    socket.once('error', reject)
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))
    socket.once('open', () =>
      setTimeout(() => {
        if (socket.readyState === WebSocket.OPEN) {
          resolve('open')
          socket.close()
        }
      }, 300),
    )
  })
}

describe('security headers', () => {
  it('serves the app’s HTML with a strict Content-Security-Policy', async () => {
    for (const path of ['/', '/s/AAAAAAAAAAAAAAAAAAAAAA']) {
      const page = await fetch(server.origin + path)
      const csp = page.headers.get('content-security-policy') ?? ''
      const directives = Object.fromEntries(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]))
      expect(directives['default-src']).toEqual(["'self'"])
      expect(directives['script-src']).toEqual(["'self'"])
      expect(directives['object-src']).toEqual(["'none'"])
      expect(directives['base-uri']).toEqual(["'self'"])
      expect(directives['frame-ancestors']).toEqual(["'none'"])
      expect(directives['img-src']).toEqual(["'self'", 'data:', 'blob:'])
      expect(directives['font-src']).toEqual(["'self'", 'data:'])
      const host = new URL(server.origin).host
      expect(directives['connect-src']).toEqual(["'self'", `ws://${host}`, `wss://${host}`, 'blob:', 'data:'])
      expect(page.headers.get('x-content-type-options')).toBe('nosniff')
      expect(page.headers.get('referrer-policy')).toBe('no-referrer')
      expect(page.headers.get('x-frame-options')).toBe('DENY')
    }
  })

  it('never sends CORS headers, not even to a preflight', async () => {
    const foreign = { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' }
    for (const [method, path] of [
      ['OPTIONS', '/api/sessions'],
      ['GET', '/api/config'],
      ['GET', '/'],
    ] as const) {
      const response = await fetch(server.origin + path, { method, headers: foreign })
      const cors = [...response.headers.keys()].filter((name) => name.startsWith('access-control-'))
      expect(cors, `${method} ${path}`).toEqual([])
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    }
  })
})

describe('origins', () => {
  it('refuses POST and DELETE from a foreign page; same origin, ALLOWED_ORIGINS and no Origin pass', async () => {
    const foreign = await post('/api/sessions', {}, { Origin: 'https://evil.example' })
    expect(foreign.status).toBe(403)
    expect(await foreign.json()).toEqual({ error: 'Cross-origin request refused', code: 'crossOrigin' })
    expect((await post('/api/sessions', {}, { Origin: 'null' })).status).toBe(403)
    expect((await post('/api/sessions', {}, { Origin: server.origin })).status).toBe(201)
    expect((await post('/api/sessions', {}, { Origin: 'https://pinnwand.example.org' })).status).toBe(201)
    expect((await post('/api/sessions', {})).status).toBe(201)

    const session = await createSession(server.origin)
    const remove = (origin: string) =>
      fetch(`${server.origin}/api/sessions/${session.id}`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${session.moderatorToken}`, Origin: origin },
      })
    expect((await remove('https://evil.example')).status).toBe(403)
    expect((await fetch(`${server.origin}/api/sessions/${session.id}`)).status).toBe(200)
    expect((await post(`/api/sessions/${session.id}/participants`, { name: 'Mallory' }, { Origin: 'http://127.0.0.1.evil.example' })).status).toBe(403)
  })

  it('refuses websocket upgrades from a foreign page (4403); same origin and stock Node clients sync', async () => {
    const session = await createSession(server.origin)
    expect(await upgrade(`/yjs/${session.id}`, { Origin: 'https://evil.example' })).toEqual({ code: 4403, reason: 'foreign origin refused' })
    expect(await upgrade(`/yjs/${session.id}`, { Origin: 'null' })).toEqual({ code: 4403, reason: 'foreign origin refused' })
    expect(await upgrade(`/yjs/${session.id}`, { Origin: server.origin })).toBe('open')
    const stock = new SyncTestClient(server.origin, session.id)
    clients.push(stock)
    await stock.synced()
  })
})

describe('logs', () => {
  it('hold no tokens and no client addresses', async () => {
    const session = await createSession(server.origin)
    const anna = await joinSession(server.origin, session.id, 'Anna')
    const address = '198.51.100.77'
    const secrets = [session.moderatorToken, session.viewerToken, anna.participantToken, anna.participantToken.split('.')[1]!]
    // Everything that carries a secret, including refusals and failures the server reports.
    await fetch(`${server.origin}/api/sessions/${session.id}?token=${session.moderatorToken}`, { headers: { 'X-Forwarded-For': address } })
    await fetch(`${server.origin}/api/sessions/${session.id}/export?format=nope`, { headers: { Authorization: `Bearer ${session.moderatorToken}` } })
    await fetch(`${server.origin}/api/sessions/${session.id}/sealed-notes/mine?participantToken=${encodeURIComponent(anna.participantToken)}`)
    const moderator = new SyncTestClient(server.origin, session.id, { token: session.moderatorToken, participant: anna.participantToken }, { 'X-Forwarded-For': address })
    const viewer = new SyncTestClient(server.origin, session.id, { token: session.viewerToken }, { 'X-Forwarded-For': address })
    clients.push(moderator, viewer)
    await Promise.all([moderator.synced(), viewer.synced()])
    await upgrade(`/yjs/${session.id}?token=${session.moderatorToken}&participant=${anna.participantToken}`, { Origin: 'https://evil.example', 'X-Forwarded-For': address })
    await upgrade(`/yjs/${session.id}?token=${session.moderatorToken}x`, { 'X-Forwarded-For': address })
    await upgrade(`/yjs/${session.id}?participant=${anna.participantToken}x`, { 'X-Forwarded-For': address })
    await server.restart('SIGTERM')
    await waitFor('the clients to reconnect', () => moderator.provider.synced && viewer.provider.synced)

    const output = server.output
    expect(output).toContain('Pinnwand läuft auf')
    expect(output).toContain('websocket refused: upgrade from a foreign origin')
    for (const secret of secrets) expect(output).not.toContain(secret)
    expect(output).not.toContain(address)
  })
})
