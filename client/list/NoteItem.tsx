import { useEffect, useId, useRef, useState, type FormEvent, type MouseEvent } from 'react'
import { refusalMessage } from '../i18n/refusalMessage.ts'
import { useTranslate } from '../i18n/translate.ts'
import { showToast } from '../stores/toastStore.ts'
import { textExcerpt } from '../../shared/text/textExcerpt.ts'
import { DotControls } from '../docView/DotControls.tsx'
import { NOTE_MAX_LENGTH } from '../docView/NoteComposer.tsx'
import type { Workshop } from '../docView/useWorkshop.ts'
import { deleteNote, deleteVerdict, editNote, editVerdict } from '../docView/workshopActions.ts'
import type { NoteView } from '../docView/workshopModel.ts'

/** What a note says, as shown and read out: its text, or what is known of a sealed note. */
export function noteLabel(note: NoteView, sealedText: string | undefined, sealedLabel: string): string {
  if (note.sealed) return sealedText ?? sealedLabel
  return note.text
}

/**
 * One note in the list: text, author, dots; its author (and the moderation) may edit and delete
 * it where the rules allow. Editing happens in place; focus returns to the edit button after.
 */
export function NoteItem({ note, workshop }: { note: NoteView; workshop: Workshop }) {
  const t = useTranslate()
  const id = useId()
  const [draft, setDraft] = useState<string | null>(null)
  const editButton = useRef<HTMLButtonElement>(null)
  const field = useRef<HTMLTextAreaElement>(null)
  const returnFocus = useRef(false)
  const sealedText = workshop.sealedTexts.get(note.id)
  const label = noteLabel(note, sealedText, t('note.sealed'))
  // Only authors and the moderation can ever touch a note; skip asking the rules for the rest.
  const mayTouch = note.mine || workshop.actor.role === 'moderator'
  const canEdit = mayTouch && !note.sealed && editVerdict(workshop.doc, workshop.actor, note.id).allowed
  const canDelete = mayTouch && deleteVerdict(workshop.doc, workshop.actor, note.id).allowed

  useEffect(() => {
    if (draft !== null) field.current?.focus()
    else if (returnFocus.current) {
      returnFocus.current = false
      editButton.current?.focus()
    }
  }, [draft !== null]) // eslint-disable-line react-hooks/exhaustive-deps

  function save(event: FormEvent) {
    event.preventDefault()
    if (draft === null) return
    const result = editNote(workshop.doc, workshop.actor, note.id, draft)
    if (!result.allowed) showToast(t('board.refused', { reason: refusalMessage(t, result.refusal) }), 'error')
    returnFocus.current = true
    setDraft(null)
  }

  function remove(event: MouseEvent<HTMLButtonElement>) {
    // With the note goes the focused button, and focus would fall to the page's start: it goes
    // to the next note's (or the one before's) first button, or else the board's text field.
    const item = event.currentTarget.closest('li')
    const nextFocus =
      [item?.nextElementSibling, item?.previousElementSibling].map((sibling) => sibling?.querySelector<HTMLElement>('button')).find(Boolean) ??
      event.currentTarget.closest('section.list-board')?.querySelector<HTMLElement>('textarea')
    const result = deleteNote(workshop.doc, workshop.actor, note.id)
    showToast(result.allowed ? t('note.deleted') : t('board.refused', { reason: refusalMessage(t, result.refusal) }), result.allowed ? 'info' : 'error')
    if (result.allowed) requestAnimationFrame(() => nextFocus?.focus())
  }

  return (
    <li className="list-note" data-testid="list-note" data-note-id={note.id}>
      {draft === null ? (
        <p className={`list-note__text${note.sealed ? ' list-note__text--sealed' : ''}`}>
          {label}
          {note.sealed && sealedText !== undefined && <span className="list-note__hint"> ({t('note.sealedMine')})</span>}
        </p>
      ) : (
        <form className="list-note__edit" onSubmit={save}>
          <label htmlFor={`${id}-edit`}>{t('note.editField')}</label>
          <textarea
            id={`${id}-edit`}
            ref={field}
            rows={3}
            maxLength={NOTE_MAX_LENGTH}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                returnFocus.current = true
                setDraft(null)
              }
            }}
          />
          <div className="actions">
            <button type="submit" className="button button--primary">
              {t('note.save')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                returnFocus.current = true
                setDraft(null)
              }}
            >
              {t('note.cancel')}
            </button>
          </div>
        </form>
      )}
      <p className="list-note__author">{t('note.by', { name: note.authorName })}</p>
      <DotControls workshop={workshop} targetId={note.id} targetLabel={label} dots={note.dots} myDots={note.myDots} />
      {draft === null && (canEdit || canDelete) && (
        <div className="list-note__actions">
          {canEdit && (
            <button
              type="button"
              ref={editButton}
              className="button button--quiet"
              aria-label={t('note.editLabel', { text: textExcerpt(label) })}
              onClick={() => setDraft(note.text)}
            >
              {t('note.edit')}
            </button>
          )}
          {canDelete && (
            <button type="button" className="button button--quiet" aria-label={t('note.deleteLabel', { text: textExcerpt(label) })} onClick={remove}>
              {t('note.delete')}
            </button>
          )}
        </div>
      )}
    </li>
  )
}
