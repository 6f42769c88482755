import { useId, useState, type FormEvent, type ReactNode } from 'react'
import type * as Y from 'yjs'
import { DEFAULT_DOTS_PER_PARTICIPANT, PHASES, type ModerationState } from '../../shared/moderation/moderationState.ts'
import { boardId } from '../../shared/workshop/workshopRecords.ts'
import { apiErrorMessage } from '../i18n/refusalMessage.ts'
import { useTranslate, type Translate } from '../i18n/translate.ts'
import { useModerationState } from '../session/useModerationState.ts'
import { useLiveEditor } from '../stores/editorStore.ts'
import { showToast } from '../stores/toastStore.ts'
import { sendModerationAction, type ModerationActionRequest } from './moderationApi.ts'
import './moderation.css'
import { CheckboxField } from '../panels/CheckboxField.tsx'
import { DeleteWorkshopButton } from './DeleteWorkshopButton.tsx'

interface ModeratorPanelProps {
  sessionId: string
  moderatorToken: string
  doc: Y.Doc
  /** The workshop's title, for the deletion's confirmation. */
  title: string
  questions: readonly string[]
}

/** A whole number in [min, max] from a form field, or undefined. */
function wholeNumber(value: string, min: number, max: number): number | undefined {
  const number = Number(value.trim())
  return Number.isInteger(number) && number >= min && number <= max ? number : undefined
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId()
  return (
    <section className="moderator-panel__section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  )
}

/** The round held last (running or ended), whose settings the form for the next round starts from. */
function lastRound(moderation: ModerationState) {
  return moderation.voting ?? moderation.earlierRounds.at(-1) ?? null
}

function invalid(t: Translate, min: number, max: number): void {
  showToast(t('moderation.invalidNumber', { min, max }), 'error')
}

/**
 * The moderator's controls: phases, locks, voting rounds, timer, "Alle zu mir" and hidden mode
 * go to the server's moderation route (only the server writes the moderation state); tidying a
 * board works on the canvas. Shown only with the moderator link.
 */
export default function ModeratorPanel({ sessionId, moderatorToken, doc, title, questions }: ModeratorPanelProps) {
  const t = useTranslate()
  const moderation = useModerationState(doc)
  const editor = useLiveEditor()
  const [open, setOpen] = useState(true)
  const [busy, setBusy] = useState(false)
  const [dotsInput, setDotsInput] = useState(String(DEFAULT_DOTS_PER_PARTICIPANT))
  const [maxInput, setMaxInput] = useState('')
  const [hideResults, setHideResults] = useState(false)
  // The voting form starts from the last round's settings, read from the document (also after a
  // reload or on another device), and follows when a round starts; the defaults only before any.
  const previousRound = lastRound(moderation)
  const [prefilledFrom, setPrefilledFrom] = useState<string | null>(null)
  if (previousRound && previousRound.roundId !== prefilledFrom) {
    setPrefilledFrom(previousRound.roundId)
    setDotsInput(String(previousRound.dotsPerParticipant))
    setMaxInput(previousRound.maxPerTarget === null ? '' : String(previousRound.maxPerTarget))
    setHideResults(previousRound.hideResults)
  }
  const [minutesInput, setMinutesInput] = useState('5')
  const ids = useId()

  async function act(action: ModerationActionRequest): Promise<boolean> {
    setBusy(true)
    try {
      await sendModerationAction(sessionId, moderatorToken, action)
      return true
    } catch (error) {
      showToast(t('moderation.failed', { message: apiErrorMessage(t, error) }), 'error')
      return false
    } finally {
      setBusy(false)
    }
  }

  function startVoting(event: FormEvent) {
    event.preventDefault()
    const dotsPerParticipant = wholeNumber(dotsInput, 1, 50)
    if (dotsPerParticipant === undefined) return invalid(t, 1, 50)
    const maxPerTarget = maxInput.trim() === '' ? null : wholeNumber(maxInput, 1, 50)
    if (maxPerTarget === undefined) return invalid(t, 1, 50)
    void act({ action: 'startVoting', dotsPerParticipant, maxPerTarget, hideResults })
  }

  function startTimer(event: FormEvent) {
    event.preventDefault()
    const minutes = Number(minutesInput.replace(',', '.'))
    // Minutes may have a fraction (1,5): the message says so, not "a whole number".
    if (!Number.isFinite(minutes) || minutes < 1 / 60 || minutes > 24 * 60) return void showToast(t('moderation.invalidMinutes', { max: 24 * 60 }), 'error')
    void act({ action: 'startTimer', durationMs: Math.round(minutes * 60_000) })
  }

  async function summon() {
    if (!editor) return
    // Loaded with the canvas already (tldraw), so this costs nothing extra.
    const { boardAtViewportCentre } = await import('../canvas/noteActions.ts')
    const board = boardAtViewportCentre(editor)
    if (board && (await act({ action: 'summon', boardId: board.id })))
      showToast(t('moderation.summoned', { number: board.meta.questionIndex + 1 }))
  }

  async function tidy(questionIndex: number) {
    if (!editor) return
    const { tidyBoard } = await import('../canvas/clusterActions.ts')
    tidyBoard(editor, boardId(questionIndex))
  }

  const voting = moderation.voting
  const running = voting?.status === 'running'

  if (!open)
    return (
      <aside className="moderator-panel moderator-panel--closed" aria-label={t('moderation.title')}>
        <button type="button" className="button" data-testid="moderation-panel-toggle" aria-expanded={false} onClick={() => setOpen(true)}>
          {t('moderation.show')}
        </button>
      </aside>
    )

  return (
    <aside className="moderator-panel" aria-label={t('moderation.title')} data-testid="moderator-panel" aria-busy={busy}>
      <div className="moderator-panel__head">
        <h2>{t('moderation.title')}</h2>
        <button type="button" className="button button--quiet" data-testid="moderation-panel-toggle" aria-expanded onClick={() => setOpen(false)}>
          {t('moderation.hide')}
        </button>
      </div>

      <Section title={t('moderation.phase')}>
        <div className="moderator-panel__phases" role="group" aria-label={t('moderation.phase')}>
          {PHASES.map((phase) => (
            <button
              key={phase}
              type="button"
              className={phase === moderation.phase ? 'button button--primary' : 'button'}
              data-testid={`phase-${phase}`}
              aria-pressed={phase === moderation.phase}
              onClick={() => void act({ action: 'setPhase', phase })}
            >
              {t(`phase.${phase}`)}
            </button>
          ))}
        </div>
      </Section>

      <Section title={t('moderation.summon')}>
        <button type="button" className="button" data-testid="summon" disabled={!editor} onClick={() => void summon()}>
          {t('moderation.summon')}
        </button>
        <p className="moderator-panel__hint">{editor ? t('moderation.summonHint') : t('moderation.needsCanvas')}</p>
      </Section>

      <Section title={t('moderation.hiddenMode')}>
        <button
          type="button"
          className={moderation.hiddenMode ? 'button button--primary' : 'button'}
          data-testid="hidden-mode-toggle"
          data-hidden={moderation.hiddenMode}
          onClick={() => void act({ action: 'setHiddenMode', hidden: !moderation.hiddenMode })}
        >
          {moderation.hiddenMode ? t('moderation.reveal') : t('moderation.hiddenMode')}
        </button>
        <p className="moderator-panel__hint">{t('moderation.hiddenModeHint')}</p>
      </Section>

      <Section title={t('moderation.timer')}>
        <form className="moderator-panel__row" onSubmit={startTimer}>
          <label htmlFor={`${ids}-minutes`}>{t('moderation.minutes')}</label>
          <input
            id={`${ids}-minutes`}
            className="moderator-panel__number"
            data-testid="timer-minutes"
            inputMode="decimal"
            value={minutesInput}
            onChange={(event) => setMinutesInput(event.target.value)}
          />
          <button type="submit" className="button" data-testid="timer-start">
            {t('moderation.startTimer')}
          </button>
          <button type="button" className="button" data-testid="timer-stop" disabled={!moderation.timer} onClick={() => void act({ action: 'stopTimer' })}>
            {t('moderation.stopTimer')}
          </button>
        </form>
      </Section>

      <Section title={t('moderation.voting')}>
        <form className="moderator-panel__voting" onSubmit={startVoting}>
          <label htmlFor={`${ids}-dots`}>{t('moderation.dotsPerParticipant')}</label>
          <input
            id={`${ids}-dots`}
            className="moderator-panel__number"
            data-testid="voting-dots-input"
            type="number"
            min={1}
            max={50}
            value={dotsInput}
            onChange={(event) => setDotsInput(event.target.value)}
          />
          <label htmlFor={`${ids}-max`}>{t('moderation.maxPerTarget')}</label>
          <input
            id={`${ids}-max`}
            className="moderator-panel__number"
            data-testid="voting-max-per-target-input"
            type="number"
            min={1}
            max={50}
            value={maxInput}
            onChange={(event) => setMaxInput(event.target.value)}
          />
          <CheckboxField className="moderator-panel__check" testId="voting-hide-results" checked={hideResults} onChange={setHideResults}>
            {t('moderation.hideResults')}
          </CheckboxField>
          <div className="moderator-panel__row">
            <button type="submit" className="button" data-testid="voting-start">
              {running ? t('moderation.restartVoting') : t('moderation.startVoting')}
            </button>
            <button type="button" className="button" data-testid="voting-end" disabled={!running} onClick={() => void act({ action: 'endVoting' })}>
              {t('moderation.endVoting')}
            </button>
          </div>
          <p className="moderator-panel__hint" data-testid="voting-status">
            {running ? t('moderation.votingRunning', { dots: voting!.dotsPerParticipant }) : voting ? t('moderation.votingEnded') : ''}
          </p>
        </form>
      </Section>

      <Section title={t('moderation.boards')}>
        <ul className="moderator-panel__boards">
          {questions.map((question, index) => {
            const locked = moderation.lockedBoards.includes(boardId(index))
            return (
              <li key={index}>
                <span className="moderator-panel__question" title={question}>
                  {index + 1}. {question}
                </span>
                <span className="moderator-panel__row">
                  <button
                    type="button"
                    className={locked ? 'button button--primary' : 'button'}
                    data-testid={`lock-board-${index}`}
                    data-locked={locked}
                    aria-label={locked ? t('moderation.unlockLabel', { number: index + 1 }) : t('moderation.lockLabel', { number: index + 1 })}
                    onClick={() => void act({ action: 'lockBoard', boardId: boardId(index), locked: !locked })}
                  >
                    {locked ? t('moderation.unlock') : t('moderation.lock')}
                  </button>
                  <button
                    type="button"
                    className="button"
                    data-testid={`board-tidy-${index}`}
                    disabled={!editor}
                    aria-label={t('moderation.tidyLabel', { number: index + 1 })}
                    onClick={() => void tidy(index)}
                  >
                    {t('moderation.tidy')}
                  </button>
                </span>
              </li>
            )
          })}
        </ul>
      </Section>

      {/* Last and out of the header: rarely used, and the header needs the room on a laptop. */}
      <Section title={t('delete.section')}>
        <p className="moderator-panel__hint">{t('delete.hint')}</p>
        <DeleteWorkshopButton sessionId={sessionId} moderatorToken={moderatorToken} title={title} />
      </Section>
    </aside>
  )
}
