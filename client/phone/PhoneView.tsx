import { useState } from 'react'
import { useTranslate } from '../i18n/translate.ts'
import { clusterTitle } from '../docView/clusterTitle.ts'
import { canVoteNow, DotControls } from '../docView/DotControls.tsx'
import { NoteComposer } from '../docView/NoteComposer.tsx'
import { usePendingSealedNotes } from '../docView/pendingSealedNotes.ts'
import { PhaseStatus } from '../docView/PhaseStatus.tsx'
import { useWorkshop, type DocViewProps } from '../docView/useWorkshop.ts'
import { notesOfBoard } from '../docView/workshopModel.ts'
import { PhoneMyNote } from './PhoneMyNote.tsx'
import { PhoneResults } from './PhoneResults.tsx'
import { PhoneVoteNote } from './PhoneVoteNote.tsx'
import { QuestionPicker } from './QuestionPicker.tsx'
import '../docView/docView.css'
import './phone.css'

/**
 * "Karte schreiben": the phone view. Pick a guiding question, write a note, send it; see one's
 * own notes; give dots while a round runs and see the result after it; phase and timer on top.
 * It writes the same records as the canvas through shared/ code and never loads tldraw, so it
 * stays small and works without a tldraw licence.
 */
export default function PhoneView(props: DocViewProps) {
  const t = useTranslate()
  const workshop = useWorkshop(props)
  const { view, budget } = workshop
  const [questionIndex, setQuestionIndex] = useState(0)
  const board = view.boards.find((candidate) => candidate.questionIndex === questionIndex) ?? view.boards[0]
  const number = (board?.questionIndex ?? 0) + 1
  const mine = view.boards.flatMap((candidate) =>
    notesOfBoard(candidate)
      .filter((note) => note.mine)
      .map((note) => ({ note, number: candidate.questionIndex + 1 })),
  )
  // Sealed notes written offline, not yet handed in: hers too, shown as waiting.
  const waiting = usePendingSealedNotes((state) => state.notes).filter(
    (pending) => pending.sessionId === workshop.sessionId && pending.participantToken === workshop.participantToken,
  )
  const voting = canVoteNow(workshop)
  const roundEnded = view.moderation.voting?.status === 'ended' && view.resultsVisible

  return (
    <main className="doc-view phone-view" aria-labelledby="phone-view-title" data-testid="phone-view">
      <h2 id="phone-view-title" className="phone-view__title">
        {t('phone.title')}
      </h2>
      <PhaseStatus moderation={view.moderation} budget={budget} />
      <QuestionPicker boards={view.boards} selected={board?.questionIndex ?? 0} onSelect={setQuestionIndex} />
      {voting && board && (
        <section className="phone-view__section" aria-labelledby="phone-vote-title">
          <h3 id="phone-vote-title">
            {t('phone.vote')} · {t('list.question', { number })}
          </h3>
          {!view.resultsVisible && <p className="phone-view__hint">{t('dots.resultsHidden')}</p>}
          {board.noteCount === 0 && board.clusters.length === 0 ? (
            <p className="phone-view__hint">{t('phone.noTargets')}</p>
          ) : (
            <ul className="phone-cards">
              {board.clusters.map((cluster) => (
                <li key={cluster.id} className="phone-card phone-card--cluster">
                  <p className="phone-card__text">{clusterTitle(cluster, t('list.unnamedCluster'))}</p>
                  <DotControls
                    workshop={workshop}
                    targetId={cluster.id}
                    targetLabel={clusterTitle(cluster, t('list.unnamedCluster'))}
                    dots={cluster.dots}
                    myDots={cluster.myDots}
                  />
                </li>
              ))}
              {notesOfBoard(board).map((note) => (
                <PhoneVoteNote key={note.id} note={note} workshop={workshop} />
              ))}
            </ul>
          )}
        </section>
      )}
      {roundEnded && board && <PhoneResults board={board} workshop={workshop} />}
      {board && workshop.actor.role !== 'viewer' && (
        <NoteComposer
          key={board.questionIndex}
          workshop={workshop}
          questionIndex={board.questionIndex}
          label={t('compose.label', { number })}
          inputTestId="phone-note-input"
          sendTestId="phone-send"
          rows={4}
        />
      )}
      {workshop.actor.role !== 'viewer' && (
        <section className="phone-view__section" aria-labelledby="phone-mine-title">
          <h3 id="phone-mine-title">{t('phone.myNotes')}</h3>
          {mine.length === 0 && waiting.length === 0 ? (
            <p className="phone-view__hint">{t('phone.noNotes')}</p>
          ) : (
            <ul className="phone-cards" data-testid="phone-my-notes">
              {mine.map(({ note, number: noteNumber }) => (
                <PhoneMyNote key={note.id} note={note} questionNumber={noteNumber} workshop={workshop} />
              ))}
              {waiting.map((pending) => (
                <li key={pending.noteId} className="phone-card phone-card--mine" data-testid="phone-waiting-note">
                  <p className="phone-card__question">{t('list.question', { number: pending.questionIndex + 1 })}</p>
                  <p className="phone-card__text">{pending.text}</p>
                  <p className="phone-card__author">{t('note.sealedWaiting')}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </main>
  )
}
