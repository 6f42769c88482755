import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecords, writeRecords } from '../../shared/doc/documentLayout.ts'
import { defaultTemplate } from '../../shared/template/defaultTemplate.ts'
import { seedSessionDocument } from '../../shared/workshop/seedSession.ts'
import { boardsInOrder, buildNoteRecord, type NoteShape } from '../../shared/workshop/workshopRecords.ts'
import { noteTextsOf, textsNotIn } from './notesNotTaken.ts'

const anna = { authorId: 'p-anna', authorName: 'Anna' }
const ben = { authorId: 'p-ben', authorName: 'Ben' }

function note(doc: Y.Doc, author: typeof anna, text: string): NoteShape {
  const board = boardsInOrder(readRecords(doc))[0]!
  const created = buildNoteRecord({ board, author, text, siblings: readRecords(doc) })
  writeRecords(doc, { put: [created] })
  return created
}

it('finds the texts of a person’s notes that the server’s document lacks or holds otherwise', () => {
  const server = new Y.Doc()
  seedSessionDocument(server, defaultTemplate)
  const taken = note(server, anna, 'schon angekommen')
  const edited = note(server, anna, 'alte Fassung')
  const device = new Y.Doc()
  Y.applyUpdate(device, Y.encodeStateAsUpdate(server))
  // Offline on the device: a new note, an edit, an empty note and a note of someone else.
  note(device, anna, 'offline geschrieben')
  writeRecords(device, { put: [{ ...edited, props: { ...edited.props, richText: buildNoteRecord({ board: boardsInOrder(readRecords(device))[0]!, author: anna, text: 'neue Fassung', siblings: [] }).props.richText } }] })
  note(device, anna, '   ')
  note(device, ben, 'Bens Karte')

  const kept = noteTextsOf(device, anna.authorId)
  expect([...kept.values()].sort()).toEqual(['neue Fassung', 'offline geschrieben', 'schon angekommen'])
  expect(textsNotIn(server, kept).sort()).toEqual(['neue Fassung', 'offline geschrieben'])
  expect(kept.has(taken.id)).toBe(true)
  // Once the server has everything, nothing is missing.
  Y.applyUpdate(server, Y.encodeStateAsUpdate(device))
  expect(textsNotIn(server, kept)).toEqual([])
})
