import { refusalMessage } from '../i18n/refusalMessage.ts'
import { useTranslate, type Translate } from '../i18n/translate.ts'
import { textExcerpt } from '../../shared/text/textExcerpt.ts'
import { showToast } from '../stores/toastStore.ts'
import { canPlaceDotOn, dotToRemoveFrom, myDotsBeyondBudgetOn } from './dotBudget.ts'
import type { Workshop } from './useWorkshop.ts'
import { placeDot, removeDot, type WriteResult } from './workshopActions.ts'

export function dotCountText(t: Translate, count: number): string {
  return count === 1 ? t('dots.one') : t('dots.many', { count })
}

/** "1 zählt nicht": a voter's dots beyond the round's budget (shared/workshop/dots.ts `dotStanding`). */
export function beyondBudgetText(t: Translate, count: number): string {
  return count === 1 ? t('dots.beyondOne') : t('dots.beyondMany', { count })
}

/** Whether this person can give dots now: a round runs, and they write (the Beamer does not). */
export function canVoteNow(workshop: Pick<Workshop, 'actor' | 'budget'>): boolean {
  return workshop.budget.running && workshop.actor.role !== 'viewer' && workshop.actor.participantId !== null
}

interface DotControlsProps {
  /** Only what voting needs, so the canvas (which has no Workshop model) can use these controls too. */
  workshop: Pick<Workshop, 'doc' | 'actor' | 'budget'>
  targetId: string
  /** What the target is called for screen readers (note text or cluster name); buttons quote its start. */
  targetLabel: string
  /** Everyone's dots; null while results are hidden. */
  dots: number | null
  myDots: number
  /** Appended to the test ids (`dot-add-<suffix>`), where many targets share one screen (canvas). */
  testIdSuffix?: string
  /** Buttons show only + and − (their labels stay for screen readers): the canvas has little room. */
  compact?: boolean
}

/**
 * Dots on one note or cluster: the count (everyone's, or only one's own while results are
 * hidden), and, while a round runs, buttons to give and take back a dot. Plain buttons, so the
 * keyboard (Tab, Enter/Space) votes like a mouse.
 */
export function DotControls({ workshop, targetId, targetLabel, dots, myDots, testIdSuffix, compact = false }: DotControlsProps) {
  const t = useTranslate()
  const { budget } = workshop
  const canVote = canVoteNow(workshop)
  // The voter's own dots here that do not count (beyond the budget): shown apart, so they can go.
  const beyond = myDotsBeyondBudgetOn(budget, targetId)
  const showCount = (dots !== null && dots > 0) || myDots > 0 || beyond > 0
  if (!canVote && !showCount) return null
  // aria-disabled instead of disabled: a button that runs out of dots keeps the keyboard focus.
  const canAdd = canPlaceDotOn(budget, targetId)
  const canRemove = dotToRemoveFrom(budget, targetId) !== undefined

  const named = textExcerpt(targetLabel)
  const testId = (name: string) => (testIdSuffix === undefined ? name : `${name}-${testIdSuffix}`)
  const act = (result: WriteResult) => {
    if (!result.allowed) showToast(t('board.refused', { reason: refusalMessage(t, result.refusal) }), 'error')
  }
  return (
    <div className={compact ? 'dots dots--compact' : 'dots'} data-testid={testId('dot-controls')}>
      <span className="dots__count" data-testid={testId('dot-count')}>
        {dots !== null ? dotCountText(t, dots) : null}
        {dots !== null && myDots > 0 ? ' · ' : null}
        {myDots > 0 ? t('dots.mine', { count: myDots }) : null}
      </span>
      {beyond > 0 && (
        <span className="dots__beyond" data-testid={testId('dot-beyond-budget')} title={t('dots.beyondHint')}>
          {beyondBudgetText(t, beyond)}
        </span>
      )}
      {canVote && (
        <>
          <button
            type="button"
            className="button dots__button"
            data-testid={testId('dot-add')}
            aria-label={t('dots.addLabel', { target: named })}
            aria-disabled={!canAdd}
            onClick={() => canAdd && act(placeDot(workshop.doc, workshop.actor, targetId))}
          >
            {compact ? '+' : `+ ${t('dots.add')}`}
          </button>
          <button
            type="button"
            className="button dots__button"
            data-testid={testId('dot-remove')}
            aria-label={t('dots.removeLabel', { target: named })}
            aria-disabled={!canRemove}
            onClick={() => canRemove && act(removeDot(workshop.doc, workshop.actor, targetId))}
          >
            {compact ? '−' : `− ${t('dots.remove')}`}
          </button>
        </>
      )}
    </div>
  )
}
