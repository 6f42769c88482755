import type * as z from 'zod'

/** An error with an HTTP status; its message is shown to the client as `{ "error": message }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

/** Validates a request body (or query) with zod; a failure is a 400 naming the first bad field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const field = issue.path.map(String).join('.')
  throw new HttpError(400, field ? `Invalid field "${field}": ${issue.message}` : `Invalid request: ${issue.message}`)
}
