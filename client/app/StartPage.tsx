import { useEffect, useId, useState, type FormEvent } from 'react'
import { createSession, fetchTemplates, type CreatedSession, type TemplateSummary } from '../api/pinnwandApi.ts'
import { apiErrorMessage } from '../i18n/refusalMessage.ts'
import { useTranslate, type Translate } from '../i18n/translate.ts'
import { LanguageToggle } from '../panels/LanguageToggle.tsx'
import { CopyLinkField } from './CopyLinkField.tsx'
import { PrivacyNote } from './PrivacyNote.tsx'
import { readTemplateFile } from './templateFile.ts'

const UPLOAD = '__upload__'

/** The guiding questions of an own template file, if it has a list of them (the server checks the rest). */
function questionsOfFile(content: unknown): string[] | undefined {
  const questions = (content as { questions?: unknown } | undefined)?.questions
  return Array.isArray(questions) && questions.every((question) => typeof question === 'string') ? questions : undefined
}

/** An error is kept as how to say it, so it follows a switch of the language. */
type ErrorText = (t: Translate) => string

/** "Neuer Workshop": pick a template (built-in or own JSON file), create, get the links. */
export function StartPage() {
  const t = useTranslate()
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null)
  const [choice, setChoice] = useState<string>('')
  const [uploaded, setUploaded] = useState<{ name: string; content: unknown } | null>(null)
  const [error, setError] = useState<ErrorText | null>(null)
  const [busy, setBusy] = useState(false)
  const [created, setCreated] = useState<CreatedSession | null>(null)
  const showError = (text: ErrorText) => setError(() => text)

  useEffect(() => {
    let cancelled = false
    fetchTemplates()
      .then((list) => {
        if (cancelled) return
        setTemplates(list)
        // The server lists the seed workshop first.
        setChoice((current) => current || list[0]?.id || UPLOAD)
      })
      .catch((reason: unknown) => !cancelled && showError((t) => t('start.templatesFailed', { message: apiErrorMessage(t, reason) })))
    return () => {
      cancelled = true
    }
  }, [])

  const chosen = templates?.find((template) => template.id === choice)
  // Shown before creating, so the organiser sees what the boards will ask (an own file's too).
  const previewQuestions = choice === UPLOAD ? questionsOfFile(uploaded?.content) : chosen?.questions
  const previewId = useId()

  async function onFile(file: File | undefined) {
    setError(null)
    setUploaded(null)
    if (!file) return
    const reading = readTemplateFile(await file.text())
    if (reading.ok) setUploaded({ name: file.name, content: reading.content })
    else if (reading.problem === 'empty') showError((t) => t('start.templateFileEmpty'))
    else if (reading.at) showError((t) => t('start.templateFileInvalidAt', reading.at!))
    else showError((t) => t('start.templateFileInvalid'))
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    setError(null)
    if (choice === UPLOAD && !uploaded) {
      showError((t) => t('start.templateFileMissing'))
      return
    }
    setBusy(true)
    try {
      // The server validates an uploaded template and names the bad field in its error.
      const template = choice === UPLOAD ? (uploaded!.content as never) : choice
      setCreated(await createSession(template))
    } catch (reason) {
      showError((t) => t('start.createFailed', { message: apiErrorMessage(t, reason) }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="page page--narrow start">
      <header className="start__header">
        <span className="brand">{t('app.name')}</span>
        <LanguageToggle />
      </header>
      <h1>{t('start.title')}</h1>
      <p className="lead">{t('start.lead')}</p>

      {!created && (
        <form className="card" onSubmit={onSubmit}>
          <label className="field">
            <span className="field__label">{t('start.template')}</span>
            <select
              data-testid="template-select"
              value={choice}
              disabled={!templates}
              onChange={(event) => {
                setChoice(event.target.value)
                setError(null)
              }}
            >
              {!templates && <option value="">{t('start.templateLoading')}</option>}
              {templates?.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.title}
                </option>
              ))}
              <option value={UPLOAD}>{t('start.templateUpload')}</option>
            </select>
          </label>

          {choice === UPLOAD && (
            <label className="field">
              <span className="field__label">{t('start.templateFile')}</span>
              <input
                type="file"
                accept="application/json,.json"
                data-testid="template-file"
                onChange={(event) => void onFile(event.target.files?.[0])}
              />
              <span className="field__hint">{t('start.templateFileHint')}</span>
            </label>
          )}

          {previewQuestions && (
            <section className="questions" aria-labelledby={previewId} data-testid="template-questions">
              <h2 id={previewId} className="questions__title">
                {t('start.questionsPreview', { count: previewQuestions.length })}
              </h2>
              <ol>
                {previewQuestions.map((question, index) => (
                  <li key={index}>{question}</li>
                ))}
              </ol>
            </section>
          )}

          {error && (
            <p className="error" role="alert" data-testid="create-error">
              {error(t)}
            </p>
          )}

          <button type="submit" className="button button--primary" data-testid="create-workshop" disabled={busy || !choice}>
            {busy ? t('start.creating') : t('start.create')}
          </button>
        </form>
      )}

      {created && (
        <section className="card" aria-live="polite">
          <p className="success">{t('start.created', { title: created.title })}</p>
          {/* The two links to hand out first, the secret one last and apart. */}
          <CopyLinkField
            kind="participant"
            testId="participant-link"
            label={t('start.participantLink')}
            tag={t('start.participantTag')}
            hint={t('start.participantHint')}
            url={created.participantUrl}
          />
          <CopyLinkField
            kind="viewer"
            testId="viewer-link"
            label={t('start.viewerLink')}
            tag={t('start.viewerTag')}
            hint={t('start.viewerProjectorHint')}
            url={created.viewerUrl}
          />
          <CopyLinkField
            kind="moderator"
            testId="moderator-link"
            label={t('start.moderatorLink')}
            tag={t('start.moderatorTag')}
            hint={t('start.moderatorSecretHint')}
            url={created.moderatorUrl}
          />
          <button type="button" className="button button--quiet" onClick={() => setCreated(null)}>
            {t('start.another')}
          </button>
        </section>
      )}
      <PrivacyNote />
    </main>
  )
}
