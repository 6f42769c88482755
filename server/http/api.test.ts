import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSession, getJson, join as joinSession, postJson } from '../testing/apiClient.ts'
import { PinnwandServer } from '../testing/serverProcess.ts'

let server: PinnwandServer
let clientDir: string

beforeAll(async () => {
  // A stand-in for the built client, so static serving is tested without running Vite.
  clientDir = mkdtempSync(join(tmpdir(), 'pinnwand-client-'))
  mkdirSync(join(clientDir, 'assets'))
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Pinnwand</title>')
  writeFileSync(join(clientDir, 'assets', 'app-1a2b3c.js'), 'console.log(1)')
  writeFileSync(join(clientDir, 'favicon.svg'), '<svg/>')
  server = await PinnwandServer.start({ env: { CLIENT_DIR: clientDir, TLDRAW_LICENSE_KEY: 'test-licence' } })
})
afterAll(async () => {
  await server?.stop()
  rmSync(clientDir, { recursive: true, force: true })
})

/** A raw request, for paths fetch() would normalise. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, method: 'GET' }, (res) => {
      let body = ''
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

const template = { title: 'Stadtteilwerkstatt', subtitle: 'Nord', intro: 'Willkommen', questions: ['Was fehlt?', 'Was wünschen Sie sich?'] }

describe('HTTP API', () => {
  it('answers health, config, time and templates', async () => {
    expect(await getJson(server.origin, '/healthz')).toEqual({ status: 200, json: { ok: true } })
    expect((await getJson(server.origin, '/api/config')).json).toEqual({ tldrawLicenseKey: 'test-licence', retentionDays: 90, maxMessageBytes: 1024 * 1024 })
    const before = Date.now()
    const { json: time } = await getJson(server.origin, '/api/time')
    expect(time.now).toBeGreaterThanOrEqual(before - 60_000)
    const { json: templates } = await getJson(server.origin, '/api/templates')
    expect(templates[0].id).toBe('beteiligung-als-schritt-zum-engagement')
    expect(templates[0].questions).toHaveLength(5)
  })

  it('creates a session from a template object and reads it back per role', async () => {
    const session = await createSession(server.origin, { template })
    expect(session.id).toMatch(/^[A-Za-z0-9_-]{22,}$/)
    expect(session.participantUrl).toBe(`${server.origin}/s/${session.id}`)
    expect(session.moderatorToken.length).toBeGreaterThanOrEqual(22)
    const participant = await getJson(server.origin, `/api/sessions/${session.id}`)
    expect(participant).toEqual({
      status: 200,
      json: { id: session.id, title: template.title, subtitle: 'Nord', intro: 'Willkommen', questions: template.questions, role: 'participant' },
    })
    expect((await getJson(server.origin, `/api/sessions/${session.id}`, session.moderatorToken)).json.role).toBe('moderator')
    expect((await getJson(server.origin, `/api/sessions/${session.id}`, session.viewerToken)).json.role).toBe('viewer')
    expect((await getJson(server.origin, `/api/sessions/${session.id}`, 'falsch')).status).toBe(403)
  })

  it('creates from a built-in id or the default, and names the bad field of a template', async () => {
    expect((await createSession(server.origin)).title).toBe('Beteiligung als Schritt zum Engagement')
    expect((await createSession(server.origin, { template: 'beteiligung-als-schritt-zum-engagement' })).title).toBe(
      'Beteiligung als Schritt zum Engagement',
    )
    const badQuestion = await postJson(server.origin, '/api/sessions', { template: { ...template, questions: ['ok', ''] } })
    expect(badQuestion.status).toBe(400)
    expect(badQuestion.json.error).toContain('template.questions.1')
    expect(badQuestion.json).toMatchObject({ code: 'invalidTemplate', field: 'template.questions.1', detail: badQuestion.json.error, problem: 'empty', limit: 0 })
    const longTitle = await postJson(server.origin, '/api/sessions', { template: { ...template, title: 'x'.repeat(201) } })
    expect(longTitle.json).toMatchObject({ code: 'invalidTemplate', field: 'template.title', problem: 'tooLong', limit: 200 })
    const missingTitle = await postJson(server.origin, '/api/sessions', { template: { questions: ['a'] } })
    expect(missingTitle.json.error).toContain('template.title')
    const unknownId = await postJson(server.origin, '/api/sessions', { template: 'gibt-es-nicht' })
    expect(unknownId.status).toBe(400)
    expect(unknownId.json).toMatchObject({ code: 'invalidTemplate', field: 'template', problem: 'notAllowed' })
    const broken = await postJson(server.origin, '/api/sessions', '{ kaputt')
    expect(broken).toEqual({ status: 400, json: { error: 'Request body is not valid JSON', code: 'invalidJson' } })
    const extra = await postJson(server.origin, '/api/sessions', { extra: 1 })
    expect(extra.status).toBe(400)
    // An unknown key is named as the field, not as a fault of the whole body.
    expect(extra.json).toMatchObject({ code: 'invalidField', field: 'extra', problem: 'unknownField', detail: expect.stringContaining('extra') })
    const notAnObject = await postJson(server.origin, '/api/sessions', '"Workshop"')
    expect(notAnObject.json).toMatchObject({ code: 'invalidRequest', detail: expect.any(String) })
    const huge = await postJson(server.origin, '/api/sessions', { template: { ...template, intro: 'x'.repeat(400_000) } })
    expect(huge.status).toBe(413)
    expect(huge.json).toMatchObject({ code: 'templateTooLarge', bytes: expect.any(Number) })
  })

  it('answers 400 for malformed ids, 404 for unknown ones, JSON 404/405 for unknown routes', async () => {
    expect(await getJson(server.origin, '/api/sessions/kurz')).toEqual({ status: 400, json: { error: 'Malformed session id', code: 'malformedSessionId' } })
    expect((await getJson(server.origin, `/api/sessions/${'a'.repeat(65)}`)).status).toBe(400)
    expect((await getJson(server.origin, '/api/sessions/..%2F..%2Fetc')).status).toBe(400)
    const unknown = await getJson(server.origin, '/api/sessions/AAAAAAAAAAAAAAAAAAAAAA')
    expect(unknown).toEqual({ status: 404, json: { error: 'Unknown session', code: 'unknownSession' } })
    expect(await getJson(server.origin, '/api/nope')).toEqual({
      status: 404,
      json: { error: 'No such API route: GET /api/nope', code: 'noSuchRoute', method: 'GET', path: '/api/nope' },
    })
    const wrongMethod = await fetch(`${server.origin}/api/sessions`, { method: 'DELETE' })
    expect(wrongMethod.status).toBe(405)
    expect(await wrongMethod.json()).toEqual({ error: 'Method DELETE not allowed', code: 'methodNotAllowed', method: 'DELETE' })
  })

  it('lets people join with a name and signs their participant token', async () => {
    const session = await createSession(server.origin)
    const anna = await joinSession(server.origin, session.id, '  Anna  ')
    expect(anna.name).toBe('Anna')
    expect(anna.participantToken.startsWith(`${anna.participantId}.`)).toBe(true)
    expect((await joinSession(server.origin, session.id, 'anonym')).name).toBe('anonym')
    const empty = await postJson(server.origin, `/api/sessions/${session.id}/participants`, { name: '' })
    expect(empty.status).toBe(400)
    // Validation errors: one code, the field path beside the validator's sentence (English, in
    // `error` too) and what is wrong as a code with its bound, for the client's own words.
    expect(empty.json).toEqual({ error: `Invalid field "name": ${empty.json.detail}`, code: 'invalidField', field: 'name', detail: expect.any(String), problem: 'empty', limit: 0 })
    const long = await postJson(server.origin, `/api/sessions/${session.id}/participants`, { name: 'x'.repeat(61) })
    expect(long).toMatchObject({ status: 400, json: { code: 'invalidField', field: 'name', problem: 'tooLong', limit: 60 } })
    expect(await postJson(server.origin, `/api/sessions/AAAAAAAAAAAAAAAAAAAAAA/participants`, { name: 'Anna' })).toEqual({
      status: 404,
      json: { error: 'Unknown session', code: 'unknownSession' },
    })
  })

  it('answers moderation and sealed-note errors with their codes: API errors and refusals', async () => {
    const session = await createSession(server.origin)
    const moderation = `/api/sessions/${session.id}/moderation`
    expect(await postJson(server.origin, moderation, { action: 'endVoting' })).toEqual({
      status: 401,
      json: { error: 'Moderator token required', code: 'moderatorTokenRequired' },
    })
    expect((await postJson(server.origin, moderation, { action: 'endVoting' }, session.viewerToken)).json.code).toBe('wrongToken')
    expect(await postJson(server.origin, moderation, { action: 'endVoting' }, session.moderatorToken)).toEqual({
      status: 409,
      json: { error: 'no voting round is running', code: 'noVotingRound' },
    })
    expect(await postJson(server.origin, moderation, { action: 'summon', boardId: 'shape:nope' }, session.moderatorToken)).toEqual({
      status: 400,
      json: { error: 'Unknown board "shape:nope"', code: 'unknownBoard', boardId: 'shape:nope' },
    })
    const anna = await joinSession(server.origin, session.id, 'Anna')
    const sealed = `/api/sessions/${session.id}/sealed-notes`
    // Hidden mode is off: the shared refusal, its text as before and its code beside it.
    expect(await postJson(server.origin, sealed, { participantToken: anna.participantToken, questionIndex: 0, text: 'Idee' })).toEqual({
      status: 409,
      json: { error: 'hidden mode is off: post notes on the canvas', code: 'hiddenModeOff' },
    })
    expect((await postJson(server.origin, sealed, { participantToken: 'x.y', questionIndex: 0, text: 'Idee' })).json.code).toBe('invalidParticipantToken')
    await postJson(server.origin, moderation, { action: 'setHiddenMode', hidden: true }, session.moderatorToken)
    await postJson(server.origin, moderation, { action: 'setPhase', phase: 'vote' }, session.moderatorToken)
    expect(await postJson(server.origin, sealed, { participantToken: anna.participantToken, questionIndex: 0, text: 'Idee' })).toEqual({
      status: 409,
      json: { error: 'no new notes in phase "vote"', code: 'noNewNotesInPhase', phase: 'vote' },
    })
  })

  it('names the client build it serves, as it is on disk now', async () => {
    // The stand-in client has no module entry: no build to name.
    expect(await getJson(server.origin, '/api/client-build')).toEqual({ status: 200, json: { build: null } })
    const indexFile = join(clientDir, 'index.html')
    const standIn = readFileSync(indexFile, 'utf8')
    try {
      // A deploy replaces the client under the running server: the next answer names the new one.
      writeFileSync(indexFile, '<!doctype html><title>Pinnwand</title><script type="module" crossorigin src="/assets/app-1a2b3c.js"></script>')
      expect((await getJson(server.origin, '/api/client-build')).json).toEqual({ build: 'app-1a2b3c.js' })
    } finally {
      writeFileSync(indexFile, standIn)
    }
  })

  it('serves the client: assets immutable, SPA fallback for /s/<id>, no path traversal', async () => {
    const asset = await fetch(`${server.origin}/assets/app-1a2b3c.js`)
    expect(asset.headers.get('content-type')).toContain('text/javascript')
    expect(asset.headers.get('cache-control')).toContain('immutable')
    const icon = await fetch(`${server.origin}/favicon.svg`)
    expect(icon.headers.get('content-type')).toBe('image/svg+xml')
    expect(icon.headers.get('cache-control')).toBe('no-cache')
    const page = await fetch(`${server.origin}/s/AAAAAAAAAAAAAAAAAAAAAA`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(await page.text()).toContain('<title>Pinnwand</title>')
    expect((await fetch(`${server.origin}/assets/missing.js`)).status).toBe(404)
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fpackage.json', '/..%5c..%5cpackage.json']) {
      const response = await rawGet(path)
      expect(response.body).not.toContain('root:')
      expect(response.body).not.toContain('"name": "pinnwand"')
    }
  })
})

describe('without a built client', () => {
  it('explains that `npm run build` is needed', async () => {
    const bare = await PinnwandServer.start({ env: { CLIENT_DIR: join(tmpdir(), 'pinnwand-no-client-here') } })
    try {
      const response = await fetch(`${bare.origin}/`)
      expect(response.status).toBe(503)
      expect(await response.text()).toContain('npm run build')
      expect((await fetch(`${bare.origin}/healthz`)).status).toBe(200)
      expect((await getJson(bare.origin, '/api/client-build')).json).toEqual({ build: null })
    } finally {
      await bare.stop()
    }
  })
})
