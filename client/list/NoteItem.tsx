import { DotControls } from '../docView/DotControls.tsx'
import { neighbourButton, NoteEditActions, NoteEditForm, useNoteEditing } from '../docView/NoteEditing.tsx'
import type { Workshop } from '../docView/useWorkshop.ts'
import type { NoteView } from '../docView/workshopModel.ts'
import { useTranslate } from '../i18n/translate.ts'

/**
 * One note in the list: text, author, dots; its author (and the moderation) may edit and delete
 * it where the rules allow. Editing happens in place; focus returns to the edit button after.
 */
export function NoteItem({ note, workshop }: { note: NoteView; workshop: Workshop }) {
  const t = useTranslate()
  const editing = useNoteEditing(note, workshop)
  const { label, sealedText } = editing

  return (
    <li className="list-note" data-testid="list-note" data-note-id={note.id}>
      {editing.draft === null ? (
        <p className={`list-note__text${note.sealed ? ' list-note__text--sealed' : ''}`}>
          {label}
          {note.sealed && sealedText !== undefined && <span className="list-note__hint"> ({t('note.sealedMine')})</span>}
        </p>
      ) : (
        <NoteEditForm editing={editing} className="list-note__edit" />
      )}
      <p className="list-note__author">{t('note.by', { name: note.authorName })}</p>
      <DotControls workshop={workshop} targetId={note.id} targetLabel={label} dots={note.dots} myDots={note.myDots} />
      <NoteEditActions
        editing={editing}
        className="list-note__actions"
        // With the note goes the focused button, and focus would fall to the page's start: it goes
        // to the next note's (or the one before's) first button, or else the board's text field.
        nextFocus={(button) => neighbourButton(button) ?? button.closest('section.list-board')?.querySelector<HTMLElement>('textarea')}
      />
    </li>
  )
}
