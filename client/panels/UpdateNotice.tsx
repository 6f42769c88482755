import { useEffect } from 'react'
import { useTranslate } from '../i18n/translate.ts'
import { watchServedBuild } from '../session/servedBuildCheck.ts'
import { useClientUpdateStore } from '../stores/clientUpdateStore.ts'

/**
 * A strip under the session bar once the server serves another client build than this page runs
 * (a deploy while the page stayed open): this page may not show what the newer client writes, so
 * it asks for a reload. Nothing else is blocked; the person reloads when it suits her.
 */
export function UpdateNotice() {
  const t = useTranslate()
  const otherBuildServed = useClientUpdateStore((state) => state.otherBuildServed)
  useEffect(() => watchServedBuild(), [])
  if (!otherBuildServed) return null
  return (
    <div className="update-notice" role="status" data-testid="update-notice">
      <span>{t('update.otherBuildServed')}</span>
      <button type="button" className="button button--primary" data-testid="update-reload" onClick={() => window.location.reload()}>
        {t('update.reload')}
      </button>
    </div>
  )
}
