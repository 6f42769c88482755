import { randomBytes } from 'node:crypto'
import { defaultTemplate } from '../../shared/template/defaultTemplate.ts'
import { seedSessionDocument } from '../../shared/workshop/seedSession.ts'
import { FullClient, type ClientSpec } from '../load/fullClient.ts'
import { ServerProcess } from './serverProcess.ts'
import { SERVER_BUNDLE_ENTRY } from '../../server/bundle.ts'

export type TargetKind = 'ours' | 'reference'

export interface BenchSession {
  id: string
  /** Connection of the session's moderator (may move any note). */
  moderator: ClientSpec
}

/**
 * One server under test, behind the few operations the workloads need, so every workload runs
 * the same code against ours and the reference. Ours creates and seeds sessions over its HTTP API
 * and hands out participant tokens; the reference has no API, so a first client seeds the same
 * records (shared `seedSessionDocument`) and everyone connects without tokens.
 */
export interface Target {
  kind: TargetKind
  server: ServerProcess
  /** `ws://127.0.0.1:<port>/yjs` */
  wsBase: string
  createSession(): Promise<BenchSession>
  /** A participant who joined under `name` (ours: a signed token; reference: just an id). */
  join(sessionId: string, name: string): Promise<ClientSpec>
  /** URL of a read-only light receiver for the session. */
  receiverUrl(sessionId: string): string
  stop(): Promise<void>
}

/**
 * Our server's configuration in the bench. The per-address and per-participant limits exist for
 * the internet; here every client comes from 127.0.0.1 and 10 synthetic senders post 10 notes/s
 * each (issue 5's load), so they are raised to their maximum, not switched off: the limiter code
 * still runs on every update and its cost stays in the figures.
 */
export const OURS_BENCH_ENV: Record<string, string> = {
  UNLOAD_GRACE_MS: '1000',
  NOTES_PER_MINUTE: '1000000',
  MAX_CONNECTIONS_PER_IP: '1000000',
}

export interface OursOptions {
  env?: Record<string, string>
}

export async function startTarget(kind: TargetKind, options: OursOptions = {}): Promise<Target> {
  if (kind === 'ours') {
    const server = await ServerProcess.start('ours', {
      // The production bundle, as `npm start` runs it (built by bench/run.ts before any workload).
      nodeArgs: [SERVER_BUNDLE_ENTRY],
      withDataDir: true,
      env: { ...OURS_BENCH_ENV, ...options.env },
    })
    return oursTarget(server)
  }
  const server = await ServerProcess.start('reference', { nodeArgs: ['--import', 'tsx', 'bench/reference/server.ts'] })
  return referenceTarget(server)
}

export function oursTarget(server: ServerProcess): Target {
  const wsBase = `${server.wsOrigin}/yjs`
  return {
    kind: 'ours',
    server,
    wsBase,
    async createSession() {
      const created = await postJson<{ id: string; moderatorUrl: string }>(`${server.origin}/api/sessions`, {})
      const moderatorToken = new URL(created.moderatorUrl, server.origin).hash.replace(/^#moderator=/, '')
      return {
        id: created.id,
        moderator: {
          wsBase,
          sessionId: created.id,
          params: { token: moderatorToken },
          author: { authorId: 'moderator', authorName: 'Moderation' },
        },
      }
    },
    async join(sessionId, name) {
      const joined = await postJson<{ participantId: string; participantToken: string; name: string }>(
        `${server.origin}/api/sessions/${sessionId}/participants`,
        { name },
      )
      return {
        wsBase,
        sessionId,
        params: { participant: joined.participantToken },
        author: { authorId: joined.participantId, authorName: joined.name },
      }
    },
    receiverUrl: (sessionId) => `${wsBase}/${sessionId}`,
    stop: () => server.stop(),
  }
}

export function referenceTarget(server: ServerProcess): Target {
  const wsBase = `${server.wsOrigin}/yjs`
  return {
    kind: 'reference',
    server,
    wsBase,
    async createSession() {
      const id = randomBytes(16).toString('base64url')
      const moderator: ClientSpec = { wsBase, sessionId: id, params: {}, author: { authorId: 'moderator', authorName: 'Moderation' } }
      const seeder = new FullClient(moderator)
      await seeder.whenSynced(60_000)
      seedSessionDocument(seeder.doc, defaultTemplate)
      await flushed(seeder)
      seeder.destroy()
      return { id, moderator }
    },
    async join(sessionId, name) {
      return { wsBase, sessionId, params: {}, author: { authorId: randomBytes(8).toString('base64url'), authorName: name } }
    },
    receiverUrl: (sessionId) => `${wsBase}/${sessionId}`,
    stop: () => server.stop(),
  }
}

/** Waits until the client's websocket has handed everything written so far to the kernel. */
export async function flushed(client: FullClient, settleMs = 100): Promise<void> {
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    const ws = client.provider.ws as { bufferedAmount?: number } | null
    if (ws && (ws.bufferedAmount ?? 0) === 0) break
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  // Let the server read and apply what is in flight on loopback.
  await new Promise((resolve) => setTimeout(resolve, settleMs))
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const text = await response.text()
  if (!response.ok) throw new Error(`POST ${url} -> ${response.status}: ${text}`)
  return JSON.parse(text) as T
}
