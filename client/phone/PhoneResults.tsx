import { dotCountText } from '../docView/DotControls.tsx'
import { noteLabel } from '../docView/noteLabel.ts'
import type { Workshop } from '../docView/useWorkshop.ts'
import { notesOfBoard, rankingOfBoard, type BoardView } from '../docView/workshopModel.ts'
import { useTranslate } from '../i18n/translate.ts'

/**
 * The ended round's result for the question the phone shows, ranked as the canvas's results
 * panel and the export rank it. Phones had no results at all: the panel is the canvas's.
 */
export function PhoneResults({ board, workshop }: { board: BoardView; workshop: Pick<Workshop, 'sealedTexts'> }) {
  const t = useTranslate()
  // Labelled as the canvas's results panel labels them: "Cluster: name" ("…" without a name).
  const ranking = rankingOfBoard(board, '…')
  const notes = new Map(notesOfBoard(board).map((note) => [note.id, note]))
  // A note as this person sees it everywhere else: a sealed note (its text still on the server)
  // by its text for its author and as "Verdeckte Karte" for the others, not by its empty text.
  const noteText = (id: string, text: string) => {
    const note = notes.get(id)
    return (note ? noteLabel(note, workshop.sealedTexts.get(id), t('note.sealed')) : text) || '…'
  }
  return (
    <section className="phone-view__section" aria-labelledby="phone-results-title" data-testid="phone-results">
      <h3 id="phone-results-title">
        {t('results.title')} · {t('list.question', { number: board.questionIndex + 1 })}
      </h3>
      {ranking.length === 0 ? (
        <p className="phone-view__hint">{t('results.none')}</p>
      ) : (
        <ol className="phone-cards">
          {ranking.map((entry) => (
            <li key={entry.id} className={entry.kind === 'cluster' ? 'phone-card phone-card--cluster' : 'phone-card'} data-testid="phone-result">
              <p className="phone-card__text">
                {t('results.entry', {
                  place: entry.place,
                  label: entry.kind === 'cluster' ? `${t('results.cluster')}: ${entry.label}` : noteText(entry.id, entry.label),
                })}
              </p>
              <p className="phone-card__author">{dotCountText(t, entry.dots)}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
