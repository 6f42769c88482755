import type * as Y from 'yjs'
import { readRecords, readSessionMeta } from '../doc/documentLayout.ts'
import { readModerationState } from '../moderation/moderationState.ts'
import { richTextToPlain } from '../text/richTextToPlain.ts'
import { countDotsByRoundAndTarget, countDotsByTarget, countingDots, readDots, roundBudgetsOf } from '../workshop/dots.ts'
import { boardsInOrder, isCluster, isNote, type ClusterShape, type NoteShape } from '../workshop/workshopRecords.ts'
import { inReadingOrder, readingPlaceOnBoard } from '../workshop/readingOrder.ts'
import { clustersInReadingOrder, placeOf } from '../workshop/workshopStructure.ts'
import { createAuthorNamer } from './authorAliases.ts'
import { distinctClusterLabels } from './clusterLabels.ts'
import {
  dotsInRound,
  EXPORT_SCHEMA_VERSION,
  type ExportBoard,
  type ExportCluster,
  type ExportNote,
  type WorkshopExport,
} from './exportSchema.ts'
import { compareStrings, rankByDots, type RankCandidate } from './ranking.ts'
import { votingRounds } from './votingRounds.ts'

export interface ExportOptions {
  sessionId: string
  exportedAt: Date
  /** Replace author names by "Teilnehmer:in 1, 2, …". */
  anonymise: boolean
  /** Keep notes whose text is blank. */
  includeEmpty: boolean
}

/** The document cannot be exported (it was never seeded as a session). */
export class ExportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ExportError'
  }
}

/**
 * Reads a session's Yjs document into the export model. Pure and synchronous: the server calls it
 * on a live document, the CLI on one loaded from SQLite, tests on one built in memory.
 *
 * Structure comes from the records' parents: a note belongs to its nearest cluster and to the
 * board above that; clusters may nest (they are flattened onto their board). Clusters and notes
 * are listed as a person reads the board (rows top to bottom, left to right), and clusters that
 * share a name get labels of their own (clusterLabels.ts). The `dots` figures
 * and `ranking` count the moderation state's current voting round, or all dots when no round was
 * ever started. When the session had more than one round, the export also lists every round
 * (`rounds`) with each note's and cluster's dots per round and each board's ranking per round;
 * with one round or none it stays as it was before rounds were exported. Dots on a note or
 * cluster that no longer exists (deleted, dissolved) count nowhere. Sealed notes (hidden
 * mode, not yet revealed) are not among the notes: the document holds no text for them. They
 * are counted (`sealedNotes`), and ranked by their dots like any note (marked `sealed`, without
 * a label), so a round that ended before the reveal has the result everyone saw on the phone.
 */
export function buildExport(doc: Y.Doc, options: ExportOptions): WorkshopExport {
  const meta = readSessionMeta(doc)
  if (!meta) throw new ExportError('the document holds no session (it was never seeded)')
  const moderation = readModerationState(doc)
  const records = readRecords(doc)
  const byId = new Map(records.map((record) => [record.id as string, record]))
  // Only the dots that count (countingDots: their note or cluster exists, within their voter's
  // budget), in every figure below.
  const dots = [...countingDots(readDots(doc), (id) => byId.get(id), roundBudgetsOf(moderation)).values()]
  const dotCounts = countDotsByTarget(dots, moderation.voting?.roundId)
  const dotsOf = (id: string) => dotCounts.get(id) ?? 0
  const rounds = votingRounds(dots, moderation.voting, moderation.earlierRounds)
  const countsByRound = rounds.length > 1 ? countDotsByRoundAndTarget(dots) : null
  // Per-round figures only with several rounds, so that a one-round export keeps its shape.
  const dotsByRoundOf = (id: string): { dotsByRound?: Record<string, number> } => {
    if (!countsByRound) return {}
    const entries = rounds.flatMap((round) => {
      const count = countsByRound.get(round.roundId)?.get(id) ?? 0
      return count > 0 ? [[round.roundId, count] as const] : []
    })
    // fromEntries, not assignment: a round id is any string (think "__proto__").
    return { dotsByRound: Object.fromEntries(entries) }
  }
  const nameAuthor = createAuthorNamer(options.anonymise)

  // Group notes by cluster and board in one pass over the records.
  const clustersByBoard = new Map<string, ClusterShape[]>()
  const notesByCluster = new Map<string, NoteShape[]>()
  const unclusteredByBoard = new Map<string, NoteShape[]>()
  const notesOutsideBoards: NoteShape[] = []
  const sealedByBoard = new Map<string, SealedNote[]>()
  let sealedNotes = 0
  for (const record of records) {
    if (isCluster(record)) {
      const board = placeOf(record.parentId, byId).board
      if (board) push(clustersByBoard, board.id, record)
    } else if (isNote(record)) {
      // A sealed note is an empty placeholder until the reveal; its text is on the server only.
      const { board, cluster } = placeOf(record.parentId, byId)
      if (record.meta.sealed === true) {
        sealedNotes++
        // Not empty, only unknown: ranked whatever `includeEmpty` says.
        if (board)
          push(sealedByBoard, board.id, {
            id: record.id,
            clusterId: cluster?.id ?? null,
            createdAt: record.meta.createdAt,
            dots: dotsOf(record.id),
            ...dotsByRoundOf(record.id),
          })
        continue
      }
      if (!options.includeEmpty && noteText(record) === '') continue
      if (!board) notesOutsideBoards.push(record)
      else if (cluster) push(notesByCluster, cluster.id, record)
      else push(unclusteredByBoard, board.id, record)
    }
  }

  const toExportNote = (note: NoteShape): ExportNote => ({
    id: note.id,
    text: noteText(note),
    authorName: nameAuthor(note.meta),
    createdAt: note.meta.createdAt,
    dots: dotsOf(note.id),
    ...dotsByRoundOf(note.id),
    color: note.props.color,
  })

  // Notes as a person reads the board (rows top to bottom, left to right), not as they were
  // created: the protocol is read beside the board or its photo.
  const inReadingOrderOnBoard = (notes: readonly NoteShape[] | undefined) =>
    inReadingOrder(notes ?? [], (note) => readingPlaceOnBoard(note, byId), byCreation)

  // Reading order (boards, their clusters, then unclustered notes) is also the order in which
  // anonymised authors are numbered, so build strictly in this order.
  const boards = boardsInOrder(records).map((board): ExportBoard => {
    const clusterShapes = clustersInReadingOrder(clustersByBoard.get(board.id) ?? [], byId)
    // Every format and the ranking name a cluster by this label, so clusters of one name stay apart.
    const labels = distinctClusterLabels(clusterShapes, byId)
    const clusters = clusterShapes.map(
      (cluster): ExportCluster => ({
        id: cluster.id,
        label: labels.get(cluster.id)!,
        ...(labels.get(cluster.id) !== cluster.props.name && { name: cluster.props.name }),
        dots: dotsOf(cluster.id),
        ...dotsByRoundOf(cluster.id),
        notes: inReadingOrderOnBoard(notesByCluster.get(cluster.id)).map(toExportNote),
      }),
    )
    const unclusteredNotes = inReadingOrderOnBoard(unclusteredByBoard.get(board.id)).map(toExportNote)
    const sealed = sealedByBoard.get(board.id) ?? []
    return {
      id: board.id,
      questionIndex: board.meta.questionIndex,
      question: meta.template.questions[board.meta.questionIndex] ?? board.props.name,
      clusters,
      unclusteredNotes,
      ranking: rankByDots(rankCandidates(clusters, unclusteredNotes, sealed, (item) => item.dots)),
      ...(countsByRound && {
        rankingByRound: Object.fromEntries(
          rounds.map((round) => [
            round.roundId,
            rankByDots(rankCandidates(clusters, unclusteredNotes, sealed, (item) => dotsInRound(item, round.roundId))),
          ]),
        ),
      }),
    }
  })

  return {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    sessionId: options.sessionId,
    exportedAt: options.exportedAt.toISOString(),
    workshop: { title: meta.template.title, subtitle: meta.template.subtitle },
    options: { anonymise: options.anonymise, includeEmpty: options.includeEmpty },
    phase: moderation.phase,
    voting: moderation.voting ? { roundId: moderation.voting.roundId, status: moderation.voting.status } : null,
    ...(countsByRound && { rounds }),
    notesHidden: moderation.hiddenMode,
    sealedNotes,
    boards,
    notesOutsideBoards: inReadingOrderOnBoard(notesOutsideBoards).map(toExportNote),
  }
}

/** A note's plain text without blank lines around it, so "empty" means no visible text. */
function noteText(note: NoteShape): string {
  return richTextToPlain(note.props.richText)
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd()
}

/** A sealed note on a board, as far as the ranking needs it (its text is not in the document). */
interface SealedNote {
  id: string
  /** Its nearest cluster, which it dates like any of its notes; null outside clusters. */
  clusterId: string | null
  createdAt: string
  dots: number
  dotsByRound?: Record<string, number>
}

/**
 * The board's clusters and notes, sealed ones too, as ranking candidates, with the dots `dotsOf`
 * counts for them (one round's or the counted ones).
 */
function rankCandidates(
  clusters: readonly ExportCluster[],
  unclustered: readonly ExportNote[],
  sealed: readonly SealedNote[],
  dotsOf: (item: ExportNote | ExportCluster | SealedNote) => number,
): RankCandidate[] {
  const noteCandidate = (note: ExportNote): RankCandidate => ({
    kind: 'note',
    id: note.id,
    label: note.text,
    dots: dotsOf(note),
    createdAt: note.createdAt,
  })
  return [
    ...clusters.map(
      (cluster): RankCandidate => ({
        kind: 'cluster',
        id: cluster.id,
        label: cluster.label,
        dots: dotsOf(cluster),
        // Listed in reading order, so the oldest note, wherever it is, dates the cluster.
        createdAt: oldestCreation([...cluster.notes, ...sealed.filter((note) => note.clusterId === cluster.id)]),
      }),
    ),
    ...clusters.flatMap((cluster) => cluster.notes.map(noteCandidate)),
    ...unclustered.map(noteCandidate),
    ...sealed.map((note): RankCandidate => ({ kind: 'note', id: note.id, label: '', dots: dotsOf(note), createdAt: note.createdAt, sealed: true })),
  ]
}

/** Notes on the same spot (a pile) in the order they were created, then by id. */
function byCreation(a: NoteShape, b: NoteShape): number {
  return Date.parse(a.meta.createdAt) - Date.parse(b.meta.createdAt) || compareStrings(a.id, b.id)
}

function oldestCreation(notes: ReadonlyArray<{ createdAt: string }>): string | null {
  let oldest: { createdAt: string } | undefined
  for (const note of notes) if (!oldest || Date.parse(note.createdAt) < Date.parse(oldest.createdAt)) oldest = note
  return oldest?.createdAt ?? null
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
