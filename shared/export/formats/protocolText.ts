import type { ExportBoard, RankingEntry, WorkshopExport } from '../exportSchema.ts'
import { formatGermanDateTime } from './dateTime.ts'

/**
 * The German wording of the Protokoll, shared by the Markdown and the DOCX rendering so both
 * documents say the same thing. Plain strings; each format escapes and styles them itself.
 */
export interface ProtocolRenderOptions {
  /** IANA zone for the times shown; default Europe/Berlin. */
  timeZone?: string
}

export const PROTOCOL_TEXT = {
  unclustered: 'Ohne Cluster',
  ranking: 'Rangfolge nach Punkten',
  noNotes: 'Keine Karten.',
  emptyCluster: 'Keine Karten in diesem Cluster.',
  emptyNote: '(leere Karte)',
  untitledCluster: '(ohne Titel)',
  noDots: 'Keine Punkte vergeben.',
  notesOutsideBoards: 'Karten außerhalb der Leitfragen',
  rankingColumns: ['Platz', 'Punkte', 'Art', 'Inhalt'] as const,
} as const

export function dotsText(dots: number): string {
  return dots === 1 ? '1 Punkt' : `${dots} Punkte`
}

export function questionHeading(board: ExportBoard): string {
  return `Leitfrage ${board.questionIndex + 1}: ${board.question}`
}

export function clusterHeading(label: string, dots: number): string {
  const name = `Cluster: ${label === '' ? PROTOCOL_TEXT.untitledCluster : label}`
  return dots > 0 ? `${name} · ${dotsText(dots)}` : name
}

/** "Protokoll · Stand: 26.11.2026, 16:30 Uhr · Sitzung <id>" */
export function protocolStatusLine(model: WorkshopExport, options: ProtocolRenderOptions): string {
  return `Protokoll · Stand: ${formatGermanDateTime(model.exportedAt, options.timeZone)} Uhr · Sitzung ${model.sessionId}`
}

/** Author, time and dots of a note, e.g. "Anna Müller · 26.11.2026, 10:05 · 3 Punkte". */
export function noteByline(note: { authorName: string; createdAt: string; dots: number }, options: ProtocolRenderOptions): string {
  const parts = [note.authorName, formatGermanDateTime(note.createdAt, options.timeZone)]
  if (note.dots > 0) parts.push(dotsText(note.dots))
  return parts.join(' · ')
}

/** What a reader must know to read the protocol right: missing notes, provisional dots, options. */
export function protocolNotices(model: WorkshopExport): string[] {
  const notices: string[] = []
  if (model.sealedNotes > 0)
    notices.push(
      model.sealedNotes === 1
        ? '1 verdeckt gesammelte Karte ist noch nicht aufgedeckt und fehlt in diesem Protokoll.'
        : `${model.sealedNotes} verdeckt gesammelte Karten sind noch nicht aufgedeckt und fehlen in diesem Protokoll.`,
    )
  else if (model.notesHidden)
    notices.push('Die Karten werden verdeckt gesammelt; noch nicht aufgedeckte Karten fehlen in diesem Protokoll.')
  if (model.voting?.status === 'running') notices.push('Die Punkte-Runde läuft noch; die Punkte sind ein Zwischenstand.')
  if (model.options.anonymise) notices.push('Die Namen der Teilnehmenden sind anonymisiert.')
  if (!model.options.includeEmpty) notices.push('Leere Karten sind nicht aufgeführt.')
  return notices
}

/**
 * Whether a board's ranking section appears: when it has entries, or, on a board with notes or
 * clusters, to say that a voting round brought them no dots.
 */
export function showsRanking(model: WorkshopExport, board: ExportBoard): boolean {
  if (board.ranking.length > 0) return true
  const hasContent = board.clusters.length > 0 || board.unclusteredNotes.length > 0
  return hasContent && model.voting !== null
}

export function rankingKindText(entry: RankingEntry): string {
  return entry.kind === 'cluster' ? 'Cluster' : 'Karte'
}

/** A ranking entry's content on one line: line breaks become " / ", empty texts get a placeholder. */
export function rankingLabel(entry: RankingEntry): string {
  const label = entry.label.split('\n').map((line) => line.trim()).filter((line) => line !== '').join(' / ')
  if (label !== '') return label
  return entry.kind === 'cluster' ? PROTOCOL_TEXT.untitledCluster : PROTOCOL_TEXT.emptyNote
}
