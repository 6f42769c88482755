import { useTranslate } from '../i18n/translate.ts'
import { PhaseStatus } from '../docView/PhaseStatus.tsx'
import { useWorkshop, type DocViewProps } from '../docView/useWorkshop.ts'
import { BoardSection } from './BoardSection.tsx'
import { useNoteAnnouncements } from './useNoteAnnouncements.ts'
import '../docView/docView.css'
import './list.css'

/**
 * The accessible list view: the whole workshop as headings and lists (question → cluster →
 * note), with posting, editing and voting by keyboard, and a polite live region that announces
 * notes by others as they arrive. Same live document as the canvas.
 */
export default function ListView(props: DocViewProps) {
  const t = useTranslate()
  const workshop = useWorkshop(props)
  const announcement = useNoteAnnouncements(workshop.view)
  return (
    <main className="doc-view list-view" aria-labelledby="list-view-title" data-testid="list-view">
      <div className="list-view__inner">
        <h2 id="list-view-title" className="list-view__title">
          {t('list.title')}
        </h2>
        <PhaseStatus moderation={workshop.view.moderation} budget={workshop.budget} />
        {workshop.actor.role === 'viewer' && <p className="list-view__readonly">{t('list.readonly')}</p>}
        {workshop.budget.running && !workshop.view.resultsVisible && <p>{t('dots.resultsHidden')}</p>}
        {workshop.view.boards.map((board) => (
          <BoardSection key={board.id} board={board} workshop={workshop} />
        ))}
        <div className="sr-only" aria-live="polite" data-testid="list-announcer">
          {announcement}
        </div>
      </div>
    </main>
  )
}
