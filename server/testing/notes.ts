import type * as Y from 'yjs'
import { readRecords, writeRecords } from '../../shared/doc/documentLayout.ts'
import { boardsInOrder, buildNoteRecord, type NoteShape } from '../../shared/workshop/workshopRecords.ts'

/** Writes a note on board `boardIndex` into `doc` the way the client does (shared builder, one transaction). */
export function addNote(doc: Y.Doc, author: { authorId: string; authorName: string }, text: string, boardIndex = 1): NoteShape {
  const records = readRecords(doc)
  const board = boardsInOrder(records)[boardIndex]
  if (!board) throw new Error(`no board ${boardIndex} in the document (not synced yet?)`)
  const note = buildNoteRecord({ board, author, text, siblings: records })
  writeRecords(doc, { put: [note] })
  return note
}
