import type { VotingRound } from '../moderation/moderationState.ts'
import type { Dot } from '../workshop/dots.ts'
import type { ExportRound } from './exportSchema.ts'
import { compareStrings } from './ranking.ts'

/**
 * Every voting round of a session, in the order they were held, numbered from 1 ("Runde 1").
 *
 * The document keeps only the current round (`moderation.voting`): starting a round replaces it,
 * settings and start time included, but leaves the earlier rounds' dots in place. So earlier
 * rounds are known from their dots alone, ordered by their first dot (a round's dots can only be
 * placed while it is the current one, so this is the order they ran in). The current round comes
 * last even before its first dot. Without a current round (none started, or its state unreadable)
 * every round is known from its dots only.
 */
export function votingRounds(dots: Iterable<Dot>, current: VotingRound | null): ExportRound[] {
  const tallies = new Map<string, RoundTally>()
  for (const dot of dots) {
    const time = Date.parse(dot.createdAt)
    let tally = tallies.get(dot.roundId)
    if (!tally) {
      tally = { roundId: dot.roundId, dotsCast: 0, voters: new Set(), first: null, last: null }
      tallies.set(dot.roundId, tally)
    }
    tally.dotsCast++
    tally.voters.add(dot.voterId)
    if (tally.first === null || time < tally.first) tally.first = time
    if (tally.last === null || time > tally.last) tally.last = time
  }

  const earlier = [...tallies.values()]
    .filter((tally) => tally.roundId !== current?.roundId)
    .sort((a, b) => a.first! - b.first! || compareStrings(a.roundId, b.roundId))
  const rounds = earlier.map((tally, position): ExportRound => ({
    number: position + 1,
    roundId: tally.roundId,
    current: false,
    // Only the current round can take dots, so every other one is over.
    status: 'ended',
    startedAt: null,
    endedAt: null,
    settings: null,
    ...summary(tally),
  }))
  if (current) {
    const tally = tallies.get(current.roundId)
    rounds.push({
      number: rounds.length + 1,
      roundId: current.roundId,
      current: true,
      status: current.status,
      startedAt: isoTime(current.startedAt),
      endedAt: current.endedAt === null ? null : isoTime(current.endedAt),
      settings: {
        dotsPerParticipant: current.dotsPerParticipant,
        maxPerTarget: current.maxPerTarget,
        hideResults: current.hideResults,
      },
      ...(tally ? summary(tally) : { dotsCast: 0, voters: 0, firstDotAt: null, lastDotAt: null }),
    })
  }
  return rounds
}

interface RoundTally {
  roundId: string
  dotsCast: number
  voters: Set<string>
  /** Times of the first and last dot, ms since epoch. */
  first: number | null
  last: number | null
}

function summary(tally: RoundTally): Pick<ExportRound, 'dotsCast' | 'voters' | 'firstDotAt' | 'lastDotAt'> {
  return {
    dotsCast: tally.dotsCast,
    voters: tally.voters.size,
    firstDotAt: tally.first === null ? null : new Date(tally.first).toISOString(),
    lastDotAt: tally.last === null ? null : new Date(tally.last).toISOString(),
  }
}

/** Server time in ms as ISO UTC; null for a value no date can be made of. */
function isoTime(ms: number): string | null {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null
}
