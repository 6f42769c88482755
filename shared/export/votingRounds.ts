import type { VotingRound } from '../moderation/moderationState.ts'
import type { Dot } from '../workshop/dots.ts'
import type { ExportRound } from './exportSchema.ts'
import { compareStrings } from './ranking.ts'

/**
 * Every voting round of a session, in the order they were held, numbered from 1 ("Runde 1").
 *
 * The moderation state holds the current round (`voting`) and the rounds it replaced
 * (`earlierRounds`, with their settings and times), so these are listed whether or not any of
 * their dots are left. Sessions from before `earlierRounds` was kept have rounds known from
 * their dots alone: those come first, ordered by their first dot (a round's dots can only be
 * placed while it is the current one, so this is the order they ran in), with no times or
 * settings. The current round comes last, also before its first dot.
 *
 * `dots` are the dots that count (`countingDots`): a dot on a removed note is in no tally.
 */
export function votingRounds(dots: Iterable<Dot>, current: VotingRound | null, earlier: readonly VotingRound[] = []): ExportRound[] {
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

  const recorded = [...earlier, ...(current ? [current] : [])]
  const recordedIds = new Set(recorded.map((round) => round.roundId))
  const knownFromDotsOnly = [...tallies.values()]
    .filter((tally) => !recordedIds.has(tally.roundId))
    .sort((a, b) => a.first! - b.first! || compareStrings(a.roundId, b.roundId))
  const rounds = knownFromDotsOnly.map((tally, position): ExportRound => ({
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
  for (const round of recorded) {
    const tally = tallies.get(round.roundId)
    rounds.push({
      number: rounds.length + 1,
      roundId: round.roundId,
      current: round === current,
      status: round === current ? round.status : 'ended',
      startedAt: isoTime(round.startedAt),
      endedAt: round.endedAt === null ? null : isoTime(round.endedAt),
      settings: {
        dotsPerParticipant: round.dotsPerParticipant,
        maxPerTarget: round.maxPerTarget,
        hideResults: round.hideResults,
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
