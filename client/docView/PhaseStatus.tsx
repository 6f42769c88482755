import type { ModerationState } from '../../shared/moderation/moderationState.ts'
import { useTranslate } from '../i18n/translate.ts'
import type { DotBudget } from './dotBudget.ts'
import { formatCountdown, useCountdown } from './serverClock.ts'

/** Phase, the moderator's timer, hidden mode and the dot budget: the state of the workshop in one line. */
export function PhaseStatus({ moderation, budget }: { moderation: ModerationState; budget: DotBudget }) {
  const t = useTranslate()
  const remaining = useCountdown(moderation.timer)
  return (
    <div className="phase-status">
      <p className="phase-status__item">
        {t('phase.label')}: <strong data-testid="phase-name">{t(`phase.${moderation.phase}`)}</strong>
      </p>
      {remaining !== null && (
        <p className="phase-status__item">
          {t('timer.label')}:{' '}
          <strong role="timer" data-testid="timer">
            {formatCountdown(remaining)}
          </strong>
          {remaining === 0 && <span> {t('timer.over')}</span>}
        </p>
      )}
      {budget.running && (
        <p className="phase-status__item" data-testid="dot-budget" aria-live="polite">
          {t('dots.budget', { remaining: budget.remaining, total: budget.total })}
        </p>
      )}
      {budget.running && budget.beyondBudget > 0 && (
        <p className="phase-status__item" data-testid="dots-beyond-budget-hint">
          {t('dots.beyondHint')}
        </p>
      )}
      {moderation.hiddenMode && <p className="phase-status__item">{t('phase.hiddenMode')}</p>}
    </div>
  )
}
