import { randomBytes } from 'node:crypto'
import type * as Y from 'yjs'
import * as z from 'zod'
import { readRecords } from '../../shared/doc/documentLayout.ts'
import {
  DEFAULT_DOTS_PER_PARTICIPANT,
  MAX_EARLIER_ROUNDS,
  phaseSchema,
  readModerationState,
  writeModerationState,
  type ModerationState,
  type Phase,
  type VotingRound,
} from '../../shared/moderation/moderationState.ts'
import { apiError } from '../../shared/api/apiError.ts'
import { refusal } from '../../shared/permissions/refusal.ts'
import { isBoard } from '../../shared/workshop/workshopRecords.ts'
import { HttpError } from '../http/httpError.ts'

const boardIdSchema = z.string().min(1).max(100)

/** The moderation API's request bodies (docs/CONTRACTS.md), one object per action. */
export const moderationActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('setPhase'), phase: phaseSchema }).strict(),
  z.object({ action: z.literal('lockBoard'), boardId: boardIdSchema, locked: z.boolean() }).strict(),
  z
    .object({
      action: z.literal('startVoting'),
      dotsPerParticipant: z.number().int().min(1).max(50).default(DEFAULT_DOTS_PER_PARTICIPANT),
      maxPerTarget: z.number().int().min(1).max(50).nullable().default(null),
      hideResults: z.boolean().default(false),
    })
    .strict(),
  z.object({ action: z.literal('endVoting') }).strict(),
  z
    .object({ action: z.literal('startTimer'), durationMs: z.number().int().min(1_000).max(24 * 3_600_000) })
    .strict(),
  z.object({ action: z.literal('stopTimer') }).strict(),
  z.object({ action: z.literal('summon'), boardId: boardIdSchema }).strict(),
  z.object({ action: z.literal('setHiddenMode'), hidden: z.boolean() }).strict(),
])
export type ModerationAction = z.infer<typeof moderationActionSchema>

export interface ModerationEnvironment {
  /** Server time in ms since epoch: timers and rounds use the server clock, never a client's. */
  now: number
  /** Hidden mode off: writes the sealed texts into their notes (server/moderation/sealedNotes.ts). */
  revealSealedNotes: (doc: Y.Doc) => void
}

/**
 * Applies one moderator action to the moderation state in the document (called inside a server
 * change, see RoomRegistry.change). Checks first, then writes; returns the new state.
 */
export function applyModerationAction(doc: Y.Doc, action: ModerationAction, env: ModerationEnvironment): ModerationState {
  const state = readModerationState(doc)
  const patch = patchFor(doc, state, action, env)
  writeModerationState(doc, patch)
  return { ...state, ...patch }
}

function patchFor(doc: Y.Doc, state: ModerationState, action: ModerationAction, env: ModerationEnvironment): Partial<ModerationState> {
  switch (action.action) {
    case 'setPhase':
      return { phase: action.phase, ...timerAfterPhaseChange(state, action.phase, env.now) }
    case 'lockBoard': {
      requireBoard(doc, action.boardId)
      const others = state.lockedBoards.filter((id) => id !== action.boardId)
      return { lockedBoards: action.locked ? [...others, action.boardId] : others }
    }
    case 'startVoting':
      // A new round replaces any running one; dots of earlier rounds stay but do not count.
      return {
        phase: 'vote',
        ...timerAfterPhaseChange(state, 'vote', env.now),
        earlierRounds: state.voting ? [...state.earlierRounds, endedRound(state.voting, env.now)].slice(-MAX_EARLIER_ROUNDS) : state.earlierRounds,
        voting: {
          roundId: randomBytes(9).toString('base64url'),
          dotsPerParticipant: action.dotsPerParticipant,
          maxPerTarget: action.maxPerTarget,
          hideResults: action.hideResults,
          status: 'running',
          startedAt: env.now,
          endedAt: null,
        },
      }
    case 'endVoting':
      if (!state.voting || state.voting.status !== 'running') throw new HttpError(409, refusal('noVotingRound'))
      return { voting: { ...state.voting, status: 'ended', endedAt: env.now } }
    case 'startTimer':
      return { timer: { startedAt: env.now, endsAt: env.now + action.durationMs, durationMs: action.durationMs } }
    case 'stopTimer':
      return { timer: null }
    case 'summon':
      requireBoard(doc, action.boardId)
      return { summon: { boardId: action.boardId, nonce: randomBytes(9).toString('base64url'), at: env.now } }
    case 'setHiddenMode':
      if (!action.hidden && state.hiddenMode) env.revealSealedNotes(doc)
      return { hiddenMode: action.hidden }
  }
}

/**
 * A countdown that ran out belongs to the phase it ran in: a phase change ends it, so its
 * "Zeit ist um" does not stay through every later phase. A countdown still running goes on
 * (the moderator may have started it for the phase that comes next).
 */
function timerAfterPhaseChange(state: ModerationState, phase: Phase, now: number): Partial<ModerationState> {
  return phase !== state.phase && state.timer && state.timer.endsAt <= now ? { timer: null } : {}
}

/** A replaced round as the state keeps it: ended, at the time it was replaced if not before. */
function endedRound(round: VotingRound, now: number): VotingRound {
  return round.status === 'ended' ? round : { ...round, status: 'ended', endedAt: now }
}

function requireBoard(doc: Y.Doc, boardId: string): void {
  if (!readRecords(doc).some((record) => record.id === boardId && isBoard(record)))
    throw new HttpError(400, apiError('unknownBoard', { boardId }))
}
