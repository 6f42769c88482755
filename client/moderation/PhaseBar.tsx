import { useEffect } from 'react'
import type * as Y from 'yjs'
import { PHASES } from '../../shared/moderation/moderationState.ts'
import type { Actor } from '../../shared/permissions/participantRules.ts'
import { boardId } from '../../shared/workshop/workshopRecords.ts'
import { beyondBudgetText } from '../docView/DotControls.tsx'
import { dotBudgetOf } from '../docView/dotBudget.ts'
import { formatCountdown, useCountdown } from '../docView/serverClock.ts'
import { useTranslate } from '../i18n/translate.ts'
import { useModerationState } from '../session/useModerationState.ts'
import { useFollowStore } from './followStore.ts'
import { useResultsStore } from './resultsStore.ts'
import { useDots } from './useDots.ts'
import './moderation.css'
import { CheckboxField } from '../panels/CheckboxField.tsx'

interface PhaseBarProps {
  doc: Y.Doc
  actor: Actor
  questionCount: number
  /** Offer follow mode (the canvas carries it out; other views have no viewport to move). */
  offerFollow: boolean
}

/**
 * The state of the workshop for everyone, above the board: the phases with the current one
 * marked, the moderator's countdown in server time, hidden mode, locked questions, the voting
 * round and this person's dots left.
 */
export function PhaseBar({ doc, actor, questionCount, offerFollow }: PhaseBarProps) {
  const t = useTranslate()
  const moderation = useModerationState(doc)
  const dots = useDots(doc)
  const remaining = useCountdown(moderation.timer)
  const budget = dotBudgetOf(dots, moderation, actor.role === 'viewer' ? null : actor.participantId)
  const following = useFollowStore((state) => state.following)
  const setFollowing = useFollowStore((state) => state.setFollowing)
  const reopenResults = useResultsStore((state) => state.reopen)
  // The projector shows what the moderation shows, from the start (and again after a reload).
  useEffect(() => {
    if (actor.role === 'viewer') useFollowStore.getState().setFollowing(true)
  }, [actor.role])
  const lockedNumbers = Array.from({ length: questionCount }, (_, index) => index)
    .filter((index) => moderation.lockedBoards.includes(boardId(index)))
    .map((index) => index + 1)
  const voting = moderation.voting
  const timeUp = remaining === 0
  // Both tags may end in an ellipsis on a laptop (moderation.css); their title holds all of it.
  const lockedText = t('phaseBar.locked', { boards: lockedNumbers.join(', ') })
  const votingText = t('phaseBar.votingRunning') + (voting?.hideResults ? ` · ${t('phaseBar.resultsHidden')}` : '')

  return (
    <section className="phase-bar" aria-label={t('moderation.phaseBar')} data-testid="phase-indicator" data-phase={moderation.phase}>
      <ol className="phase-bar__steps">
        {PHASES.map((phase) => (
          <li
            key={phase}
            className={phase === moderation.phase ? 'phase-bar__step phase-bar__step--current' : 'phase-bar__step'}
            aria-current={phase === moderation.phase ? 'step' : undefined}
          >
            {t(`phase.${phase}`)}
          </li>
        ))}
      </ol>
      {moderation.hiddenMode && (
        <span className="phase-bar__tag phase-bar__tag--hidden" data-testid="hidden-mode-indicator" title={t('phase.hiddenMode')}>
          {t('phaseBar.hidden')}
        </span>
      )}
      {lockedNumbers.length > 0 && (
        <span className="phase-bar__tag phase-bar__tag--locked" data-testid="locked-indicator" title={lockedText}>
          {lockedText}
        </span>
      )}
      {voting?.status === 'running' && (
        <span className="phase-bar__tag" data-testid="voting-indicator" title={votingText}>
          {votingText}
        </span>
      )}
      {budget.running && (
        <span className="phase-bar__dots" data-testid="dots-left" aria-live="polite">
          {t('dots.budget', { remaining: budget.remaining, total: budget.total })}
        </span>
      )}
      {budget.running && budget.beyondBudget > 0 && (
        // The explanation in its title (the bar keeps one row): which dots these are, and what to do.
        <span className="phase-bar__dots dots__beyond" data-testid="dots-beyond-budget" title={t('dots.beyondHint')}>
          {beyondBudgetText(t, budget.beyondBudget)}
        </span>
      )}
      {voting?.status === 'ended' && (
        <button type="button" className="button phase-bar__button" data-testid="voting-results-open" onClick={reopenResults}>
          {t('phaseBar.showResults')}
        </button>
      )}
      {remaining !== null && (
        <span className={timeUp ? 'phase-bar__timer phase-bar__timer--up' : 'phase-bar__timer'}>
          <span className="phase-bar__timer-label">{t('timer.label')}:</span>{' '}
          <strong role="timer" data-testid="timer-display" data-time-up={timeUp}>
            {formatCountdown(remaining)}
          </strong>
          {timeUp && (
            <span className="phase-bar__time-up" data-testid="timer-up" role="status">
              {t('phaseBar.timeUp')}
            </span>
          )}
        </span>
      )}
      {offerFollow && (
        <CheckboxField className="phase-bar__follow" testId="follow-moderator" checked={following} onChange={setFollowing}>
          {t('phaseBar.follow')}
        </CheckboxField>
      )}
    </section>
  )
}
