import Papa from 'papaparse'
import { dotsInRound, type ExportNote, type ExportRound, type WorkshopExport } from '../exportSchema.ts'
import { DEFAULT_TIME_ZONE, formatSpreadsheetDateTime } from './dateTime.ts'
import { clusterLabelText, roundName } from './protocolText.ts'

/**
 * Column headers, in German for the organisers: Board (number of the guiding question), Frage,
 * Cluster (empty = no cluster), Art (what the row is: a note or a cluster), Text, Autor:in,
 * Erstellt (wall-clock time, `YYYY-MM-DD HH:MM:SS`), Punkte (dots on the note, or on the
 * cluster itself).
 */
export const CSV_COLUMNS = ['Board', 'Frage', 'Cluster', 'Art', 'Text', 'Autor:in', 'Erstellt', 'Punkte'] as const

/** Values of the `Art` column. */
export const CSV_ROW_KINDS = { note: 'Karte', cluster: 'Cluster' } as const

/**
 * After several voting rounds, one more column per round in the order they were held: the note's
 * (or cluster's) dots in that round (`Punkte` stays the current round's). With one round there are none, so
 * such files keep their columns.
 */
export function csvRoundColumn(round: ExportRound): string {
  return `Punkte ${roundName(round)}`
}

/**
 * Cells starting like a formula get a leading `'` so Excel and LibreOffice show them as text
 * instead of evaluating what a participant typed (CSV injection). papaparse's own default
 * pattern misses such cells when they span several lines, hence this one.
 */
export const CSV_FORMULA_PATTERN = /^[=+\-@\t\r]/

export interface CsvRenderOptions {
  timeZone?: string
}

/**
 * One row per note, and one per cluster before its notes with the dots placed on the cluster
 * itself (as the other formats give a cluster its own dots), so the `Punkte` column adds up to
 * every counted dot of the exported notes and clusters; with a column per voting round after
 * several rounds. UTF-8 with BOM (so Excel detects the encoding), comma-separated, CRLF between
 * records, fields quoted per RFC 4180 when they hold commas, quotes or line breaks (line breaks
 * inside a note stay LF, as Excel writes them itself).
 */
export function toCsv(model: WorkshopExport, options: CsvRenderOptions = {}): string {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE
  const rounds = model.rounds ?? []
  const rows: Array<Array<string | number>> = []
  const addNote = (board: number | '', question: string, cluster: string, note: ExportNote) =>
    rows.push([
      board,
      question,
      cluster,
      CSV_ROW_KINDS.note,
      note.text,
      note.authorName,
      formatSpreadsheetDateTime(note.createdAt, timeZone),
      note.dots,
      ...rounds.map((round) => dotsInRound(note, round.roundId)),
    ])

  for (const board of model.boards) {
    const number = board.questionIndex + 1
    for (const cluster of board.clusters) {
      const label = clusterLabelText(cluster.label)
      // A cluster has no text, author or time of its own; its label is in `Cluster`.
      rows.push([
        number,
        board.question,
        label,
        CSV_ROW_KINDS.cluster,
        '',
        '',
        '',
        cluster.dots,
        ...rounds.map((round) => dotsInRound(cluster, round.roundId)),
      ])
      for (const note of cluster.notes) addNote(number, board.question, label, note)
    }
    for (const note of board.unclusteredNotes) addNote(number, board.question, '', note)
  }
  for (const note of model.notesOutsideBoards) addNote('', '', '', note)

  const csv = Papa.unparse(
    { fields: [...CSV_COLUMNS, ...rounds.map(csvRoundColumn)], data: rows },
    { newline: '\r\n', delimiter: ',', quoteChar: '"', escapeFormulae: CSV_FORMULA_PATTERN },
  )
  return '\uFEFF' + csv
}
