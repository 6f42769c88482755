import { useTranslate, type Translate } from '../i18n/translate.ts'
import { clusterTitle } from '../docView/clusterTitle.ts'
import { DotControls } from '../docView/DotControls.tsx'
import { NoteComposer } from '../docView/NoteComposer.tsx'
import type { Workshop } from '../docView/useWorkshop.ts'
import type { BoardView, NoteView } from '../docView/workshopModel.ts'
import { NoteItem } from './NoteItem.tsx'

export function cardCountText(t: Translate, count: number): string {
  return count === 1 ? t('list.cardsOne') : t('list.cardsMany', { count })
}

function NoteList({ notes, workshop }: { notes: NoteView[]; workshop: Workshop }) {
  return (
    <ul className="list-notes">
      {notes.map((note) => (
        <NoteItem key={note.id} note={note} workshop={workshop} />
      ))}
    </ul>
  )
}

/**
 * One guiding question: its full text as a level-2 heading, its clusters as level-3 headings
 * with their notes, the notes in no cluster, and a form to post a note there.
 */
export function BoardSection({ board, workshop }: { board: BoardView; workshop: Workshop }) {
  const t = useTranslate()
  const headingId = `list-board-${board.questionIndex}`
  const number = board.questionIndex + 1
  const writable = workshop.actor.role !== 'viewer'
  return (
    <section className="list-board" aria-labelledby={headingId} data-testid={`list-board-${board.questionIndex}`}>
      <h2 id={headingId} className="list-board__question">
        <span className="list-board__number">{t('list.question', { number })}: </span>
        {board.question}
      </h2>
      <p className="list-board__meta">
        {cardCountText(t, board.noteCount)}
        {board.locked && <span className="badge badge--readonly list-board__locked">{t('list.locked')}</span>}
      </p>
      {board.noteCount === 0 && board.clusters.length === 0 && <p className="list-board__empty">{t('list.noCards')}</p>}
      {board.clusters.map((cluster) => {
        const name = clusterTitle(cluster, t('list.unnamedCluster'))
        return (
          <section key={cluster.id} className="list-cluster" aria-labelledby={`${headingId}-${cluster.id}`}>
            <h3 id={`${headingId}-${cluster.id}`}>{name}</h3>
            <DotControls workshop={workshop} targetId={cluster.id} targetLabel={name} dots={cluster.dots} myDots={cluster.myDots} />
            <NoteList notes={cluster.notes} workshop={workshop} />
          </section>
        )
      })}
      {board.notes.length > 0 && (
        <>
          {board.clusters.length > 0 && <h3>{t('list.unclustered')}</h3>}
          <NoteList notes={board.notes} workshop={workshop} />
        </>
      )}
      {writable && <NoteComposer workshop={workshop} questionIndex={board.questionIndex} label={t('compose.label', { number })} rows={2} />}
    </section>
  )
}
