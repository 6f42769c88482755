import type { TLRecord } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { getRecordStore, RECORDS_ARRAY_NAME } from '../doc/documentLayout.ts'
import { pinnwandSchema } from '../doc/tldrawSchema.ts'
import { recordChangesOf, type UpdateInspection } from '../doc/updateInspection.ts'
import { PHASE_RULES, readModerationState, type ModerationState } from '../moderation/moderationState.ts'
import { DOTS_MAP_NAME, dotSchema, readDots, type Dot } from '../workshop/dots.ts'
import { isBoard, isCluster, isNote, type BoardShape, type NoteShape } from '../workshop/workshopRecords.ts'

/**
 * Who may change what, decided from an inspected update and the document as it is now.
 * Used by the server's gate on every incoming update and by the client to grey out what
 * would be refused anyway. Moderators may change any record; participants only their own
 * notes and dots, as the phase allows; viewers nothing. Roots other than records and dots
 * (meta, moderation) are written by the server alone.
 */
export type Role = 'moderator' | 'participant' | 'viewer'

export interface Actor {
  role: Role
  /** The server-issued participant id; null when the connection has not joined. */
  participantId: string | null
}

export type Verdict = { allowed: true } | { allowed: false; reason: string }

const ALLOWED: Verdict = { allowed: true }
const refuse = (reason: string): Verdict => ({ allowed: false, reason })

const CLIENT_ARRAY_ROOTS = new Set([RECORDS_ARRAY_NAME])
const CLIENT_MAP_ROOTS = new Set([DOTS_MAP_NAME])

export function judgeUpdate(doc: Y.Doc, actor: Actor, inspection: UpdateInspection): Verdict {
  if (actor.role === 'viewer') return refuse('read-only connection (Beamer) cannot change the workshop')
  if (inspection.unresolvable.length > 0) return refuse(`update not accepted: ${inspection.unresolvable[0]}`)

  for (const root of [...inspection.added.keys(), ...inspection.removed.keys()])
    if (!CLIENT_ARRAY_ROOTS.has(root)) return refuse(`"${root}" is written by the server only`)
  for (const root of [...inspection.mapSets.keys(), ...inspection.mapDeletes.keys()])
    if (!CLIENT_MAP_ROOTS.has(root)) return refuse(`"${root}" is written by the server only`)

  const changes = recordChangesOf(inspection)
  if (changes.malformed > 0) return refuse('records must be {key, val} entries')
  for (const [id, value] of changes.put) {
    const verdict = validateRecord(id, value)
    if (!verdict.allowed) return verdict
  }
  const dotSets = inspection.mapSets.get(DOTS_MAP_NAME) ?? new Map<string, unknown>()
  for (const [dotId, value] of dotSets)
    if (!dotSchema.safeParse(value).success) return refuse(`dot "${dotId}" is malformed`)

  if (actor.role === 'moderator') return ALLOWED
  if (!actor.participantId) return refuse('join the session before writing')

  const context: ParticipantContext = {
    participantId: actor.participantId,
    moderation: readModerationState(doc),
    current: (id) => getRecordStore(doc).get(id),
  }
  for (const [id, record] of changes.put) {
    const verdict = judgeRecordWrite(context, id, record as TLRecord)
    if (!verdict.allowed) return verdict
  }
  for (const id of changes.deleted) {
    const verdict = judgeRecordDelete(context, id)
    if (!verdict.allowed) return verdict
  }
  return judgeDots(doc, context, dotSets as Map<string, Dot>, inspection.mapDeletes.get(DOTS_MAP_NAME) ?? new Set())
}

/**
 * One record write judged before it becomes an update (`record` undefined = delete), with the
 * same rules as {@link judgeUpdate}. Clients use it to keep changes the gate would refuse local
 * (a refusal closes their connection and costs a full resync).
 */
export function judgeRecordChange(doc: Y.Doc, actor: Actor, id: string, record: TLRecord | undefined): Verdict {
  if (actor.role === 'viewer') return refuse('read-only connection (Beamer) cannot change the workshop')
  if (record) {
    const verdict = validateRecord(id, record)
    if (!verdict.allowed) return verdict
  }
  if (actor.role === 'moderator') return ALLOWED
  if (!actor.participantId) return refuse('join the session before writing')
  const context: ParticipantContext = {
    participantId: actor.participantId,
    moderation: readModerationState(doc),
    current: (recordId) => getRecordStore(doc).get(recordId),
  }
  return record ? judgeRecordWrite(context, id, record) : judgeRecordDelete(context, id)
}

function validateRecord(id: string, value: unknown): Verdict {
  try {
    const record = pinnwandSchema.validateRecord(null as never, value as TLRecord, 'tests', null)
    if (record.id !== id) return refuse(`record key "${id}" does not match its id`)
    return ALLOWED
  } catch (error) {
    return refuse(`invalid record "${id}": ${(error as Error).message}`)
  }
}

interface ParticipantContext {
  participantId: string
  moderation: ModerationState
  current: (id: string) => TLRecord | undefined
}

/** The board a note sits on, directly or through a cluster. */
function boardOf(context: ParticipantContext, parentId: string): BoardShape | undefined {
  const parent = context.current(parentId)
  if (!parent) return undefined
  if (isBoard(parent)) return parent
  if (isCluster(parent)) return boardOf(context, parent.parentId)
  return undefined
}

function isLocked(context: ParticipantContext, board: BoardShape): boolean {
  return context.moderation.lockedBoards.includes(board.id)
}

const PLACEMENT_KEYS = ['x', 'y', 'parentId', 'index', 'rotation'] as const

function judgeRecordWrite(context: ParticipantContext, id: string, record: TLRecord): Verdict {
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
  if (edited && !rules.editOwnNotes) return refuse(`notes cannot be edited in phase "${context.moderation.phase}"`)
  return ALLOWED
}

function judgeRecordDelete(context: ParticipantContext, id: string): Verdict {
  const existing = context.current(id) as NoteShape | TLRecord | undefined
  if (!existing || !isNote(existing) || existing.meta.authorId !== context.participantId)
    return refuse('participants may only delete their own notes')
  if (!PHASE_RULES[context.moderation.phase].editOwnNotes)
    return refuse(`notes cannot be deleted in phase "${context.moderation.phase}"`)
  const board = boardOf(context, existing.parentId)
  if (board && isLocked(context, board)) return refuse('this board is locked')
  return ALLOWED
}

function judgeDots(doc: Y.Doc, context: ParticipantContext, sets: Map<string, Dot>, deletes: Set<string>): Verdict {
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
