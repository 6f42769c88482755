import { PHASE_RULES, type ModerationState } from '../../shared/moderation/moderationState.ts'
import type { Dot } from '../../shared/workshop/dots.ts'

/**
 * One voter's dots in the running round: how many are left and where they sit. The same
 * arithmetic as the gate's budget check (shared/permissions), seen from the voter's side so the
 * views can show "3 of 5 left" and disable what would be refused.
 */
export interface DotBudget {
  /** A round is running and the phase allows dots. */
  running: boolean
  roundId: string | null
  total: number
  used: number
  remaining: number
  maxPerTarget: number | null
  /** The voter's dot ids per target, oldest first. */
  mineByTarget: ReadonlyMap<string, readonly string[]>
}

/** `dots`: the dots that count (shared/workshop/dots.ts `countingDots`), as the gate counts them. */
export function dotBudgetOf(dots: ReadonlyMap<string, Dot>, moderation: ModerationState, voterId: string | null): DotBudget {
  const voting = moderation.voting
  const running = voting !== null && voting.status === 'running' && PHASE_RULES[moderation.phase].placeDots
  if (!voting || voterId === null)
    return { running: false, roundId: voting?.roundId ?? null, total: 0, used: 0, remaining: 0, maxPerTarget: null, mineByTarget: new Map() }
  const mine = [...dots]
    .filter(([, dot]) => dot.voterId === voterId && dot.roundId === voting.roundId)
    .sort(([idA, a], [idB, b]) => a.createdAt.localeCompare(b.createdAt) || idA.localeCompare(idB))
  const mineByTarget = new Map<string, string[]>()
  for (const [id, dot] of mine) mineByTarget.set(dot.targetId, [...(mineByTarget.get(dot.targetId) ?? []), id])
  return {
    running,
    roundId: voting.roundId,
    total: voting.dotsPerParticipant,
    used: mine.length,
    remaining: Math.max(0, voting.dotsPerParticipant - mine.length),
    maxPerTarget: voting.maxPerTarget,
    mineByTarget,
  }
}

export function myDotsOn(budget: DotBudget, targetId: string): number {
  return budget.mineByTarget.get(targetId)?.length ?? 0
}

/** Whether one more dot on `targetId` stays within the budget and the per-target limit. */
export function canPlaceDotOn(budget: DotBudget, targetId: string): boolean {
  if (!budget.running || budget.remaining <= 0) return false
  return budget.maxPerTarget === null || myDotsOn(budget, targetId) < budget.maxPerTarget
}

/** The dot to take back from `targetId`: the voter's newest one there. */
export function dotToRemoveFrom(budget: DotBudget, targetId: string): string | undefined {
  if (!budget.running) return undefined
  return budget.mineByTarget.get(targetId)?.at(-1)
}
