import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API_ERROR_CODES, apiError, apiErrorBody, apiErrorParamKinds, type ApiFailure } from '../../shared/api/apiError.ts'
import { refusal } from '../../shared/permissions/refusal.ts'
import { ApiError, request } from '../api/pinnwandApi.ts'
import { apiErrorMessage } from './refusalMessage.ts'
import { de } from './de.ts'
import { en } from './en.ts'
import { loadCatalogue, translate, type Translate } from './translate.ts'

const german: Translate = (key, params) => translate('de', key, params)
const english: Translate = (key, params) => translate('en', key, params)

/** A real HTTP server answering each path with a status and a body, as the Pinnwand server would. */
const answers = new Map<string, { status: number; body: string; type?: string }>()
let server: Server
let origin: string
beforeAll(async () => {
  await loadCatalogue('en')
  server = createServer((req, res) => {
    const answer = answers.get(req.url ?? '') ?? { status: 500, body: '' }
    res.writeHead(answer.status, { 'content-type': answer.type ?? 'application/json' })
    res.end(answer.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

/** What the client throws for a server answering `status` with the body the server makes for `failure`. */
async function failureThroughTheWire(path: string, status: number, body: unknown): Promise<ApiError> {
  answers.set(path, { status, body: JSON.stringify(body) })
  const error = await request(origin + path).catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

const answered = (path: string, status: number, failure: ApiFailure) => failureThroughTheWire(path, status, apiErrorBody(failure))

describe('API error messages', () => {
  it('has a German and an English message for every API error code, using only its parameters', () => {
    const clientCodes: Record<string, string[]> = { network: [], http: ['status'] }
    const codes = [...API_ERROR_CODES.map((code) => [code, Object.keys(apiErrorParamKinds(code))] as const), ...Object.entries(clientCodes)]
    for (const [code, params] of codes) {
      const key = `apiError.${code}`
      for (const catalogue of [de, en] as Record<string, string>[]) {
        const message = catalogue[key]
        expect(message, `${key} is missing`).toBeTruthy()
        for (const [, name] of message!.matchAll(/\{(\w+)\}/g)) expect(params, `${key} uses {${name}}`).toContain(name)
      }
    }
  })

  it('carries the code and parameters from the server’s answer to the message in the UI language', async () => {
    const unknown = await answered('/unknown', 404, apiError('unknownSession'))
    expect(unknown).toMatchObject({ status: 404, code: 'unknownSession', message: 'Unknown session' })
    expect(apiErrorMessage(german, unknown)).toBe('Diesen Workshop gibt es nicht (mehr)')
    expect(apiErrorMessage(english, unknown)).toBe('This workshop does not exist (any more)')

    const full = await answered('/full', 507, apiError('tooManySessions', { max: 3 }))
    expect(full.params).toEqual({ max: 3 })
    expect(apiErrorMessage(german, full)).toContain('schon 3 Workshops')

    const field = await answered('/field', 400, apiError('invalidField', { field: 'name', detail: 'Too big', problem: 'tooLong', limit: 60 }))
    expect(apiErrorMessage(german, field)).toBe('Ungültige Angabe: „Name“ ist zu lang (höchstens 60 Zeichen)')
    expect(apiErrorMessage(english, field)).toBe('Invalid value: “Name” is too long (at most 60 characters)')
  })

  it('says what is wrong with a template field, naming guiding questions by their number', async () => {
    const question = await answered('/question', 400, apiError('invalidTemplate', { field: 'template.questions.1', detail: 'Too small', problem: 'empty', limit: 0 }))
    expect(apiErrorMessage(german, question)).toBe('Die Vorlage ist ungültig: „Leitfrage 2“ ist leer')
    const many = await answered('/many', 400, apiError('invalidTemplate', { field: 'template.questions', detail: 'Too big', problem: 'tooMany', limit: 12 }))
    expect(apiErrorMessage(german, many)).toBe('Die Vorlage ist ungültig: „Leitfragen“ hat zu viele Einträge (höchstens 12)')
    const unknownField = await answered('/unknownField', 400, apiError('invalidTemplate', { field: 'template.questionz', detail: 'Unrecognized key', problem: 'unknownField', limit: 0 }))
    expect(apiErrorMessage(english, unknownField)).toBe('The template is invalid: “template.questionz” is not a known field')
    // A problem code this client does not know (a newer server): still a sentence, not a placeholder.
    const newer = await failureThroughTheWire('/newerProblem', 400, { error: 'x', code: 'invalidTemplate', field: 'template.title', detail: 'x', problem: 'tooShiny', limit: 0 })
    expect(apiErrorMessage(german, newer)).toBe('Die Vorlage ist ungültig: „Titel“ ist ungültig')
  })

  it('shows a refusal by its refusal message, phases by their labels', async () => {
    const phase = await answered('/phase', 409, refusal('noNewNotesInPhase', { phase: 'vote' }))
    expect(apiErrorMessage(german, phase)).toBe('In der Phase „Punkten“ werden keine neuen Karten geschrieben')
    const limit = await answered('/limit', 429, refusal('tooManyNotes', { notes: 5 }))
    expect(apiErrorMessage(german, limit)).toBe('Zu viele neue Karten: höchstens 5 pro Minute, bitte kurz warten')
    // Parameters that do not fit the code: its text is read instead (here it is no refusal text either).
    const odd = await failureThroughTheWire('/odd', 409, { error: 'no new notes in phase "lunch"', code: 'noNewNotesInPhase', phase: 'lunch' })
    expect(apiErrorMessage(german, odd)).toBe('no new notes in phase "lunch"')
  })

  it('falls back to the text for an answer without a known code, and names the status when there is none', async () => {
    const older = await failureThroughTheWire('/older', 409, { error: 'this board is locked' })
    expect(older.code).toBeUndefined()
    expect(apiErrorMessage(german, older)).toBe('Diese Leitfrage ist gesperrt')
    const newer = await failureThroughTheWire('/newer', 418, { error: 'I am a teapot', code: 'teapot' })
    expect(apiErrorMessage(german, newer)).toBe('I am a teapot')
    answers.set('/proxy', { status: 502, body: '<html>Bad Gateway</html>', type: 'text/html' })
    const proxy = (await request(origin + '/proxy').catch((caught: unknown) => caught)) as ApiError
    expect(proxy).toMatchObject({ status: 502, code: 'http' })
    expect(apiErrorMessage(german, proxy)).toBe('Der Server hat mit Fehler 502 geantwortet')
  })

  it('says so in German when the server cannot be reached', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const error = (await request(`http://127.0.0.1:${port}/api/time`).catch((caught: unknown) => caught)) as ApiError
    expect(error).toMatchObject({ status: 0, code: 'network' })
    expect(apiErrorMessage(german, error)).toMatch(/^Keine Verbindung zum Server/)
    expect(apiErrorMessage(english, error)).toMatch(/^No connection to the server/)
  })

  it('leaves errors that are no API errors as they are', () => {
    expect(apiErrorMessage(german, new Error('Bild zu groß'))).toBe('Bild zu groß')
  })
})
