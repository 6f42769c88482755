import { useCallback } from 'react'
import type * as Y from 'yjs'
import { buildExport } from '../../shared/export/exportModel.ts'
import type { RankingEntry } from '../../shared/export/exportSchema.ts'
import { readModerationState } from '../../shared/moderation/moderationState.ts'
import { dotCountText } from '../docView/DotControls.tsx'
import { useDocSnapshot } from '../docView/useDocSnapshot.ts'
import { useTranslate } from '../i18n/translate.ts'
import { useModerationState } from '../session/useModerationState.ts'
import { useSealedNoteStore } from '../canvas/sealedNoteStore.ts'
import { useResultsStore } from './resultsStore.ts'

interface BoardResult {
  questionIndex: number
  question: string
  ranking: RankingEntry[]
}

/**
 * The ranking of each board once a voting round has ended, for everyone: the same ranking the
 * export writes into the protocol (shared/export), so screen and protocol never disagree.
 * A sealed note (a round ended before the reveal) is named as on the canvas and the phone: by
 * its text for its author (who has it from the server), as "Verdeckte Karte" for everyone else.
 */
export function VotingResults({ doc, sessionId }: { doc: Y.Doc; sessionId: string }) {
  const t = useTranslate()
  const moderation = useModerationState(doc)
  const closedRoundId = useResultsStore((state) => state.closedRoundId)
  const mySealedTexts = useSealedNoteStore((state) => state.texts)
  const close = useResultsStore((state) => state.close)
  const select = useCallback(
    (current: Y.Doc): BoardResult[] | null => {
      if (readModerationState(current).voting?.status !== 'ended') return null
      try {
        const { boards } = buildExport(current, { sessionId, exportedAt: new Date(), anonymise: false, includeEmpty: true })
        return boards.map(({ questionIndex, question, ranking }) => ({ questionIndex, question, ranking }))
      } catch {
        return null // not a seeded session document (yet)
      }
    },
    [sessionId],
  )
  const results = useDocSnapshot(doc, select)
  const voting = moderation.voting
  if (!results || !voting || voting.status !== 'ended' || closedRoundId === voting.roundId) return null

  return (
    <section className="voting-results" aria-labelledby="voting-results-title" data-testid="voting-results">
      <div className="voting-results__head">
        <h2 id="voting-results-title">{t('results.title')}</h2>
        <button type="button" className="button button--quiet" data-testid="voting-results-close" onClick={() => close(voting.roundId)}>
          {t('results.close')}
        </button>
      </div>
      {results.map((board) => (
        <section key={board.questionIndex} className="voting-results__board" data-testid={`voting-results-board-${board.questionIndex}`}>
          <h3>
            {board.questionIndex + 1}. {board.question}
          </h3>
          {board.ranking.length === 0 ? (
            <p className="voting-results__none">{t('results.none')}</p>
          ) : (
            <ol className="voting-results__list">
              {board.ranking.map((entry) => (
                <li key={entry.id} data-testid="voting-result" data-place={entry.place}>
                  <span className="voting-results__place">{entry.place}.</span>
                  <span className="voting-results__label">
                    {entry.kind === 'cluster' && <span className="voting-results__kind">{t('results.cluster')}: </span>}
                    {(entry.sealed ? (mySealedTexts.get(entry.id) ?? t('note.sealed')) : entry.label) || '…'}
                  </span>
                  <span className="voting-results__dots">{dotCountText(t, entry.dots)}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </section>
  )
}
