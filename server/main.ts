import { createPinnwandServer } from './app/createPinnwandServer.ts'
import { loadConfig } from './config.ts'
import { installShutdown } from './app/shutdown.ts'

/** `npm start` / `npm run serve`: the production server (API, websockets, built client). */
const config = loadConfig()
const server = createPinnwandServer(config)
const url = await server.listen()
console.log(`Pinnwand läuft auf ${url}  (data: ${config.dataDir})`)
installShutdown(() => server.close())
