import { toRichText } from '../../shared/doc/tldrawPrimitives.ts'
import { uuidv4 } from 'lib0/random'
import type * as Y from 'yjs'
import { getRecordStore, readRecords, writeRecords } from '../../shared/doc/documentLayout.ts'
import { PHASE_RULES, readModerationState } from '../../shared/moderation/moderationState.ts'
import { judgeDotChange, judgeRecordRules, refuse, type Actor, type Verdict } from '../../shared/permissions/participantRules.ts'
import { getDotsMap, readDotStanding, type Dot } from '../../shared/workshop/dots.ts'
import type { Author } from '../../shared/workshop/recordMeta.ts'
import { boardsInOrder, buildNoteRecord, isNote, type BoardShape, type NoteShape } from '../../shared/workshop/workshopRecords.ts'
import { dotBudgetOf, dotToRemoveFrom } from './dotBudget.ts'
import { rememberTextChangedOffCanvas } from './textsChangedOffCanvas.ts'

/**
 * What the views without a canvas write into the live document: the same records the canvas
 * writes (notes built by shared/ `buildNoteRecord`, dots as entries of the dots map), each judged
 * by the shared participant rules first. A refused change is never sent, because the server
 * would close the connection over it.
 *
 * The rules are asked without tldraw's record validation (participantRules, not updatePolicy):
 * the records come from shared/ builders and are valid by construction, and the full schema
 * would not fit into the phone view's budget.
 */
export type WriteResult = Verdict

function boardFor(doc: Y.Doc, questionIndex: number): BoardShape | undefined {
  return boardsInOrder(readRecords(doc)).find((board) => board.meta.questionIndex === questionIndex)
}

/** Whether posts go to the server (hidden mode) instead of into the document. */
export function postsAreSealed(doc: Y.Doc): boolean {
  return readModerationState(doc).hiddenMode
}

/**
 * Whether `actor` may post a note to question `questionIndex` right now. In hidden mode the
 * sealed-note route decides (phase and lock apply to moderators too); otherwise a candidate note
 * is judged as the gate would judge it.
 */
export function postingVerdict(doc: Y.Doc, actor: Actor, author: Author | null, questionIndex: number): Verdict {
  if (actor.role === 'viewer') return refuse('readOnlyViewer')
  if (!author) return refuse('notJoined')
  const board = boardFor(doc, questionIndex)
  if (!board) return refuse('unknownQuestion', { question: questionIndex + 1 })
  const moderation = readModerationState(doc)
  if (moderation.hiddenMode) {
    if (!PHASE_RULES[moderation.phase].createNotes) return refuse('noNewNotesInPhase', { phase: moderation.phase })
    if (moderation.lockedBoards.includes(board.id)) return refuse('boardLocked')
    return { allowed: true }
  }
  const candidate = buildNoteRecord({ board, author, text: '', siblings: [] })
  return judgeRecordRules(doc, actor, candidate.id, candidate)
}

/** Writes a new note on the board of `questionIndex` (not for hidden mode: see participationApi). */
export function postNote(doc: Y.Doc, actor: Actor, author: Author, questionIndex: number, text: string): WriteResult & { noteId?: string } {
  const board = boardFor(doc, questionIndex)
  if (!board) return refuse('unknownQuestion', { question: questionIndex + 1 })
  const note = buildNoteRecord({ board, author, text: text.trim(), siblings: readRecords(doc) })
  const verdict = judgeRecordRules(doc, actor, note.id, note)
  if (!verdict.allowed) return verdict
  writeRecords(doc, { put: [note] })
  rememberTextChangedOffCanvas(doc, note.id, true)
  return { allowed: true, noteId: note.id }
}

function noteRecord(doc: Y.Doc, noteId: string): NoteShape | undefined {
  const record = getRecordStore(doc).get(noteId)
  return record && isNote(record) ? record : undefined
}

/** The note as it would be with `text`; undefined when it is no note. */
function withText(doc: Y.Doc, noteId: string, text: string): NoteShape | undefined {
  const note = noteRecord(doc, noteId)
  if (!note) return undefined
  return { ...note, props: { ...note.props, richText: toRichText(text.trim()) } }
}

export function editVerdict(doc: Y.Doc, actor: Actor, noteId: string): Verdict {
  const edited = withText(doc, noteId, '·')
  return edited ? judgeRecordRules(doc, actor, noteId, edited) : refuse('noteGone')
}

export function editNote(doc: Y.Doc, actor: Actor, noteId: string, text: string): WriteResult {
  const edited = withText(doc, noteId, text)
  if (!edited) return refuse('noteGone')
  const verdict = judgeRecordRules(doc, actor, noteId, edited)
  if (!verdict.allowed) return verdict
  writeRecords(doc, { put: [edited] })
  rememberTextChangedOffCanvas(doc, noteId)
  return verdict
}

export function deleteVerdict(doc: Y.Doc, actor: Actor, noteId: string): Verdict {
  if (!noteRecord(doc, noteId)) return refuse('noteGone')
  return judgeRecordRules(doc, actor, noteId, undefined)
}

export function deleteNote(doc: Y.Doc, actor: Actor, noteId: string): WriteResult {
  const verdict = deleteVerdict(doc, actor, noteId)
  if (!verdict.allowed) return verdict
  writeRecords(doc, { remove: [noteId] })
  return verdict
}

/** Places one of the actor's dots of the running round on a note or cluster. */
export function placeDot(doc: Y.Doc, actor: Actor, targetId: string, now = new Date()): WriteResult {
  if (actor.role === 'viewer') return refuse('readOnlyViewer')
  const voting = readModerationState(doc).voting
  if (!voting || !actor.participantId) return refuse('noVotingRound')
  const dot: Dot = { voterId: actor.participantId, targetId, roundId: voting.roundId, createdAt: now.toISOString() }
  const dotId = uuidv4()
  // The gate lets moderators do anything; in a vote they get the same budget as everyone.
  const asVoter: Actor = { role: 'participant', participantId: actor.participantId }
  const verdict = judgeDotChange(doc, asVoter, new Map([[dotId, dot]]), new Set())
  if (!verdict.allowed) return verdict
  getDotsMap(doc).set(dotId, dot)
  return verdict
}

/** Takes the actor's newest dot off a note or cluster again. */
export function removeDot(doc: Y.Doc, actor: Actor, targetId: string): WriteResult {
  if (actor.role === 'viewer') return refuse('readOnlyViewer')
  const dotId = dotToRemoveFrom(dotBudgetOf(readDotStanding(doc), readModerationState(doc), actor.participantId), targetId)
  if (!dotId) return refuse('noDotHere')
  const verdict = judgeDotChange(doc, actor, new Map(), new Set([dotId]))
  if (!verdict.allowed) return verdict
  getDotsMap(doc).delete(dotId)
  return verdict
}
