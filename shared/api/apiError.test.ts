import { describe, expect, it } from 'vitest'
import { paramKinds, refusal, REFUSAL_CODES } from '../permissions/refusal.ts'
import { API_ERROR_CODES, apiError, apiErrorBody, apiErrorParamKinds, apiFailureText, isApiErrorCode, type ApiErrorCode, type ApiFailure } from './apiError.ts'

/** One sample per code; the Record type makes a new code without a sample a compile error. */
const SAMPLES: Record<ApiErrorCode, ApiFailure> = {
  crossOrigin: apiError('crossOrigin'),
  malformedUrl: apiError('malformedUrl'),
  noSuchRoute: apiError('noSuchRoute', { method: 'GET', path: '/api/nope' }),
  methodNotAllowed: apiError('methodNotAllowed', { method: 'PUT' }),
  internal: apiError('internal'),
  bodyTooLarge: apiError('bodyTooLarge', { bytes: 262144 }),
  templateTooLarge: apiError('templateTooLarge', { bytes: 2048 }),
  invalidJson: apiError('invalidJson'),
  invalidField: apiError('invalidField', { field: 'name', detail: 'Too small: expected string to have >=1 characters', problem: 'empty', limit: 0 }),
  invalidRequest: apiError('invalidRequest', { detail: 'Unrecognized key: "extra"' }),
  invalidTemplate: apiError('invalidTemplate', { field: 'template.title', detail: 'Invalid template field "template.title": Required', problem: 'missing', limit: 0 }),
  malformedSessionId: apiError('malformedSessionId'),
  unknownSession: apiError('unknownSession'),
  malformedAuthorization: apiError('malformedAuthorization'),
  moderatorTokenRequired: apiError('moderatorTokenRequired'),
  wrongToken: apiError('wrongToken'),
  invalidParticipantToken: apiError('invalidParticipantToken'),
  tooManySessions: apiError('tooManySessions', { max: 2 }),
  unknownBoard: apiError('unknownBoard', { boardId: 'shape:nope' }),
}

describe('API errors', () => {
  it('keeps the English texts the server has always sent', () => {
    expect(apiFailureText(SAMPLES.unknownSession)).toBe('Unknown session')
    expect(apiFailureText(SAMPLES.crossOrigin)).toBe('Cross-origin request refused')
    expect(apiFailureText(SAMPLES.noSuchRoute)).toBe('No such API route: GET /api/nope')
    expect(apiFailureText(SAMPLES.tooManySessions)).toBe('This server holds its maximum of 2 workshops (MAX_SESSIONS); delete old workshops first')
    expect(apiFailureText(SAMPLES.invalidField)).toBe('Invalid field "name": Too small: expected string to have >=1 characters')
  })

  it('answers every code as { error, code, ...params }, with every parameter its text uses', () => {
    for (const code of API_ERROR_CODES) {
      const sample = SAMPLES[code]
      expect(sample.code).toBe(code)
      const body = apiErrorBody(sample)
      expect(body).toEqual({ error: apiFailureText(sample), code, ...sample.params })
      expect(body.error).not.toMatch(/\{\w+\}/)
      expect(Object.keys(sample.params).sort()).toEqual(Object.keys(apiErrorParamKinds(code)).sort())
    }
  })

  it('answers a refusal with its refusal code and text', () => {
    expect(apiErrorBody(refusal('noNewNotesInPhase', { phase: 'vote' }))).toEqual({
      error: 'no new notes in phase "vote"',
      code: 'noNewNotesInPhase',
      phase: 'vote',
    })
    expect(isApiErrorCode('noNewNotesInPhase')).toBe(false)
  })

  it('keeps one code space: no API error code is a refusal code, no parameter is called error or code', () => {
    for (const code of API_ERROR_CODES) expect(REFUSAL_CODES).not.toContain(code)
    const names = [...API_ERROR_CODES.flatMap((code) => Object.keys(apiErrorParamKinds(code))), ...REFUSAL_CODES.flatMap((code) => Object.keys(paramKinds(code)))]
    expect(names).not.toContain('error')
    expect(names).not.toContain('code')
  })
})
