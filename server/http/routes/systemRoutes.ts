import { CLIENT_BUILD_PATH, type ClientBuildAnswer } from '../../../shared/api/clientBuild.ts'
import { builtInTemplates } from '../../../shared/template/defaultTemplate.ts'
import type { AppContext } from '../../app/appContext.ts'
import type { Router } from '../router.ts'
import { servedClientBuild } from '../servedClientBuild.ts'

/** Health, run-time client config, the served client build, server clock and the built-in templates. */
export function registerSystemRoutes(router: Router, app: AppContext): void {
  router.add('GET', '/healthz', () => ({ status: 200, body: { ok: true } }))
  router.add('GET', '/api/config', () => ({
    status: 200,
    // retentionDays: for the privacy note ("deleted automatically after N days"); 0 = never.
    // maxMessageBytes: the canvas shrinks pasted images to fit one message.
    body: { tldrawLicenseKey: app.config.tldrawLicenseKey, retentionDays: app.config.retentionDays, maxMessageBytes: app.config.maxMessageBytes },
  }))
  // A page that reconnects asks which client is served now: after a deploy it offers a reload.
  router.add('GET', CLIENT_BUILD_PATH, async () => {
    const body: ClientBuildAnswer = { build: await servedClientBuild(app.config.clientDir) }
    return { status: 200, body }
  })
  router.add('GET', '/api/time', () => ({ status: 200, body: { now: app.now().getTime() } }))
  router.add('GET', '/api/templates', () => ({
    status: 200,
    body: Object.entries(builtInTemplates).map(([id, template]) => ({
      id,
      title: template.title,
      questions: template.questions,
    })),
  }))
}
