import { useRef, useState } from 'react'
import { useTranslate } from '../i18n/translate.ts'
import { useToastStore, type Toast } from '../stores/toastStore.ts'

/** Short messages in a live region, so screen readers announce them too. */
export function ToastHost() {
  const toasts = useToastStore((state) => state.toasts)
  const dismiss = useToastStore((state) => state.dismiss)
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast--${toast.kind}`} data-testid="toast">
          <span>
            {toast.message}
            {toast.keptText !== undefined && <KeptText text={toast.keptText} />}
          </span>
          <button type="button" className="toast__close" aria-label="×" onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}

/** A text of the person's that could not be sent, whole and selectable, with a button to copy it. */
function KeptText({ text }: { text: NonNullable<Toast['keptText']> }) {
  const t = useTranslate()
  const field = useRef<HTMLTextAreaElement>(null)
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
    } catch {
      // No clipboard API (a page served over plain http): the browser's copy of a selection.
      field.current?.select()
      document.execCommand('copy')
    }
    setCopied(true)
  }
  return (
    <span className="toast__kept">
      <textarea ref={field} className="toast__kept-text" readOnly value={text} aria-label={t('toast.keptText')} data-testid="toast-kept-text" rows={3} />
      <button type="button" className="toast__copy" onClick={() => void copy()} data-testid="toast-copy">
        {copied ? t('toast.copied') : t('toast.copy')}
      </button>
    </span>
  )
}
