import type { TLRecord } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { getRecordStore } from '../doc/documentLayout.ts'
import { PHASE_RULES, readModerationState, type ModerationState } from '../moderation/moderationState.ts'
import { readDots, type Dot } from '../workshop/dots.ts'
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

export type Verdict = { allowed: true } | { allowed: false; reason: string }

export const ALLOWED: Verdict = { allowed: true }
export const refuse = (reason: string): Verdict => ({ allowed: false, reason })

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
  if (actor.role === 'viewer') return refuse('read-only connection (Beamer) cannot change the workshop')
  if (actor.role === 'moderator') return ALLOWED
  if (!actor.participantId) return refuse('join the session before writing')
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
  if (!isNote(record)) return refuse('participants may only write notes')
  const board = boardOf(context, record.parentId)
  if (!board) return refuse('a note must sit on a board or in a cluster')
  if (isLocked(context, board)) return refuse('this board is locked')
  if (context.moderation.hiddenMode) return refuse('notes are collected hidden; post them through the sealed-note route')
  const existing = context.current(id)
  if (!existing) {
    if (!rules.createNotes) return refuse(`no new notes in phase "${context.moderation.phase}"`)
    if (record.meta.authorId !== context.participantId) return refuse('a note must be authored by its writer')
    if (context.authorName !== undefined && record.meta.authorName !== context.authorName)
      return refuse('a note must carry the name its writer joined with')
    return ALLOWED
  }
  if (!isNote(existing) || existing.meta.authorId !== context.participantId)
    return refuse('participants may only change their own notes')
  if (JSON.stringify(existing.meta) !== JSON.stringify(record.meta)) return refuse('a note’s author cannot change')
  const oldBoard = boardOf(context, existing.parentId)
  if (oldBoard && isLocked(context, oldBoard)) return refuse('this board is locked')
  const moved = PLACEMENT_KEYS.some((key) => existing[key] !== record[key])
  const edited = JSON.stringify(existing.props) !== JSON.stringify(record.props) || existing.isLocked !== record.isLocked || existing.opacity !== record.opacity
  if (moved && !rules.moveOwnNotes) return refuse(`notes cannot be moved in phase "${context.moderation.phase}"`)
  if (clusterOf(context, existing.parentId) !== clusterOf(context, record.parentId) && !rules.regroupOwnNotes)
    return refuse(`notes can be moved into or out of clusters only in phase "cluster"`)
  if (edited && !rules.editOwnNotes) return refuse(`notes cannot be edited in phase "${context.moderation.phase}"`)
  return ALLOWED
}

export function judgeRecordDelete(context: ParticipantContext, id: string): Verdict {
  const existing = context.current(id) as NoteShape | TLRecord | undefined
  if (!existing || !isNote(existing) || existing.meta.authorId !== context.participantId)
    return refuse('participants may only delete their own notes')
  if (!PHASE_RULES[context.moderation.phase].editOwnNotes)
    return refuse(`notes cannot be deleted in phase "${context.moderation.phase}"`)
  const board = boardOf(context, existing.parentId)
  if (board && isLocked(context, board)) return refuse('this board is locked')
  return ALLOWED
}

export function judgeDots(doc: Y.Doc, context: ParticipantContext, sets: ReadonlyMap<string, Dot>, deletes: ReadonlySet<string>): Verdict {
  if (sets.size === 0 && deletes.size === 0) return ALLOWED
  const { voting, phase } = context.moderation
  if (!PHASE_RULES[phase].placeDots || !voting || voting.status !== 'running') return refuse('no voting round is running')
  const existing = readDots(doc)
  for (const dotId of deletes) {
    const dot = existing.get(dotId)
    if (dot && dot.voterId !== context.participantId) return refuse('participants may only remove their own dots')
  }
  for (const [dotId, dot] of sets) {
    if (existing.has(dotId)) return refuse('a placed dot cannot be changed, only removed')
    if (dot.voterId !== context.participantId) return refuse('a dot must be placed by its voter')
    if (dot.roundId !== voting.roundId) return refuse('this voting round has ended')
    const target = context.current(dot.targetId)
    if (!target || !(isNote(target) || isCluster(target))) return refuse('dots go on notes or clusters')
  }
  // The budget counts what the voter holds after this update: kept dots plus the new ones.
  const mine = [...existing].filter(([id, dot]) => !deletes.has(id) && dot.voterId === context.participantId && dot.roundId === voting.roundId)
  const after = [...mine.map(([, dot]) => dot), ...sets.values()]
  if (after.length > voting.dotsPerParticipant)
    return refuse(`only ${voting.dotsPerParticipant} dots per participant in this round`)
  if (voting.maxPerTarget !== null) {
    const perTarget = new Map<string, number>()
    for (const dot of after) perTarget.set(dot.targetId, (perTarget.get(dot.targetId) ?? 0) + 1)
    if ([...perTarget.values()].some((count) => count > voting.maxPerTarget!))
      return refuse(`at most ${voting.maxPerTarget} dots on one note or cluster`)
  }
  return ALLOWED
}
