import { useEffect, useState } from 'react'
import { fetchConfig } from '../api/pinnwandApi.ts'
import { useTranslate } from '../i18n/translate.ts'
import './privacy.css'

/** One request per page load, shared by every note on the page. */
let retentionDays: Promise<number | null> | undefined
function loadRetentionDays(): Promise<number | null> {
  retentionDays ??= fetchConfig().then(
    (config) => (typeof config.retentionDays === 'number' ? config.retentionDays : null),
    () => null,
  )
  return retentionDays
}

/**
 * What the server keeps and for how long (DSGVO): display names and notes only; the
 * moderation can delete the workshop; the server deletes it after RETENTION_DAYS without
 * activity (the number comes from /api/config, 0 = kept until deleted).
 */
export function PrivacyNote() {
  const t = useTranslate()
  const [days, setDays] = useState<number | null>(null)
  useEffect(() => {
    let cancelled = false
    void loadRetentionDays().then((value) => !cancelled && setDays(value))
    return () => {
      cancelled = true
    }
  }, [])
  const deletion = days === null ? '' : days === 0 ? t('privacy.keptUntilDeleted') : t('privacy.deletedAfter', { days })
  return (
    <p className="privacy-note" data-testid="privacy-note">
      {t('privacy.note')} {deletion}
    </p>
  )
}
