import { useState } from 'react'
import { deleteSession } from '../api/pinnwandApi.ts'
import { apiErrorMessage } from '../i18n/refusalMessage.ts'
import { useTranslate } from '../i18n/translate.ts'
import { forgetSession } from '../session/deviceMemory.ts'
import { showToast } from '../stores/toastStore.ts'
import '../app/privacy.css'

interface DeleteWorkshopButtonProps {
  sessionId: string
  moderatorToken: string
  title: string
}

/**
 * "Workshop löschen" for the moderation: after a confirmation the server deletes the session
 * with all notes, names and dots (everyone connected is disconnected), this device forgets it,
 * and the page goes to the start page.
 */
export function DeleteWorkshopButton({ sessionId, moderatorToken, title }: DeleteWorkshopButtonProps) {
  const t = useTranslate()
  const [busy, setBusy] = useState(false)

  async function onDelete() {
    if (!window.confirm(t('delete.confirm', { title }))) return
    setBusy(true)
    try {
      await deleteSession(sessionId, moderatorToken)
      await forgetSession(sessionId)
      window.location.assign('/')
    } catch (reason) {
      showToast(t('delete.failed', { message: apiErrorMessage(t, reason) }), 'error')
      setBusy(false)
    }
  }

  return (
    <button type="button" className="button button--danger" data-testid="delete-workshop" disabled={busy} onClick={() => void onDelete()}>
      {busy ? t('delete.deleting') : t('delete.button')}
    </button>
  )
}
