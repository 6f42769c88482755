/**
 * The reference: the stock y-websocket server (`@y/websocket-server` 0.1.1's `setupWSConnection`),
 * no persistence, no permission checks. It runs as its own child process, exactly like ours, so
 * /proc figures (RSS, CPU) are comparable. It speaks the same URL shape as Pinnwand
 * (`/yjs/<room>`) so the load generators need no special case for the websocket path.
 *
 * It uses the repo's `ws` (the same major as our server) rather than the package's bundled ws 6,
 * so the comparison is between the document servers, not between websocket library versions.
 */
import { createServer } from 'node:http'
import { WebSocketServer } from 'ws'
import { setupWSConnection } from '@y/websocket-server/utils'

const port = Number(process.env.PORT ?? 0)
const host = process.env.HOST ?? '127.0.0.1'

const http = createServer((request, response) => {
  if (request.url === '/healthz') {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end('{"ok":true}')
    return
  }
  response.writeHead(404, { 'content-type': 'application/json' })
  response.end('{"error":"not found"}')
})

const wss = new WebSocketServer({ noServer: true })

http.on('upgrade', (request, socket, head) => {
  const path = (request.url ?? '').split('?')[0] ?? ''
  const match = /^\/yjs\/([A-Za-z0-9_-]{1,64})$/.exec(path)
  if (!match) {
    socket.destroy()
    return
  }
  const docName = match[1]!
  wss.handleUpgrade(request, socket, head, (conn) => setupWSConnection(conn, request, { docName }))
})

http.listen(port, host, () => {
  const address = http.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  console.log(`reference y-websocket server on ${host}:${actualPort}`)
})

process.on('SIGTERM', () => process.exit(0))
