import { useTranslate } from '../i18n/translate.ts'
import { useConnectionStore } from '../stores/connectionStore.ts'

/** online / reconnecting / offline, as a coloured dot with text (never colour alone). */
export function ConnectionIndicator() {
  const t = useTranslate()
  const status = useConnectionStore((state) => state.status)
  const everOnline = useConnectionStore((state) => state.everOnline)
  const label =
    status === 'online'
      ? t('connection.online')
      : status === 'offline'
        ? t('connection.offline')
        : everOnline
          ? t('connection.reconnecting')
          : t('connection.connecting')
  return (
    <span className={`connection connection--${status}`} data-testid="connection-status" data-status={status} role="status">
      <span className="connection__dot" aria-hidden="true" />
      {label}
    </span>
  )
}
