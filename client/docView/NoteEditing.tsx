import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react'
import { refusalMessage } from '../i18n/refusalMessage.ts'
import { useTranslate } from '../i18n/translate.ts'
import { showToast } from '../stores/toastStore.ts'
import { textExcerpt } from '../../shared/text/textExcerpt.ts'
import { NOTE_MAX_LENGTH } from './NoteComposer.tsx'
import { useNoteLabel } from './noteLabel.ts'
import type { Workshop } from './useWorkshop.ts'
import { deleteNote, deleteVerdict, editNote, editVerdict } from './workshopActions.ts'
import type { NoteView } from './workshopModel.ts'

export interface NoteEditing {
  note: NoteView
  /** The note's text as shown and read out (sealed notes: what is known of them). */
  label: string
  sealedText: string | undefined
  canEdit: boolean
  canDelete: boolean
  /** The text being edited, or null while not editing. */
  draft: string | null
  setDraft: (draft: string) => void
  start: () => void
  cancel: () => void
  save: (event: FormEvent) => void
  /** Deletes the note; focus then goes to `nextFocus`, as the focused button goes with the note. */
  remove: (nextFocus: HTMLElement | null | undefined) => void
  editButton: RefObject<HTMLButtonElement | null>
  field: RefObject<HTMLTextAreaElement | null>
}

/**
 * Editing and deleting one note in place, by the same rules wherever it is shown (list view,
 * phone view): only its author (and the moderation) where workshopActions allows it, never a
 * sealed note's text. Focus goes to the text field when editing starts and back to the edit
 * button after.
 */
export function useNoteEditing(note: NoteView, workshop: Workshop): NoteEditing {
  const t = useTranslate()
  const [draft, setDraftState] = useState<string | null>(null)
  const editButton = useRef<HTMLButtonElement>(null)
  const field = useRef<HTMLTextAreaElement>(null)
  const returnFocus = useRef(false)
  const { label, sealedText } = useNoteLabel(note, workshop)
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

  function cancel() {
    returnFocus.current = true
    setDraftState(null)
  }

  function save(event: FormEvent) {
    event.preventDefault()
    if (draft === null) return
    const result = editNote(workshop.doc, workshop.actor, note.id, draft)
    if (!result.allowed) showToast(t('board.refused', { reason: refusalMessage(t, result.refusal) }), 'error')
    cancel()
  }

  function remove(nextFocus: HTMLElement | null | undefined) {
    const result = deleteNote(workshop.doc, workshop.actor, note.id)
    showToast(result.allowed ? t('note.deleted') : t('board.refused', { reason: refusalMessage(t, result.refusal) }), result.allowed ? 'info' : 'error')
    if (result.allowed) requestAnimationFrame(() => nextFocus?.focus())
  }

  return {
    note,
    label,
    sealedText,
    canEdit,
    canDelete,
    draft,
    setDraft: setDraftState,
    start: () => setDraftState(note.text),
    cancel,
    save,
    remove,
    editButton,
    field,
  }
}

/** The in-place edit form: the note's text in a textarea, save and cancel (Escape cancels too). */
export function NoteEditForm({ editing, className, rows = 3 }: { editing: NoteEditing; className: string; rows?: number }) {
  const t = useTranslate()
  const id = useId()
  return (
    <form className={className} onSubmit={editing.save}>
      <label htmlFor={`${id}-edit`}>{t('note.editField')}</label>
      <textarea
        id={`${id}-edit`}
        ref={editing.field}
        rows={rows}
        maxLength={NOTE_MAX_LENGTH}
        value={editing.draft ?? ''}
        onChange={(event) => editing.setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') editing.cancel()
        }}
      />
      <div className="actions">
        <button type="submit" className="button button--primary">
          {t('note.save')}
        </button>
        <button type="button" className="button" onClick={editing.cancel}>
          {t('note.cancel')}
        </button>
      </div>
    </form>
  )
}

/**
 * The edit and delete buttons, named after the note for screen readers; nothing where neither is
 * allowed or while editing. `nextFocus` says where focus goes once the note (and the button) is gone.
 */
export function NoteEditActions({
  editing,
  className,
  nextFocus,
}: {
  editing: NoteEditing
  className: string
  nextFocus: (deleteButton: HTMLButtonElement) => HTMLElement | null | undefined
}) {
  const t = useTranslate()
  if (editing.draft !== null || !(editing.canEdit || editing.canDelete)) return null
  return (
    <div className={className}>
      {editing.canEdit && (
        <button
          type="button"
          ref={editing.editButton}
          className="button button--quiet"
          aria-label={t('note.editLabel', { text: textExcerpt(editing.label) })}
          onClick={editing.start}
        >
          {t('note.edit')}
        </button>
      )}
      {editing.canDelete && (
        <button
          type="button"
          className="button button--quiet"
          aria-label={t('note.deleteLabel', { text: textExcerpt(editing.label) })}
          onClick={(event) => editing.remove(nextFocus(event.currentTarget))}
        >
          {t('note.delete')}
        </button>
      )}
    </div>
  )
}

/** After deleting a note in a list: the next note's (or the one before's) first button. */
export function neighbourButton(deleteButton: HTMLElement): HTMLElement | undefined {
  const item = deleteButton.closest('li')
  return [item?.nextElementSibling, item?.previousElementSibling].map((sibling) => sibling?.querySelector<HTMLElement>('button') ?? undefined).find(Boolean)
}
