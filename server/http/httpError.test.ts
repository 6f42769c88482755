import { describe, expect, it } from 'vitest'
import { apiError, apiErrorBody } from '../../shared/api/apiError.ts'
import { refusal } from '../../shared/permissions/refusal.ts'
import { HttpError } from './httpError.ts'

describe('HttpError', () => {
  it('keeps the refusal it was given (no reading back from its text) and answers with its code and parameters', () => {
    const refused = refusal('noNewNotesInPhase', { phase: 'vote' })
    const error = new HttpError(409, refused)
    expect(error.failure).toBe(refused)
    expect(error.message).toBe('no new notes in phase "vote"')
    expect(error.body).toEqual({ error: 'no new notes in phase "vote"', code: 'noNewNotesInPhase', phase: 'vote' })
  })

  it('answers an API error the same way', () => {
    const failure = apiError('unknownBoard', { boardId: 'shape:x' })
    expect(new HttpError(400, failure).body).toEqual(apiErrorBody(failure))
  })

  it('takes no plain text, so no answer depends on a text matching a refusal template', () => {
    // @ts-expect-error A text would have to be read back into its code; pass the refusal instead.
    const fromText = () => new HttpError(409, 'this board is locked')
    // Type-checked by `npx tsc --noEmit`; at run time the missing failure is not a valid answer either.
    expect(fromText).toThrow()
  })
})
