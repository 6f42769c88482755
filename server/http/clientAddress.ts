import type { IncomingMessage } from 'node:http'
import { isIPv6 } from 'node:net'

/**
 * The address a request comes from, as a key for per-address limits (never stored or logged).
 * Behind a reverse proxy (TRUST_PROXY=1) that is the last X-Forwarded-For entry: the address the
 * proxy itself saw; earlier entries are whatever the client claimed. IPv6 clients are grouped by
 * their /64 network, since one household or phone gets a whole /64 to pick addresses from.
 */
export function clientAddressKey(request: IncomingMessage, trustProxy: boolean): string {
  let address = request.socket.remoteAddress ?? 'unknown'
  if (trustProxy) {
    const forwarded = request.headers['x-forwarded-for']
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').at(-1)?.trim()
    if (last) address = last
  }
  return addressKey(address)
}

export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return mapped[1]!
  if (!isIPv6(address)) return address
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`
}

function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]!.split('::')
  const left = head === '' ? [] : head.split(':')
  const right = tail === undefined || tail === '' ? [] : tail.split(':')
  const zeros = tail === undefined ? [] : Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0')
  return [...left, ...zeros, ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
}
