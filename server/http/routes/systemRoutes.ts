import { builtInTemplates } from '../../../shared/template/defaultTemplate.ts'
import type { AppContext } from '../../app/appContext.ts'
import type { Router } from '../router.ts'

/** Health, run-time client config, server clock and the built-in templates. */
export function registerSystemRoutes(router: Router, app: AppContext): void {
  router.add('GET', '/healthz', () => ({ status: 200, body: { ok: true } }))
  router.add('GET', '/api/config', () => ({
    status: 200,
    // retentionDays: for the privacy note ("deleted automatically after N days"); 0 = never.
    // maxMessageBytes: the canvas shrinks pasted images to fit one message.
    body: { tldrawLicenseKey: app.config.tldrawLicenseKey, retentionDays: app.config.retentionDays, maxMessageBytes: app.config.maxMessageBytes },
  }))
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
