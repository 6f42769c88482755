import { useState, type FormEvent } from 'react'
import { ANONYMOUS_NAME, AUTHOR_NAME_MAX_LENGTH } from '../../shared/workshop/recordMeta.ts'
import { apiErrorMessage } from '../i18n/refusalMessage.ts'
import { useTranslate, type Translate } from '../i18n/translate.ts'
import { LanguageToggle } from '../panels/LanguageToggle.tsx'
import { PrivacyNote } from './PrivacyNote.tsx'

interface NamePromptProps {
  title: string
  initialName: string
  onJoin: (name: string) => Promise<void>
}

/** Asks for the display name shown on notes and cursors; "anonym" is a first-class choice. */
export function NamePrompt({ title, initialName, onJoin }: NamePromptProps) {
  const t = useTranslate()
  const [name, setName] = useState(initialName)
  const [busy, setBusy] = useState(false)
  // Kept as how to say it, so the message follows a switch of the language.
  const [error, setError] = useState<((t: Translate) => string) | null>(null)

  async function join(chosen: string) {
    setBusy(true)
    setError(null)
    try {
      await onJoin(chosen)
    } catch (reason) {
      setError(() => (t: Translate) => t('name.joinFailed', { message: apiErrorMessage(t, reason) }))
      setBusy(false)
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    const trimmed = name.trim()
    if (trimmed) void join(trimmed)
  }

  return (
    <main className="page page--narrow">
      <header className="start__header">
        <span className="brand">{title}</span>
        <LanguageToggle />
      </header>
      <form className="card" onSubmit={onSubmit}>
        <h1>{t('name.title')}</h1>
        <p className="lead">{t('name.lead')}</p>
        <label className="field">
          <span className="field__label">{t('name.label')}</span>
          <input
            data-testid="name-input"
            value={name}
            maxLength={AUTHOR_NAME_MAX_LENGTH}
            placeholder={t('name.placeholder')}
            autoComplete="nickname"
            autoFocus
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        {error && (
          <p className="error" role="alert" data-testid="join-error">
            {error(t)}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button button--primary" data-testid="name-submit" disabled={busy || !name.trim()}>
            {busy ? t('name.joining') : t('name.submit')}
          </button>
          <button type="button" className="button" data-testid="anonymous-submit" disabled={busy} onClick={() => void join(ANONYMOUS_NAME)}>
            {t('name.anonymous')}
          </button>
        </div>
        <PrivacyNote />
      </form>
    </main>
  )
}
