import type { ExportBoard, ExportRound, RankingEntry, WorkshopExport } from '../exportSchema.ts'
import { UNTITLED_CLUSTER } from '../clusterLabels.ts'
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
  /** A sealed note in a ranking: its text is not in the document (hidden mode, not yet revealed). */
  sealedNote: '(verdeckte Karte)',
  untitledCluster: UNTITLED_CLUSTER,
  noDots: 'Keine Punkte vergeben.',
  notesOutsideBoards: 'Karten außerhalb der Leitfragen',
  rankingColumns: ['Platz', 'Punkte', 'Art', 'Inhalt'] as const,
  rounds: 'Punkte-Runden',
} as const

export function dotsText(dots: number): string {
  return dots === 1 ? '1 Punkt' : `${dots} Punkte`
}

export function questionHeading(board: ExportBoard): string {
  return `Leitfrage ${board.questionIndex + 1}: ${board.question}`
}

/** A cluster's label as the protocol shows it (the model's label is unique on its board; see clusterLabels.ts). */
export function clusterLabelText(label: string): string {
  return label.trim() === '' ? PROTOCOL_TEXT.untitledCluster : label
}

export function clusterHeading(label: string, dots: number): string {
  const name = `Cluster: ${clusterLabelText(label)}`
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
        ? `1 verdeckt gesammelte Karte ist noch nicht aufgedeckt und fehlt in diesem Protokoll; hat sie Punkte, steht sie als „${PROTOCOL_TEXT.sealedNote}“ in der Rangfolge.`
        : `${model.sealedNotes} verdeckt gesammelte Karten sind noch nicht aufgedeckt und fehlen in diesem Protokoll; haben sie Punkte, stehen sie als „${PROTOCOL_TEXT.sealedNote}“ in der Rangfolge.`,
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

/**
 * A ranking entry's content on one line: line breaks become " / ", empty texts get a placeholder,
 * a sealed note (whose text the model does not have) is named as such.
 */
export function rankingLabel(entry: RankingEntry): string {
  if (entry.sealed) return PROTOCOL_TEXT.sealedNote
  const label = entry.label.split('\n').map((line) => line.trim()).filter((line) => line !== '').join(' / ')
  if (label !== '') return label
  return entry.kind === 'cluster' ? PROTOCOL_TEXT.untitledCluster : PROTOCOL_TEXT.emptyNote
}

/** "Runde 2": rounds are numbered in the order they were held. */
export function roundName(round: ExportRound): string {
  return `Runde ${round.number}`
}

/**
 * The ranking section's heading. With several rounds it names the round whose dots the notes,
 * clusters and this ranking show (or all rounds, when no round is current); with one round it is
 * what it always was.
 */
export function rankingHeading(model: WorkshopExport): string {
  if (!model.rounds) return PROTOCOL_TEXT.ranking
  const current = model.rounds.find((round) => round.current)
  return `${PROTOCOL_TEXT.ranking} · ${current ? roundName(current) : 'alle Runden'}`
}

/**
 * The rankings of a board's other rounds, after its main ranking: newest first, going back in
 * time, and only rounds that gave this board dots (with a round per guiding question, the
 * others would only say "no dots" on every board).
 */
export function otherRoundRankings(model: WorkshopExport, board: ExportBoard): Array<{ heading: string; ranking: RankingEntry[] }> {
  if (!model.rounds || !board.rankingByRound) return []
  return model.rounds
    .filter((round) => !round.current)
    .reverse()
    .map((round) => ({ heading: `${PROTOCOL_TEXT.ranking} · ${roundName(round)}`, ranking: board.rankingByRound![round.roundId] ?? [] }))
    .filter(({ ranking }) => ranking.length > 0)
}

/**
 * One line per round for the overview, e.g. "Runde 2 (aktuell, beendet): 13 Punkte von
 * 4 Personen · 5 Punkte pro Person · 26.11.2026, 11:00–11:30 Uhr". A round known from its dots
 * only (sessions from before replaced rounds were kept) has no settings to name.
 */
export function roundSummary(round: ExportRound, options: ProtocolRenderOptions): string {
  const state = round.current ? ` (aktuell, ${round.status === 'running' ? 'läuft noch' : 'beendet'})` : ''
  const parts = [
    round.dotsCast === 0
      ? 'noch keine Punkte'
      : `${dotsText(round.dotsCast)} von ${round.voters === 1 ? '1 Person' : `${round.voters} Personen`}`,
  ]
  if (round.settings) {
    const { dotsPerParticipant, maxPerTarget } = round.settings
    parts.push(
      `${dotsText(dotsPerParticipant)} pro Person` +
        (maxPerTarget === null ? '' : `, höchstens ${maxPerTarget} pro Karte oder Cluster`),
    )
  }
  const time = roundTime(round, options)
  if (time !== '') parts.push(time)
  return `${roundName(round)}${state}: ${parts.join(' · ')}`
}

/** What the `dots` figures of notes and clusters and each board's first ranking count, when there were several rounds. */
export function roundsExplanation(model: WorkshopExport): string {
  const current = model.rounds?.find((round) => round.current)
  return current
    ? `Die Punkte bei Karten und Clustern und die erste Rangfolge jeder Leitfrage sind die der ${roundName(current)}; die Rangfolgen früherer Runden folgen darunter.`
    : 'Die Punkte bei Karten und Clustern und die erste Rangfolge jeder Leitfrage zählen alle Runden zusammen; die Rangfolge jeder Runde folgt darunter.'
}

/**
 * When a round ran: from its start to its end (or "seit …" while running); a round known from
 * its dots only from its first to its last dot, the only times the document keeps of it.
 */
function roundTime(round: ExportRound, options: ProtocolRenderOptions): string {
  const from = round.startedAt ?? round.firstDotAt
  if (from === null) return ''
  const start = formatGermanDateTime(from, options.timeZone)
  if (round.status === 'running') return `seit ${start} Uhr`
  const to = round.endedAt ?? round.lastDotAt
  const end = to === null ? start : formatGermanDateTime(to, options.timeZone)
  if (end === start) return `${start} Uhr`
  const [startDay, startTime] = start.split(', ')
  const [endDay, endTime] = end.split(', ')
  return startDay === endDay ? `${startDay}, ${startTime}–${endTime} Uhr` : `${start} Uhr bis ${end} Uhr`
}
