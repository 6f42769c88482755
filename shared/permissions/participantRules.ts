import type { TLRecord } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { getRecordStore } from '../doc/documentLayout.ts'
import { PHASE_RULES, readModerationState, type ModerationState } from '../moderation/moderationState.ts'
import { dotsOnExistingTargets, isDotTarget, readDots, type Dot } from '../workshop/dots.ts'
import { refusal, refusalText, type CodesWithParams, type Refusal, type RefusalCode, type RefusalParams } from './refusal.ts'
import { isBoard, isCluster, isNote, type BoardShape, type NoteShape } from '../workshop/workshopRecords.ts'

/**
 * The rules of who may change what, without tldraw's record validation. They live apart from
 * updatePolicy.ts because that file validates records against the full tldraw schema, which a
 * light client (the phone view, under 150 KB) cannot afford to load. updatePolicy.ts applies
 * these rules after validation; a client that builds its records with shared/ builders (valid by
 * construction) asks them directly.
 */
export type Role = 'moderator' | 'participant' | 'viewer'

export interface Actor {
  role: Role
  /** The server-issued participant id; null when the connection has not joined. */
  participantId: string | null
  /**
   * The display name this participant joined with, when known (the server reads it from its
   * participant table): a new note must carry it, so nobody posts under someone else's name.
   */
  authorName?: string
}

/**
 * A refused verdict carries its refusal (code and parameters, for clients to translate) and the
 * English text made from it (for logs and the wire; see refusal.ts).
 */
export type Verdict = { allowed: true } | { allowed: false; reason: string; refusal: Refusal }

export const ALLOWED: Verdict = { allowed: true }
export function refuse<C extends Exclude<RefusalCode, CodesWithParams>>(code: C): Verdict
export function refuse<C extends CodesWithParams>(code: C, params: RefusalParams<C>): Verdict
export function refuse(code: RefusalCode, params?: object): Verdict {
  const made = (refusal as (code: RefusalCode, params?: object) => Refusal)(code, params)
  return { allowed: false, reason: refusalText(made), refusal: made }
}

export interface ParticipantContext {
  participantId: string
  /** See {@link Actor.authorName}; undefined = not checked. */
  authorName?: string
  moderation: ModerationState
  current: (id: string) => TLRecord | undefined
}

export function participantContext(doc: Y.Doc, participantId: string, authorName?: string): ParticipantContext {
  return {
    participantId,
    ...(authorName === undefined ? {} : { authorName }),
    moderation: readModerationState(doc),
    current: (id) => getRecordStore(doc).get(id),
  }
}

/** Actors for whom the participant rules apply, or the verdict that settles it before them. */
function preliminary(actor: Actor): Verdict | undefined {
  if (actor.role === 'viewer') return refuse('readOnlyViewer')
  if (actor.role === 'moderator') return ALLOWED
  if (!actor.participantId) return refuse('notJoined')
  return undefined
}

/**
 * One record write (`record` undefined = delete) judged by the rules only: the record itself
 * is assumed valid. Same verdicts as `judgeRecordChange` for valid records.
 */
export function judgeRecordRules(doc: Y.Doc, actor: Actor, id: string, record: TLRecord | undefined): Verdict {
  const settled = preliminary(actor)
  if (settled) return settled
  const context = participantContext(doc, actor.participantId!, actor.authorName)
  return record ? judgeRecordWrite(context, id, record) : judgeRecordDelete(context, id)
}

/** Dots to place (by dot id) and dot ids to remove, judged as the gate would judge them. */
export function judgeDotChange(doc: Y.Doc, actor: Actor, sets: ReadonlyMap<string, Dot>, deletes: ReadonlySet<string>): Verdict {
  const settled = preliminary(actor)
  if (settled) return settled
  return judgeDots(doc, participantContext(doc, actor.participantId!, actor.authorName), sets, deletes)
}

/** The board a note sits on, directly or through a cluster. */
function boardOf(context: ParticipantContext, parentId: string): BoardShape | undefined {
  const parent = context.current(parentId)
  if (!parent) return undefined
  if (isBoard(parent)) return parent
  if (isCluster(parent)) return boardOf(context, parent.parentId)
  return undefined
}

/** The cluster a note sits in directly (its parent), or null when it sits on the board itself. */
function clusterOf(context: ParticipantContext, parentId: string): string | null {
  const parent = context.current(parentId)
  return parent && isCluster(parent) ? parent.id : null
}

function isLocked(context: ParticipantContext, board: BoardShape): boolean {
  return context.moderation.lockedBoards.includes(board.id)
}

const PLACEMENT_KEYS = ['x', 'y', 'parentId', 'index', 'rotation'] as const

export function judgeRecordWrite(context: ParticipantContext, id: string, record: TLRecord): Verdict {
  const rules = PHASE_RULES[context.moderation.phase]
  if (!isNote(record)) return refuse('onlyNotes')
  const board = boardOf(context, record.parentId)
  if (!board) return refuse('noteNeedsBoard')
  if (isLocked(context, board)) return refuse('boardLocked')
  if (context.moderation.hiddenMode) return refuse('hiddenModeSealedRoute')
  const existing = context.current(id)
  if (!existing) {
    if (!rules.createNotes) return refuse('noNewNotesInPhase', { phase: context.moderation.phase })
    if (record.meta.authorId !== context.participantId) return refuse('notAuthoredByWriter')
    if (context.authorName !== undefined && record.meta.authorName !== context.authorName)
      return refuse('authorNameMismatch')
    return ALLOWED
  }
  if (!isNote(existing) || existing.meta.authorId !== context.participantId)
    return refuse('onlyOwnNotesChange')
  if (JSON.stringify(existing.meta) !== JSON.stringify(record.meta)) return refuse('authorCannotChange')
  const oldBoard = boardOf(context, existing.parentId)
  if (oldBoard && isLocked(context, oldBoard)) return refuse('boardLocked')
  const moved = PLACEMENT_KEYS.some((key) => existing[key] !== record[key])
  const edited = JSON.stringify(existing.props) !== JSON.stringify(record.props) || existing.isLocked !== record.isLocked || existing.opacity !== record.opacity
  if (moved && !rules.moveOwnNotes) return refuse('noMoveInPhase', { phase: context.moderation.phase })
  if (clusterOf(context, existing.parentId) !== clusterOf(context, record.parentId) && !rules.regroupOwnNotes)
    // Regrouping is the clustering phase's purpose (PHASE_RULES).
    return refuse('regroupOnlyInPhase', { phase: 'cluster' })
  if (edited && !rules.editOwnNotes) return refuse('noEditInPhase', { phase: context.moderation.phase })
  return ALLOWED
}

export function judgeRecordDelete(context: ParticipantContext, id: string): Verdict {
  const existing = context.current(id) as NoteShape | TLRecord | undefined
  if (!existing || !isNote(existing) || existing.meta.authorId !== context.participantId)
    return refuse('onlyOwnNotesDelete')
  if (!PHASE_RULES[context.moderation.phase].editOwnNotes)
    return refuse('noDeleteInPhase', { phase: context.moderation.phase })
  const board = boardOf(context, existing.parentId)
  if (board && isLocked(context, board)) return refuse('boardLocked')
  return ALLOWED
}

export function judgeDots(doc: Y.Doc, context: ParticipantContext, sets: ReadonlyMap<string, Dot>, deletes: ReadonlySet<string>): Verdict {
  if (sets.size === 0 && deletes.size === 0) return ALLOWED
  const { voting, phase } = context.moderation
  if (!PHASE_RULES[phase].placeDots || !voting || voting.status !== 'running') return refuse('noVotingRound')
  const existing = readDots(doc)
  for (const dotId of deletes) {
    const dot = existing.get(dotId)
    if (dot && dot.voterId !== context.participantId) return refuse('onlyOwnDotsRemove')
  }
  for (const [dotId, dot] of sets) {
    if (existing.has(dotId)) return refuse('dotCannotChange')
    if (dot.voterId !== context.participantId) return refuse('dotByVoter')
    if (dot.roundId !== voting.roundId) return refuse('votingRoundEnded')
    if (!isDotTarget(context.current(dot.targetId))) return refuse('dotTarget')
  }
  // Taking one's own dots off is always allowed: also (and especially) when a note that came back
  // (the moderator's undo) brought the voter over the budget (see dotStanding).
  if (sets.size === 0) return ALLOWED
  // A new dot must count: what the voter holds after this update — kept dots on notes and
  // clusters that exist plus the new ones — stays within the budget, so none is beyond it.
  const mine = [...dotsOnExistingTargets(existing, context.current)].filter(
    ([id, dot]) => !deletes.has(id) && dot.voterId === context.participantId && dot.roundId === voting.roundId,
  )
  const after = [...mine.map(([, dot]) => dot), ...sets.values()]
  if (after.length > voting.dotsPerParticipant)
    return refuse('dotBudget', { dots: voting.dotsPerParticipant })
  if (voting.maxPerTarget !== null) {
    const perTarget = new Map<string, number>()
    for (const dot of after) perTarget.set(dot.targetId, (perTarget.get(dot.targetId) ?? 0) + 1)
    if ([...perTarget.values()].some((count) => count > voting.maxPerTarget!))
      return refuse('dotsPerTarget', { dots: voting.maxPerTarget })
  }
  return ALLOWED
}
