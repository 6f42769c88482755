import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, expect, it } from 'vitest'
import { ApiError, request } from './pinnwandApi.ts'

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

/** A real HTTP server that drops the first `drops` connections without any answer, then answers JSON. */
async function serverDroppingFirst(drops: number): Promise<{ url: string; requests: () => number }> {
  let seen = 0
  const server = createServer((request, response) => {
    seen += 1
    if (seen <= drops) {
      request.socket.destroy()
      return
    }
    response.setHeader('content-type', 'application/json')
    response.end(JSON.stringify({ participantId: 'p1' }))
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/x`, requests: () => seen }
}

const post = { method: 'POST', body: JSON.stringify({ name: 'Anna' }) }

it('sends a request once more after a network error when asked to', async () => {
  const server = await serverDroppingFirst(1)
  await expect(request(server.url, post, undefined, { retryNetworkErrorOnce: true })).resolves.toEqual({ participantId: 'p1' })
  expect(server.requests()).toBe(2)
})

it('repeats only once, and not at all unless asked (a note must not be posted twice)', async () => {
  const twice = await serverDroppingFirst(2)
  await expect(request(twice.url, post, undefined, { retryNetworkErrorOnce: true })).rejects.toMatchObject({ status: 0 })
  expect(twice.requests()).toBe(2)

  const once = await serverDroppingFirst(1)
  const error = await request(once.url, post).catch((caught: unknown) => caught)
  expect(error).toBeInstanceOf(ApiError)
  expect(once.requests()).toBe(1)
})
