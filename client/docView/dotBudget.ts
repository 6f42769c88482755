import { PHASE_RULES, type ModerationState } from '../../shared/moderation/moderationState.ts'
import { compareDotPlacement, type Dot, type DotStanding } from '../../shared/workshop/dots.ts'

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
  /** The voter's dots that count (never more than `total`). */
  used: number
  remaining: number
  maxPerTarget: number | null
  /** The voter's dot ids per target, oldest first: those that count and those beyond the budget. */
  mineByTarget: ReadonlyMap<string, readonly string[]>
  /**
   * How many of the voter's dots per target are beyond the budget and do not count (a note that
   * came back brought the voter over it; see shared/workshop/dots.ts `dotStanding`).
   */
  beyondBudgetByTarget: ReadonlyMap<string, number>
  /** All of the voter's dots beyond the budget. */
  beyondBudget: number
}

/** `standing`: the dots as shared/workshop/dots.ts `dotStanding` splits them, as the gate counts them. */
export function dotBudgetOf(standing: DotStanding, moderation: ModerationState, voterId: string | null): DotBudget {
  const voting = moderation.voting
  const running = voting !== null && voting.status === 'running' && PHASE_RULES[moderation.phase].placeDots
  if (!voting || voterId === null)
    return {
      running: false,
      roundId: voting?.roundId ?? null,
      total: 0,
      used: 0,
      remaining: 0,
      maxPerTarget: null,
      mineByTarget: new Map(),
      beyondBudgetByTarget: new Map(),
      beyondBudget: 0,
    }
  const isMine = ([, dot]: [string, Dot]) => dot.voterId === voterId && dot.roundId === voting.roundId
  const counting = [...standing.counting].filter(isMine)
  const beyond = [...standing.beyondBudget].filter(isMine)
  const mineByTarget = new Map<string, string[]>()
  for (const [id, dot] of [...counting, ...beyond].sort(compareDotPlacement)) mineByTarget.set(dot.targetId, [...(mineByTarget.get(dot.targetId) ?? []), id])
  const beyondBudgetByTarget = new Map<string, number>()
  for (const [, dot] of beyond) beyondBudgetByTarget.set(dot.targetId, (beyondBudgetByTarget.get(dot.targetId) ?? 0) + 1)
  return {
    running,
    roundId: voting.roundId,
    total: voting.dotsPerParticipant,
    used: counting.length,
    remaining: Math.max(0, voting.dotsPerParticipant - counting.length),
    maxPerTarget: voting.maxPerTarget,
    mineByTarget,
    beyondBudgetByTarget,
    beyondBudget: beyond.length,
  }
}

export function myDotsOn(budget: DotBudget, targetId: string): number {
  return budget.mineByTarget.get(targetId)?.length ?? 0
}

/** How many of the voter's dots on `targetId` do not count, being beyond the budget. */
export function myDotsBeyondBudgetOn(budget: DotBudget, targetId: string): number {
  return budget.beyondBudgetByTarget.get(targetId) ?? 0
}

/** Whether one more dot on `targetId` stays within the budget and the per-target limit. */
export function canPlaceDotOn(budget: DotBudget, targetId: string): boolean {
  if (!budget.running || budget.remaining <= 0) return false
  return budget.maxPerTarget === null || myDotsOn(budget, targetId) < budget.maxPerTarget
}

/**
 * The dot to take back from `targetId`: the voter's newest one there. Dots beyond the budget are
 * the voter's newest, so where a target has one, that goes first.
 */
export function dotToRemoveFrom(budget: DotBudget, targetId: string): string | undefined {
  if (!budget.running) return undefined
  return budget.mineByTarget.get(targetId)?.at(-1)
}
