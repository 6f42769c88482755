import { useId, useRef, useState } from 'react'
import { useTranslate } from '../i18n/translate.ts'
import { LinkKindIcon, type LinkKind } from './LinkKindIcon.tsx'

interface CopyLinkFieldProps {
  kind: LinkKind
  testId: string
  label: string
  /** A word beside the label saying how to treat the link ("Geheim", "Beamer", …). */
  tag: string
  hint: string
  url: string
}

/**
 * A read-only link with copy and open buttons, in a card of its kind's colour and icon: the
 * moderator's secret link must not be mistaken for the projector's at a glance.
 */
export function CopyLinkField({ kind, testId, label, tag, hint, url }: CopyLinkFieldProps) {
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
    <section className={`link-card link-card--${kind}`} aria-labelledby={`${id}-heading`} data-link-kind={kind}>
      <h2 className="link-card__heading" id={`${id}-heading`}>
        <LinkKindIcon kind={kind} />
        <label htmlFor={id}>{label}</label>{' '}
        <span className="link-card__tag">{tag}</span>
      </h2>
      <p className="link-card__hint" id={`${id}-hint`}>
        {hint}
      </p>
      <div className="link-field">
        <input
          id={id}
          ref={input}
          readOnly
          value={url}
          data-testid={testId}
          aria-describedby={`${id}-hint`}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button" data-testid={`${testId}-copy`} onClick={() => void copy()}>
          {copied ? t('start.copied') : t('start.copy')}
        </button>
        <a className="button button--quiet" href={url} target="_blank" rel="noopener">
          {t('start.open')}
        </a>
      </div>
    </section>
  )
}
