import type * as z from 'zod'
import { apiError, apiErrorBody, apiFailureText, type ApiErrorBody, type ApiFailure } from '../../shared/api/apiError.ts'
import { refusalFromText } from '../../shared/permissions/refusal.ts'

/**
 * An error with an HTTP status and what went wrong: an API error or a refusal (shared/api/apiError.ts),
 * answered as `{ "error": <English text>, "code": <code>, ...params }`. A plain text is accepted
 * for refusal texts made elsewhere (`refusalText(...)`), which are read back into their code; any
 * other text is answered without a code, so clients show it as it is.
 */
export class HttpError extends Error {
  readonly failure: ApiFailure | undefined

  constructor(
    readonly status: number,
    failure: ApiFailure | string,
  ) {
    super(typeof failure === 'string' ? failure : apiFailureText(failure))
    this.name = 'HttpError'
    this.failure = typeof failure === 'string' ? refusalFromText(failure) : failure
  }

  /** The JSON answer. */
  get body(): ApiErrorBody | { error: string } {
    return this.failure ? { ...apiErrorBody(this.failure), error: this.message } : { error: this.message }
  }
}

/** Validates a request body (or query) with zod; a failure is a 400 naming the first bad field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const field = issue.path.map(String).join('.')
  throw new HttpError(400, field ? apiError('invalidField', { field, detail: issue.message }) : apiError('invalidRequest', { detail: issue.message }))
}
