import { useEffect, useMemo, useRef } from 'react'
import { useEditor, useValue } from 'tldraw'
import { NoteComposer } from '../docView/NoteComposer.tsx'
import { useSendPendingSealedNotes } from '../docView/pendingSealedNotes.ts'
import { useMySealedTexts, useWorkshop } from '../docView/useWorkshop.ts'
import { useTranslate } from '../i18n/translate.ts'
import { useCanvasModeration } from './canvasModeration.ts'
import { isNote } from '../../shared/workshop/workshopRecords.ts'
import { sealedDraftKey, useSealedNoteStore } from './sealedNoteStore.ts'

/**
 * Keeps the author's sealed texts in the store while the canvas is open: fetched from the
 * server whenever their sealed notes in the document change (a new post, the reveal). Sealed
 * notes written without a connection go out once it is back, whether the dialog is open or not.
 */
export function SealedTextsSync() {
  const editor = useEditor()
  const { session, participant } = useCanvasModeration()
  const me = participant?.participantId ?? null
  const mySealedIds = useValue(
    'my sealed notes',
    () =>
      me === null
        ? ''
        : editor
            .getCurrentPageShapes()
            .filter((shape) => isNote(shape) && shape.meta.sealed === true && shape.meta.authorId === me)
            .map((shape) => shape.id)
            .sort()
            .join(','),
    [editor, me],
  )
  const ids = mySealedIds === '' ? [] : mySealedIds.split(',')
  const participantToken = participant?.participantToken ?? null
  const { sealedTexts, addSealedText } = useMySealedTexts(session.id, participantToken, ids)
  useEffect(() => useSealedNoteStore.getState().setTexts(sealedTexts), [sealedTexts])
  const sender = useMemo(() => (participantToken ? { sessionId: session.id, participantToken } : null), [session.id, participantToken])
  useSendPendingSealedNotes(sender, addSealedText)
  return null
}

/** The dialog behind "+ Karte" in hidden mode: the note goes to the server, not the document. */
export function SealedNoteDialog() {
  const questionIndex = useSealedNoteStore((state) => state.composing)
  if (questionIndex === null) return null
  return <SealedNoteForm questionIndex={questionIndex} />
}

function SealedNoteForm({ questionIndex }: { questionIndex: number }) {
  const t = useTranslate()
  const { connection, session, participant, moderation } = useCanvasModeration()
  // Revealed while the dialog is open: what is sent from it now goes up openly, and it says so.
  const title = t(moderation.hiddenMode ? 'sealed.title' : 'sealed.titleOpen', { number: questionIndex + 1 })
  // The full model only while the dialog is open: NoteComposer checks and posts with it.
  const workshop = useWorkshop({ connection, session, participant })
  const close = useSealedNoteStore((state) => state.close)
  // Closing keeps the typed text: "+ Karte" shows it again (nothing written is dropped silently).
  const draftKey = sealedDraftKey(session.id, questionIndex)
  const draft = useSealedNoteStore((state) => state.drafts.get(draftKey) ?? '')
  const setDraft = useSealedNoteStore((state) => state.setDraft)
  const dialog = useRef<HTMLDivElement>(null)
  useEffect(() => {
    dialog.current?.querySelector('textarea')?.focus()
  }, [])
  return (
    <div
      ref={dialog}
      className="sealed-dialog"
      role="dialog"
      aria-modal="false"
      aria-label={title}
      data-testid="sealed-note-dialog"
      onKeyDown={(event) => {
        // Keys typed here are not tldraw shortcuts.
        event.stopPropagation()
        if (event.key === 'Escape') close()
      }}
    >
      <div className="sealed-dialog__head">
        <strong data-testid="sealed-note-title">{title}</strong>
        <button type="button" className="button button--quiet" onClick={close} data-testid="sealed-note-close">
          {t('sealed.close')}
        </button>
      </div>
      <NoteComposer
        workshop={workshop}
        questionIndex={questionIndex}
        label={t('compose.label', { number: questionIndex + 1 })}
        inputTestId="sealed-note-input"
        sendTestId="sealed-note-send"
        draft={draft}
        onDraftChange={(text) => setDraft(draftKey, text)}
      />
    </div>
  )
}
