import * as z from 'zod/mini'
import type * as Y from 'yjs'
import { PHASES, type Phase } from './phases.ts'

/**
 * The moderator's settings of a session, in `doc.getMap('moderation')`. Only the server writes
 * this map (moderators act through the moderation HTTP API); the gate refuses client writes to
 * it, so what clients read here is what the moderator decided.
 */
export const MODERATION_MAP_NAME = 'moderation'

export { PHASES, type Phase }
export const phaseSchema = z.enum(PHASES)

export const DEFAULT_DOTS_PER_PARTICIPANT = 5

export const votingRoundSchema = z.object({
  roundId: z.string().check(z.minLength(1), z.maxLength(64)),
  dotsPerParticipant: z.int().check(z.minimum(1), z.maximum(50)),
  /** Most dots one participant may put on one note or cluster; null = no limit besides the budget. */
  maxPerTarget: z.nullable(z.int().check(z.minimum(1), z.maximum(50))),
  /** While true, participants see only their own dots until the round ends. */
  hideResults: z.boolean(),
  status: z.enum(['running', 'ended']),
  startedAt: z.number(),
  endedAt: z.nullable(z.number()),
})
export type VotingRound = z.infer<typeof votingRoundSchema>

/** A countdown in server time (ms since epoch); clients correct for their clock offset. */
export const timerSchema = z.object({
  startedAt: z.number(),
  endsAt: z.number(),
  durationMs: z.int().check(z.positive()),
})
export type CountdownTimer = z.infer<typeof timerSchema>

/** "Alle zu mir": every participant's view goes to `boardId`; `nonce` makes repeats observable. */
export const summonSchema = z.object({
  boardId: z.string().check(z.minLength(1), z.maxLength(100)),
  nonce: z.string().check(z.minLength(1), z.maxLength(64)),
  at: z.number(),
})
export type Summon = z.infer<typeof summonSchema>

/**
 * How many replaced voting rounds the state keeps. Moderators run a handful; past this many the
 * oldest is dropped (its dots stay, and the export still lists it, from its dots alone).
 */
export const MAX_EARLIER_ROUNDS = 50

export const moderationStateSchema = z.object({
  phase: phaseSchema,
  lockedBoards: z.array(z.string().check(z.minLength(1), z.maxLength(100))),
  /** "Verdeckt sammeln": note texts stay on the server until the moderator reveals them. */
  hiddenMode: z.boolean(),
  voting: z.nullable(votingRoundSchema),
  /**
   * The rounds that `voting` replaced, oldest first, each ended (`endedAt`: when the moderator
   * ended it, or when the next round replaced it). Kept so that the export can number and
   * describe every round, also one whose dots were all taken back. Sessions from before this
   * key have none; their earlier rounds are known from their dots only.
   */
  earlierRounds: z.array(votingRoundSchema).check(z.maxLength(MAX_EARLIER_ROUNDS)),
  timer: z.nullable(timerSchema),
  summon: z.nullable(summonSchema),
})
export type ModerationState = z.infer<typeof moderationStateSchema>

export const initialModerationState: ModerationState = {
  phase: 'collect',
  lockedBoards: [],
  hiddenMode: false,
  voting: null,
  earlierRounds: [],
  timer: null,
  summon: null,
}

export function getModerationMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(MODERATION_MAP_NAME)
}

/** Reads the moderation state; a missing or invalid key falls back to its initial value. */
export function readModerationState(doc: Y.Doc): ModerationState {
  const map = getModerationMap(doc)
  const state = { ...initialModerationState } as Record<keyof ModerationState, unknown>
  for (const key of Object.keys(initialModerationState) as (keyof ModerationState)[]) {
    const parsed = moderationStateSchema.shape[key].safeParse(map.get(key))
    if (parsed.success) state[key] = parsed.data
  }
  return state as ModerationState
}

/** Writes changed keys in one transaction. Server only. */
export function writeModerationState(doc: Y.Doc, patch: Partial<ModerationState>, origin?: unknown): void {
  const map = getModerationMap(doc)
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) map.set(key, value)
  }, origin)
}

/**
 * What participants may do in each phase (moderators may always do everything).
 * `regroupOwnNotes`: move an own note into, out of or between clusters; only while the moderator
 * has the workshop in the clustering phase (moving it elsewhere on a board is `moveOwnNotes`).
 */
export const PHASE_RULES: Readonly<
  Record<Phase, { createNotes: boolean; editOwnNotes: boolean; moveOwnNotes: boolean; regroupOwnNotes: boolean; placeDots: boolean }>
> = {
  collect: { createNotes: true, editOwnNotes: true, moveOwnNotes: true, regroupOwnNotes: false, placeDots: false },
  cluster: { createNotes: false, editOwnNotes: false, moveOwnNotes: true, regroupOwnNotes: true, placeDots: false },
  vote: { createNotes: false, editOwnNotes: false, moveOwnNotes: false, regroupOwnNotes: false, placeDots: true },
  closed: { createNotes: false, editOwnNotes: false, moveOwnNotes: false, regroupOwnNotes: false, placeDots: false },
}
