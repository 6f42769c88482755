import type { AppContext } from '../../app/appContext.ts'
import { Router } from '../router.ts'
import { registerExportRoutes } from './exportRoutes.ts'
import { registerModerationRoutes } from './moderationRoutes.ts'
import { registerSessionRoutes } from './sessionRoutes.ts'
import { registerSystemRoutes } from './systemRoutes.ts'

/** Every HTTP route of the server; a new route module registers here. */
export function buildRouter(app: AppContext): Router {
  const router = new Router()
  registerSystemRoutes(router, app)
  registerSessionRoutes(router, app)
  registerModerationRoutes(router, app)
  registerExportRoutes(router, app)
  return router
}
