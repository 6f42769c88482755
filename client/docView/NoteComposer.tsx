import { useId, useState, type FormEvent } from 'react'
import { PHASE_RULES } from '../../shared/moderation/moderationState.ts'
import type { Refusal } from '../../shared/permissions/refusal.ts'
import { refusalMessage } from '../i18n/refusalMessage.ts'
import { useTranslate, type Translate } from '../i18n/translate.ts'
import { useConnectionStore } from '../stores/connectionStore.ts'
import { newSealedNoteId, usePendingSealedNotes } from './pendingSealedNotes.ts'
import { sendSealedNote } from './sealedNoteSending.ts'
import type { Workshop } from './useWorkshop.ts'
import { postingVerdict, postNote, postsAreSealed } from './workshopActions.ts'

/** Longest note text; the sealed-note route refuses longer ones (server/http/routes/moderationRoutes.ts). */
export const NOTE_MAX_LENGTH = 2000

interface NoteComposerProps {
  workshop: Workshop
  questionIndex: number
  /** Visible label of the text field. */
  label: string
  inputTestId?: string
  sendTestId?: string
  rows?: number
  /**
   * The text kept by the caller, when it must outlive this form (the hidden-mode dialog keeps it
   * while closed); without it the form keeps its own.
   */
  draft?: string
  onDraftChange?: (text: string) => void
}

/** Why no note can be posted to the question right now, in the person's language where known. */
function blockedMessage(t: Translate, workshop: Workshop, questionIndex: number, refusal: Refusal): string {
  const { moderation, boards } = workshop.view
  if (boards.find((board) => board.questionIndex === questionIndex)?.locked) return t('compose.locked')
  if (!PHASE_RULES[moderation.phase].createNotes) return t('compose.phase', { phase: t(`phase.${moderation.phase}`) })
  return t('compose.notNow', { reason: refusalMessage(t, refusal) })
}

/** `sealed`: the note was handed in hidden, which its confirmation says until the reveal. */
type Status =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'done'; message: string }
  | { kind: 'sealed' }
  | { kind: 'error'; message: string }

function statusMessage(t: Translate, status: Status, sealed: boolean): string {
  if (status.kind === 'done' || status.kind === 'error') return status.message
  // Once revealed, a card handed in hidden hangs openly at the board: the confirmation follows.
  if (status.kind === 'sealed') return t(sealed ? 'compose.sentSealed' : 'compose.sentSealedRevealed')
  return ''
}

/**
 * A labelled text field and a send button that post one note to a question's board: into the
 * document like the canvas does, or, in hidden mode, to the server's sealed-note route
 * (sealedNoteSending.ts, which a paste onto the canvas takes too).
 */
export function NoteComposer({ workshop, questionIndex, label, inputTestId, sendTestId, rows = 3, draft, onDraftChange }: NoteComposerProps) {
  const t = useTranslate()
  const id = useId()
  const [ownText, setOwnText] = useState('')
  const text = draft ?? ownText
  const setText = onDraftChange ?? setOwnText
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  // Recomputed on every render; the workshop snapshot re-renders this on each document change.
  const verdict = postingVerdict(workshop.doc, workshop.actor, workshop.author, questionIndex)

  async function send(event: FormEvent) {
    event.preventDefault()
    const trimmed = text.trim()
    if (!trimmed) {
      setStatus({ kind: 'error', message: t('compose.empty') })
      return
    }
    if (!workshop.author) return
    if (postsAreSealed(workshop.doc)) {
      if (!workshop.participantToken) return
      setStatus({ kind: 'sending' })
      const sender = { sessionId: workshop.sessionId, participantToken: workshop.participantToken }
      const noteId = newSealedNoteId()
      const result = await sendSealedNote(t, sender, questionIndex, trimmed, noteId)
      if (result.sent) {
        workshop.addSealedText(result.noteId, result.text)
        setText('')
        setStatus({ kind: 'sealed' })
      } else if (result.offline) {
        // Kept on the device and sent, under the same id, once the connection is back (useWorkshop).
        usePendingSealedNotes.getState().keep({ ...sender, noteId, questionIndex, text: trimmed })
        setText('')
        setStatus({ kind: 'done', message: t('compose.sentSealedOffline') })
      } else setStatus({ kind: 'error', message: t('compose.failed', { message: result.reason }) })
      return
    }
    const result = postNote(workshop.doc, workshop.actor, workshop.author, questionIndex, trimmed)
    if (result.allowed) {
      setText('')
      // Offline, the note waits on the device (y-indexeddb) and goes up when the connection returns.
      const online = useConnectionStore.getState().status === 'online'
      setStatus({ kind: 'done', message: t(online ? 'compose.sent' : 'compose.sentOffline') })
    } else setStatus({ kind: 'error', message: t('compose.failed', { message: refusalMessage(t, result.refusal) }) })
  }

  if (!verdict.allowed)
    return (
      <p className="composer__blocked" data-testid="compose-blocked">
        {blockedMessage(t, workshop, questionIndex, verdict.refusal)}
      </p>
    )

  return (
    <form className="composer" onSubmit={send}>
      <label className="composer__label" htmlFor={`${id}-text`}>
        {label}
      </label>
      <textarea
        id={`${id}-text`}
        className="composer__input"
        data-testid={inputTestId}
        rows={rows}
        maxLength={NOTE_MAX_LENGTH}
        value={text}
        aria-describedby={`${id}-status`}
        onChange={(event) => {
          setText(event.target.value)
          if (status.kind !== 'sending') setStatus({ kind: 'idle' })
        }}
      />
      <div className="composer__actions">
        <button type="submit" className="button button--primary" data-testid={sendTestId} disabled={status.kind === 'sending'}>
          {status.kind === 'sending' ? t('compose.sending') : t('compose.send')}
        </button>
      </div>
      <p id={`${id}-status`} className={`composer__status${status.kind === 'error' ? ' error' : ''}`} role="status">
        {statusMessage(t, status, postsAreSealed(workshop.doc))}
      </p>
    </form>
  )
}
