export { CLOSE_CODES } from '../../shared/connection/closeCodes.ts'

const MAX_REASON_BYTES = 123

/** Close reasons are limited to 123 UTF-8 bytes by RFC 6455; cut at a character boundary. */
export function fitCloseReason(reason: string): string {
  if (Buffer.byteLength(reason) <= MAX_REASON_BYTES) return reason
  let cut = reason
  while (Buffer.byteLength(cut + '…') > MAX_REASON_BYTES) cut = cut.slice(0, -1)
  return cut + '…'
}
