import type * as z from 'zod'
import { firstFieldProblem } from '../../shared/api/fieldProblem.ts'
import { apiError, apiErrorBody, apiFailureText, type ApiErrorBody, type ApiFailure } from '../../shared/api/apiError.ts'

/**
 * An error with an HTTP status and what went wrong: an API error or a refusal (shared/api/apiError.ts),
 * answered as `{ "error": <English text>, "code": <code>, ...params }`. Only the failure object is
 * accepted, never a text: the code is carried, not read back from the English text, so rewording
 * a text cannot cost an answer its code.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly failure: ApiFailure,
  ) {
    super(apiFailureText(failure))
    this.name = 'HttpError'
  }

  /** The JSON answer. */
  get body(): ApiErrorBody {
    return apiErrorBody(this.failure)
  }
}

/** Validates a request body (or query) with zod; a failure is a 400 naming the first bad field and what is wrong with it. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const detail = result.error.issues[0]!.message
  const issue = firstFieldProblem(result.error, input)
  throw new HttpError(400, issue.field ? apiError('invalidField', { ...issue, detail }) : apiError('invalidRequest', { detail }))
}
