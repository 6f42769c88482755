import { DotControls } from '../docView/DotControls.tsx'
import { useNoteLabel } from '../docView/noteLabel.ts'
import type { Workshop } from '../docView/useWorkshop.ts'
import type { NoteView } from '../docView/workshopModel.ts'
import { useTranslate } from '../i18n/translate.ts'

/**
 * One note to give dots to on the phone: its text as the list view shows it (a sealed note's
 * only to its author), its author and the dot controls.
 */
export function PhoneVoteNote({ note, workshop }: { note: NoteView; workshop: Workshop }) {
  const t = useTranslate()
  const { label, sealedText } = useNoteLabel(note, workshop)
  return (
    <li className="phone-card">
      <p className="phone-card__text">{label}</p>
      {note.sealed && sealedText !== undefined && <p className="phone-card__author">{t('note.sealedMine')}</p>}
      <p className="phone-card__author">{t('note.by', { name: note.authorName })}</p>
      <DotControls workshop={workshop} targetId={note.id} targetLabel={label} dots={note.dots} myDots={note.myDots} />
    </li>
  )
}
