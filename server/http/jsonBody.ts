import type { IncomingMessage } from 'node:http'
import { apiError, type ApiFailure } from '../../shared/api/apiError.ts'
import { HttpError } from './httpError.ts'

/** Default body limit: a maximal template is ~40 KiB of UTF-8; everything else is far smaller. */
export const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024

/** Reads and parses a JSON request body; an empty body is `undefined`. Stops reading past the limit. */
export async function readJsonBody(
  request: IncomingMessage,
  limitBytes = DEFAULT_BODY_LIMIT_BYTES,
  tooLarge: ApiFailure = apiError('bodyTooLarge', { bytes: limitBytes }),
): Promise<unknown> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > limitBytes) {
    request.resume()
    throw new HttpError(413, tooLarge)
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limitBytes) {
      request.resume()
      throw new HttpError(413, tooLarge)
    }
    chunks.push(chunk)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new HttpError(400, apiError('invalidJson'))
  }
}
