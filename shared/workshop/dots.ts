import * as z from 'zod/mini'
import type { TLRecord } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { getRecordStore } from '../doc/documentLayout.ts'
import { readModerationState, type ModerationState } from '../moderation/moderationState.ts'
import { isCluster, isNote } from './workshopRecords.ts'

/**
 * Dots of dot voting, each its own entry in `doc.getMap('dots')` keyed by a random dot id.
 * Records are stored whole, so two people dotting one note at once would overwrite each
 * other if dots were a field of the note; as separate keys both count.
 */
export const DOTS_MAP_NAME = 'dots'

export const dotSchema = z.strictObject({
  voterId: z.string().check(z.minLength(1), z.maxLength(64)),
  /** A note or cluster shape id. */
  targetId: z.string().check(z.minLength(1), z.maxLength(100)),
  roundId: z.string().check(z.minLength(1), z.maxLength(64)),
  createdAt: z.iso.datetime(),
})
export type Dot = z.infer<typeof dotSchema>

export function getDotsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(DOTS_MAP_NAME)
}

/** All well-formed dots by dot id; malformed entries (which the gate never lets in) are skipped. */
export function readDots(doc: Y.Doc): Map<string, Dot> {
  const dots = new Map<string, Dot>()
  for (const [id, value] of getDotsMap(doc)) {
    const parsed = dotSchema.safeParse(value)
    if (parsed.success) dots.set(id, parsed.data)
  }
  return dots
}

/** Whether a record can carry dots: a note or a cluster. */
export function isDotTarget(record: TLRecord | undefined): boolean {
  return record !== undefined && (isNote(record) || isCluster(record))
}

/**
 * A voting round's budget: how many dots each voter may place in it (VotingRound's
 * `dotsPerParticipant`; the moderation state keeps it for the current round and the rounds that
 * round replaced).
 */
export interface RoundBudget {
  roundId: string
  dotsPerParticipant: number
}

/** The dots on a note or cluster that exists, split by {@link dotStanding}'s rule. */
export interface DotStanding {
  /** The dots that count, by dot id. */
  counting: Map<string, Dot>
  /**
   * Dots beyond their voter's budget, by dot id: they count for nobody, their voter sees them as
   * not counting and can take them off.
   */
  beyondBudget: Map<string, Dot>
}

/**
 * Placement order of dots: by their creation time, then by dot id (random, the same on every
 * device), so that every device and the server agree which dots came first.
 */
export function compareDotPlacement([idA, a]: readonly [string, Dot], [idB, b]: readonly [string, Dot]): number {
  // Parsed, not compared as text: "10:00:00Z" is later than "10:00:00.500Z" though it sorts first.
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || (idA < idB ? -1 : idA > idB ? 1 : 0)
}

/** The dots whose note or cluster exists: a voter's dots on a removed note are theirs again to place. */
export function dotsOnExistingTargets(dots: ReadonlyMap<string, Dot>, recordOf: (id: string) => TLRecord | undefined): Map<string, Dot> {
  const onTargets = new Map<string, Dot>()
  for (const [id, dot] of dots) if (isDotTarget(recordOf(dot.targetId))) onTargets.set(id, dot)
  return onTargets
}

/**
 * The rule of dot voting for everyone — the voter's budget (client and server gate), the counts
 * on the canvas, in the list and phone views, the export's totals and rankings:
 *
 * - A dot counts only while its note or cluster exists. A dot on one that was removed (deleted by
 *   its author or the moderator, a cluster dissolved) stays in the document but counts for
 *   nobody, and its voter has it back to place elsewhere. Derived, not deleted, so a note that
 *   comes back (the moderator's undo) brings its dots back with it.
 * - Of those, per voter and round, only the voter's first `dotsPerParticipant` dots in placement
 *   order ({@link compareDotPlacement}) count. The budget is checked when a dot is placed, but a
 *   note that comes back can bring a voter over it (they had placed its dots elsewhere meanwhile).
 *   Then the dots placed first count, as if the note had never been gone, and the ones placed
 *   last are beyond the budget until the voter takes them off. A round whose budget is no
 *   longer known (sessions from before rounds were kept) counts all its dots.
 */
export function dotStanding(
  dots: ReadonlyMap<string, Dot>,
  recordOf: (id: string) => TLRecord | undefined,
  rounds: Iterable<RoundBudget>,
): DotStanding {
  const budgets = new Map<string, number>()
  for (const round of rounds) budgets.set(round.roundId, round.dotsPerParticipant)
  const counting = new Map<string, Dot>()
  const beyondBudget = new Map<string, Dot>()
  const placed = new Map<string, number>()
  for (const [id, dot] of [...dotsOnExistingTargets(dots, recordOf)].sort(compareDotPlacement)) {
    const key = JSON.stringify([dot.roundId, dot.voterId])
    const before = placed.get(key) ?? 0
    placed.set(key, before + 1)
    const budget = budgets.get(dot.roundId)
    if (budget === undefined || before < budget) counting.set(id, dot)
    else beyondBudget.set(id, dot)
  }
  return { counting, beyondBudget }
}

/** The dots that count ({@link dotStanding}) by dot id. */
export function countingDots(dots: ReadonlyMap<string, Dot>, recordOf: (id: string) => TLRecord | undefined, rounds: Iterable<RoundBudget>): Map<string, Dot> {
  return dotStanding(dots, recordOf, rounds).counting
}

/** The rounds whose budget the moderation state knows: the ones the current round replaced, and it. */
export function roundBudgetsOf(moderation: Pick<ModerationState, 'voting' | 'earlierRounds'>): RoundBudget[] {
  return moderation.voting ? [...moderation.earlierRounds, moderation.voting] : [...moderation.earlierRounds]
}

/** The document's {@link dotStanding}. */
export function readDotStanding(doc: Y.Doc): DotStanding {
  const records = getRecordStore(doc)
  return dotStanding(readDots(doc), (id) => records.get(id), roundBudgetsOf(readModerationState(doc)))
}

/** The document's {@link countingDots} by dot id. */
export function readCountingDots(doc: Y.Doc): Map<string, Dot> {
  return readDotStanding(doc).counting
}

/** Dots per note or cluster, optionally only of one voting round. */
export function countDotsByTarget(dots: Iterable<Dot>, roundId?: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const dot of dots) {
    if (roundId !== undefined && dot.roundId !== roundId) continue
    counts.set(dot.targetId, (counts.get(dot.targetId) ?? 0) + 1)
  }
  return counts
}

/**
 * Dots per voting round, then per note or cluster: the results of every round, also of those a
 * later round replaced (starting a round keeps the earlier rounds' dots in the document).
 */
export function countDotsByRoundAndTarget(dots: Iterable<Dot>): Map<string, Map<string, number>> {
  const rounds = new Map<string, Map<string, number>>()
  for (const dot of dots) {
    let counts = rounds.get(dot.roundId)
    if (!counts) rounds.set(dot.roundId, (counts = new Map()))
    counts.set(dot.targetId, (counts.get(dot.targetId) ?? 0) + 1)
  }
  return rounds
}
