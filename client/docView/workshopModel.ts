import type { TLRecord } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { readRecords, readSessionMeta } from '../../shared/doc/documentLayout.ts'
import { readModerationState, type ModerationState } from '../../shared/moderation/moderationState.ts'
import type { Role } from '../../shared/permissions/participantRules.ts'
import { richTextToPlain } from '../../shared/text/richTextToPlain.ts'
import { countDotsByTarget, readDotStanding, type DotStanding } from '../../shared/workshop/dots.ts'
import { boardsInOrder, isCluster, isNote, type ClusterShape, type NoteShape } from '../../shared/workshop/workshopRecords.ts'
import { inReadingOrder, readingPlaceOnBoard } from '../../shared/workshop/readingOrder.ts'
import { clustersInReadingOrder, placeOf } from '../../shared/workshop/workshopStructure.ts'
import { distinctClusterLabels } from '../../shared/export/clusterLabels.ts'
import { rankByDots } from '../../shared/export/ranking.ts'
import type { RankingEntry } from '../../shared/export/exportSchema.ts'

/**
 * The workshop as structured content (boards → clusters → notes, with authors and dots), derived
 * from the live document for the views without a canvas: the phone view and the list view.
 * Pure: the same records always give the same model, whoever renders it.
 */
export interface NoteView {
  id: string
  text: string
  authorId: string
  authorName: string
  createdAt: string
  /** Posted in hidden mode; its text is on the server until the reveal. */
  sealed: boolean
  mine: boolean
  /** Dots of the current round; null while the round hides results from this viewer. */
  dots: number | null
  myDots: number
}

export interface ClusterView {
  id: string
  /**
   * The export's label (shared/export/clusterLabels.ts): unique on its board ("Verkehr (2)"), so a
   * reader finds the same names here as in the protocol. Shown through `clusterTitle`.
   */
  label: string
  /** The cluster has no name of its own (only spaces, or none). */
  unnamed: boolean
  notes: NoteView[]
  dots: number | null
  myDots: number
}

export interface BoardView {
  id: string
  questionIndex: number
  question: string
  locked: boolean
  clusters: ClusterView[]
  /** Notes on the board that are in no cluster. */
  notes: NoteView[]
  noteCount: number
}

export interface WorkshopView {
  boards: BoardView[]
  moderation: ModerationState
  /** Whether dot counts of others are visible to this viewer. */
  resultsVisible: boolean
}

export interface Viewer {
  role: Role
  participantId: string | null
}

export interface WorkshopInput {
  records: Iterable<TLRecord>
  /** The dots that count and those beyond their voter's budget (shared/workshop/dots.ts `dotStanding`). */
  dots: DotStanding
  moderation: ModerationState
  /** Question texts by index (from the session's template); the board name is the fallback. */
  questions: readonly string[]
}

/** The round whose dots are shown: the current (or last) round; all dots when there was none. */
function shownRound(moderation: ModerationState): string | undefined {
  return moderation.voting?.roundId
}

/** Participants see only their own dots while a running round hides results; moderators always see all. */
export function resultsVisibleTo(viewer: Viewer, moderation: ModerationState): boolean {
  if (viewer.role === 'moderator') return true
  const voting = moderation.voting
  return !(voting && voting.status === 'running' && voting.hideResults)
}

/** "3. Wie …" as the boards are named on the canvas; the number is not part of the question. */
function questionFromBoardName(name: string): string {
  return name.replace(/^\d+\.\s*/, '')
}

/** Notes on the same spot (a pile) in the order they were written, as the export lists them. */
const byCreation = (a: NoteShape, b: NoteShape) =>
  Date.parse(a.meta.createdAt) - Date.parse(b.meta.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export function deriveWorkshopView(input: WorkshopInput, viewer: Viewer): WorkshopView {
  const records = [...input.records]
  const resultsVisible = resultsVisibleTo(viewer, input.moderation)
  const roundId = shownRound(input.moderation)
  const dots = [...input.dots.counting.values()]
  const allCounts = countDotsByTarget(dots, roundId)
  const myCounts = countDotsByTarget(
    dots.filter((dot) => viewer.participantId !== null && dot.voterId === viewer.participantId),
    roundId,
  )
  const dotsOf = (id: string) => (resultsVisible ? (allCounts.get(id) ?? 0) : null)

  const noteView = (note: NoteShape): NoteView => ({
    id: note.id,
    text: richTextToPlain(note.props.richText),
    authorId: note.meta.authorId,
    authorName: note.meta.authorName,
    createdAt: note.meta.createdAt,
    sealed: note.meta.sealed === true,
    mine: viewer.participantId !== null && note.meta.authorId === viewer.participantId,
    dots: dotsOf(note.id),
    myDots: myCounts.get(note.id) ?? 0,
  })

  // Structure as the export reads it: a note in its nearest cluster, clusters flattened onto
  // their board in reading order (a nested cluster right after the one it sits in).
  const byId = new Map(records.map((record) => [record.id as string, record]))
  const clustersByBoard = new Map<string, ClusterShape[]>()
  const notesByCluster = new Map<string, NoteShape[]>()
  const looseByBoard = new Map<string, NoteShape[]>()
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => map.set(key, [...(map.get(key) ?? []), value])
  for (const record of records) {
    if (isCluster(record)) {
      const { board } = placeOf(record.parentId, byId)
      if (board) push(clustersByBoard, board.id, record)
    } else if (isNote(record)) {
      const { board, cluster } = placeOf(record.parentId, byId)
      if (cluster && board) push(notesByCluster, cluster.id, record)
      else if (board) push(looseByBoard, board.id, record)
    }
  }

  // Notes as a person reads the board, rows top to bottom, left to right (the export's order).
  const inReadingOrderOnBoard = (notes: readonly NoteShape[] | undefined) =>
    inReadingOrder(notes ?? [], (note) => readingPlaceOnBoard(note, byId), byCreation)

  const boards = boardsInOrder(records).map((board): BoardView => {
    const clusterShapes = clustersInReadingOrder(clustersByBoard.get(board.id) ?? [], byId)
    const labels = distinctClusterLabels(clusterShapes, byId)
    const clusters = clusterShapes.map(
      (cluster): ClusterView => ({
        id: cluster.id,
        label: labels.get(cluster.id)!,
        unnamed: cluster.props.name.trim() === '',
        notes: inReadingOrderOnBoard(notesByCluster.get(cluster.id)).map(noteView),
        dots: dotsOf(cluster.id),
        myDots: myCounts.get(cluster.id) ?? 0,
      }),
    )
    const notes = inReadingOrderOnBoard(looseByBoard.get(board.id)).map(noteView)
    return {
      id: board.id,
      questionIndex: board.meta.questionIndex,
      question: input.questions[board.meta.questionIndex] ?? questionFromBoardName(board.props.name),
      locked: input.moderation.lockedBoards.includes(board.id),
      clusters,
      notes,
      noteCount: notes.length + clusters.reduce((sum, cluster) => sum + cluster.notes.length, 0),
    }
  })
  return { boards, moderation: input.moderation, resultsVisible }
}

/** Everything the model needs, read from the document. */
export function readWorkshopInput(doc: Y.Doc): WorkshopInput {
  return {
    records: readRecords(doc),
    dots: readDotStanding(doc),
    moderation: readModerationState(doc),
    questions: readSessionMeta(doc)?.template.questions ?? [],
  }
}

/** The notes of one board, clustered ones first (cluster by cluster), then the others. */
export function notesOfBoard(board: BoardView): NoteView[] {
  return [...board.clusters.flatMap((cluster) => cluster.notes), ...board.notes]
}

/**
 * A board's voting result as the export ranks it (shared/export/ranking.ts), from the view:
 * for views that do not load the export (the phone). Counts only what this viewer may see.
 */
export function rankingOfBoard(board: BoardView, unnamedCluster: string): RankingEntry[] {
  const oldest = (notes: readonly NoteView[]) => notes.reduce<string | null>((first, note) => (first === null || note.createdAt < first ? note.createdAt : first), null)
  return rankByDots([
    ...board.clusters.map((cluster) => ({ kind: 'cluster' as const, id: cluster.id, label: cluster.label || unnamedCluster, dots: cluster.dots ?? 0, createdAt: oldest(cluster.notes) })),
    ...notesOfBoard(board).map((note) => ({ kind: 'note' as const, id: note.id, label: note.text, dots: note.dots ?? 0, createdAt: note.createdAt })),
  ])
}

/** Every note of the model, board by board. */
export function allNotes(view: WorkshopView): NoteView[] {
  return view.boards.flatMap(notesOfBoard)
}

export interface NoteAnnouncement {
  note: NoteView
  questionIndex: number
}

/**
 * Whether a note has something to announce: the canvas creates a note empty and its text follows,
 * so an empty note counts as new once it has text. Sealed notes are announced without text.
 */
export function isAnnounceable(note: NoteView): boolean {
  return note.sealed || note.text.trim() !== ''
}

/**
 * Announceable notes by others that are in `view` but were not among `knownIds`: what a screen
 * reader should hear about. The caller keeps the ids it has announced (see {@link isAnnounceable}).
 */
export function newNotesByOthers(knownIds: ReadonlySet<string>, view: WorkshopView): NoteAnnouncement[] {
  const fresh: NoteAnnouncement[] = []
  for (const board of view.boards)
    for (const note of notesOfBoard(board))
      if (!note.mine && isAnnounceable(note) && !knownIds.has(note.id)) fresh.push({ note, questionIndex: board.questionIndex })
  return fresh
}
