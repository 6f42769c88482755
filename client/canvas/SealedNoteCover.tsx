import type { TLNoteShape } from 'tldraw'
import { useTranslate } from '../i18n/translate.ts'
import { useSealedNoteStore } from './sealedNoteStore.ts'

/**
 * Covers a sealed note (hidden mode): its author sees their own text, fetched from the server;
 * everyone else sees a covered card. The document holds no text for it at all, so there is
 * nothing under the cover to uncover (see server/moderation/sealedNotes.ts).
 */
export function SealedNoteCover({ shape }: { shape: TLNoteShape }) {
  const t = useTranslate()
  const text = useSealedNoteStore((state) => state.texts.get(shape.id))
  const mine = text !== undefined
  return (
    <div
      className={mine ? 'sealed-cover sealed-cover--mine' : 'sealed-cover'}
      data-testid="sealed-note"
      data-mine={mine}
      style={{ fontSize: 22 * shape.props.scale }}
    >
      {mine ? (
        <>
          <span className="sealed-cover__text">{text}</span>
          <span className="sealed-cover__hint">{t('note.sealedMine')}</span>
        </>
      ) : (
        <span className="sealed-cover__label">{t('note.covered')}</span>
      )}
    </div>
  )
}
