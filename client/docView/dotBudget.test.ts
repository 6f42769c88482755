import { describe, expect, it } from 'vitest'
import { initialModerationState, type ModerationState } from '../../shared/moderation/moderationState.ts'
import type { Dot, DotStanding } from '../../shared/workshop/dots.ts'
import { canPlaceDotOn, dotBudgetOf, dotToRemoveFrom, myDotsBeyondBudgetOn, myDotsOn } from './dotBudget.ts'

const voting = (dotsPerParticipant: number, maxPerTarget: number | null, status: 'running' | 'ended' = 'running'): ModerationState => ({
  ...initialModerationState,
  phase: 'vote',
  voting: { roundId: 'r2', dotsPerParticipant, maxPerTarget, hideResults: false, status, startedAt: 0, endedAt: null },
})

const dot = (voterId: string, targetId: string, minute: number, roundId = 'r2'): Dot => ({
  voterId,
  targetId,
  roundId,
  createdAt: `2026-11-26T10:${String(minute).padStart(2, '0')}:00.000Z`,
})

const dots: DotStanding = {
  counting: new Map<string, Dot>([
    ['d1', dot('anna', 'shape:a', 1)],
    ['d2', dot('anna', 'shape:a', 3)],
    ['d3', dot('anna', 'shape:b', 2)],
    ['d4', dot('ben', 'shape:a', 4)],
    ['d5', dot('anna', 'shape:c', 5, 'r1')],
  ]),
  beyondBudget: new Map(),
}

describe('dotBudgetOf', () => {
  it('counts the voter’s dots of the running round against the budget', () => {
    const budget = dotBudgetOf(dots, voting(5, null), 'anna')
    expect(budget).toMatchObject({ running: true, roundId: 'r2', total: 5, used: 3, remaining: 2 })
    expect(myDotsOn(budget, 'shape:a')).toBe(2)
    expect(myDotsOn(budget, 'shape:c')).toBe(0)
  })

  it('allows another dot while budget and per-target limit permit', () => {
    expect(canPlaceDotOn(dotBudgetOf(dots, voting(5, null), 'anna'), 'shape:a')).toBe(true)
    expect(canPlaceDotOn(dotBudgetOf(dots, voting(5, 2), 'anna'), 'shape:a')).toBe(false)
    expect(canPlaceDotOn(dotBudgetOf(dots, voting(5, 2), 'anna'), 'shape:b')).toBe(true)
    expect(canPlaceDotOn(dotBudgetOf(dots, voting(3, null), 'anna'), 'shape:d')).toBe(false)
    expect(dotBudgetOf(dots, voting(2, null), 'anna').remaining).toBe(0)
  })

  it('takes back the voter’s newest dot on a target', () => {
    const budget = dotBudgetOf(dots, voting(5, null), 'anna')
    expect(dotToRemoveFrom(budget, 'shape:a')).toBe('d2')
    expect(dotToRemoveFrom(budget, 'shape:d')).toBeUndefined()
  })

  it('offers nothing outside a running round, or to someone without a participant id', () => {
    expect(canPlaceDotOn(dotBudgetOf(dots, voting(5, null, 'ended'), 'anna'), 'shape:a')).toBe(false)
    expect(dotToRemoveFrom(dotBudgetOf(dots, voting(5, null, 'ended'), 'anna'), 'shape:a')).toBeUndefined()
    expect(dotBudgetOf(dots, { ...voting(5, null), phase: 'collect' }, 'anna').running).toBe(false)
    expect(dotBudgetOf(dots, initialModerationState, 'anna')).toMatchObject({ running: false, remaining: 0 })
    expect(dotBudgetOf(dots, voting(5, null), null).running).toBe(false)
  })

  it('after an undo brought the voter over the budget: nothing left (never less), the dots beyond it by target, taken off first', () => {
    // Budget 2: her two dots on the note that came back count; the two placed meanwhile do not.
    const overBudget: DotStanding = {
      counting: new Map([
        ['back-1', dot('anna', 'shape:back', 1)],
        ['back-2', dot('anna', 'shape:back', 2)],
        ['ben-1', dot('ben', 'shape:b', 3)],
      ]),
      beyondBudget: new Map([
        ['meanwhile-1', dot('anna', 'shape:b', 4)],
        ['meanwhile-2', dot('anna', 'shape:b', 5)],
        ['ben-beyond', dot('ben', 'shape:back', 6)],
      ]),
    }
    const budget = dotBudgetOf(overBudget, voting(2, null), 'anna')
    expect(budget).toMatchObject({ total: 2, used: 2, remaining: 0, beyondBudget: 2 })
    expect(myDotsBeyondBudgetOn(budget, 'shape:b')).toBe(2)
    expect(myDotsBeyondBudgetOn(budget, 'shape:back')).toBe(0)
    expect(myDotsOn(budget, 'shape:b')).toBe(2)
    expect(canPlaceDotOn(budget, 'shape:c')).toBe(false)
    expect(dotToRemoveFrom(budget, 'shape:b')).toBe('meanwhile-2')
    expect(dotToRemoveFrom(budget, 'shape:back')).toBe('back-2')
  })
})
