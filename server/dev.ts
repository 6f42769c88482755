import { createServer as createViteServer } from 'vite'
import { createPinnwandServer } from './app/createPinnwandServer.ts'
import { installShutdown } from './app/shutdown.ts'
import { loadConfig } from './config.ts'

/**
 * `npm run dev`: the same server (API, /yjs, SQLite), with Vite in middleware mode serving the
 * client with hot reload instead of dist/client. Vite's HMR websocket shares our HTTP server;
 * our upgrade handler leaves every path but /yjs/ to it.
 */
const config = loadConfig()
const server = createPinnwandServer(config, { foreignUpgrades: 'ignore' })
const vite = await createViteServer({
  // Vite 8 moved `hmr.server` to `ws.server`: the HMR websocket rides on our HTTP server.
  server: { middlewareMode: true, ws: { server: server.httpServer } },
  appType: 'spa',
})
server.setFallback((request, response) => vite.middlewares(request, response))
const url = await server.listen()
console.log(`Pinnwand (dev, Vite hot reload) läuft auf ${url}  (data: ${config.dataDir})`)
installShutdown(async () => {
  await vite.close()
  await server.close()
})
