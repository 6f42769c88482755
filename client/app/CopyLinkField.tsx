import { useId, useRef, useState } from 'react'
import { useTranslate } from '../i18n/translate.ts'

interface CopyLinkFieldProps {
  testId: string
  label: string
  hint: string
  url: string
}

/** A read-only link with copy and open buttons. */
export function CopyLinkField({ testId, label, hint, url }: CopyLinkFieldProps) {
  const t = useTranslate()
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [copied, setCopied] = useState(false)

  async function copy() {
    try {
      await navigator.clipboard.writeText(url)
    } catch {
      // Clipboard API needs a secure context; selecting the text lets people copy by hand.
      input.current?.select()
      document.execCommand('copy')
    }
    setCopied(true)
    setTimeout(() => setCopied(false), 2000)
  }

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="link-field">
        <input id={id} ref={input} readOnly value={url} data-testid={testId} onFocus={(event) => event.target.select()} />
        <button type="button" className="button" data-testid={`${testId}-copy`} onClick={() => void copy()}>
          {copied ? t('start.copied') : t('start.copy')}
        </button>
        <a className="button button--quiet" href={url} target="_blank" rel="noopener">
          {t('start.open')}
        </a>
      </div>
      <span className="field__hint">{hint}</span>
    </div>
  )
}
