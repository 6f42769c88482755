import { describe, expect, it } from 'vitest'
import { initialModerationState, type ModerationState } from '../../shared/moderation/moderationState.ts'
import type { Dot } from '../../shared/workshop/dots.ts'
import { canPlaceDotOn, dotBudgetOf, dotToRemoveFrom, myDotsOn } from './dotBudget.ts'

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

const dots = new Map<string, Dot>([
  ['d1', dot('anna', 'shape:a', 1)],
  ['d2', dot('anna', 'shape:a', 3)],
  ['d3', dot('anna', 'shape:b', 2)],
  ['d4', dot('ben', 'shape:a', 4)],
  ['d5', dot('anna', 'shape:c', 5, 'r1')],
])

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
})
