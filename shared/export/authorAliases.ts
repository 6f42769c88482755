import type { WorkshopExport } from './exportSchema.ts'

/** The label anonymised authors get, numbered from 1. */
export const ANONYMISED_AUTHOR_PREFIX = 'Teilnehmer:in'

/**
 * Display names for an export. Anonymised, each author (by id, so two people both called "Anna"
 * stay two people) gets "Teilnehmer:in N", numbered in the order they are first asked for; the
 * export asks in reading order, so numbers follow the first appearance in board order.
 */
export function createAuthorNamer(anonymise: boolean): (author: { authorId: string; authorName: string }) => string {
  if (!anonymise) return (author) => author.authorName
  const numbers = new Map<string, number>()
  return (author) => {
    let number = numbers.get(author.authorId)
    if (number === undefined) {
      number = numbers.size + 1
      numbers.set(author.authorId, number)
    }
    return `${ANONYMISED_AUTHOR_PREFIX} ${number}`
  }
}

/**
 * Each exported note's author as the export names them, by note id: pictures of an anonymised
 * export label notes "Teilnehmer:in N" with the numbers its files use (the model is the one rule;
 * a note the export leaves out, empty or sealed, has no name here).
 */
export function exportedAuthorNames(model: WorkshopExport): Map<string, string> {
  const notes = [
    ...model.boards.flatMap((board) => [...board.clusters.flatMap((cluster) => cluster.notes), ...board.unclusteredNotes]),
    ...model.notesOutsideBoards,
  ]
  return new Map(notes.map((note) => [note.id, note.authorName]))
}
