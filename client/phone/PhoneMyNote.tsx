import { neighbourButton, NoteEditActions, NoteEditForm, useNoteEditing } from '../docView/NoteEditing.tsx'
import type { Workshop } from '../docView/useWorkshop.ts'
import type { NoteView } from '../docView/workshopModel.ts'
import { useTranslate } from '../i18n/translate.ts'

/**
 * One of the participant's own notes under "Meine Karten": its question and text, edited in place
 * or deleted by the same rules as in the list view.
 */
export function PhoneMyNote({ note, questionNumber, workshop }: { note: NoteView; questionNumber: number; workshop: Workshop }) {
  const t = useTranslate()
  const editing = useNoteEditing(note, workshop)
  return (
    <li className="phone-card phone-card--mine" data-testid="phone-my-note">
      <p className="phone-card__question">{t('list.question', { number: questionNumber })}</p>
      {editing.draft === null ? (
        <p className="phone-card__text">{editing.label}</p>
      ) : (
        <NoteEditForm editing={editing} className="phone-card__edit" rows={4} />
      )}
      {note.sealed && <p className="phone-card__author">{t('note.sealedMine')}</p>}
      <NoteEditActions
        editing={editing}
        className="phone-card__actions"
        // The focused button goes with the note: focus moves to a neighbour's, or else the text field.
        nextFocus={(button) => neighbourButton(button) ?? document.querySelector<HTMLElement>('[data-testid="phone-note-input"]')}
      />
    </li>
  )
}
