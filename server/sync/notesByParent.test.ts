import * as Y from 'yjs'
import type { TLShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { getRecordStore, readRecords, writeRecords } from '../../shared/doc/documentLayout.ts'
import { defaultTemplate } from '../../shared/template/defaultTemplate.ts'
import { seedSessionDocument } from '../../shared/workshop/seedSession.ts'
import { boardsInOrder, buildNoteRecord, type NoteShape } from '../../shared/workshop/workshopRecords.ts'
import { NotesByParent } from './notesByParent.ts'

/** A seeded document, its first two boards and an index that sees every change of it. */
function seededDocWithIndex() {
  const doc = new Y.Doc()
  seedSessionDocument(doc, defaultTemplate)
  const store = getRecordStore(doc)
  const index = new NotesByParent(store)
  store.on('change', (changes) => index.apply(changes))
  const [first, second] = boardsInOrder(readRecords(doc))
  return { doc, index, first: first!, second: second! }
}

function noteOn(doc: Y.Doc, boardId: string, text: string): NoteShape {
  const board = boardsInOrder(readRecords(doc)).find((candidate) => candidate.id === boardId)!
  const note = buildNoteRecord({ board, author: { authorId: 'p1', authorName: 'Anna' }, text, siblings: readRecords(doc) })
  writeRecords(doc, { put: [note] })
  return note
}

const ids = (notes: readonly NoteShape[]) => notes.map((note) => note.id).sort()

describe('notes by parent', () => {
  it('holds the notes there were before its first use', () => {
    const { doc, index, first, second } = seededDocWithIndex()
    const a = noteOn(doc, first.id, 'A')
    const b = noteOn(doc, first.id, 'B')
    expect(ids(index.notesIn(first.id))).toEqual(ids([a, b]))
    expect(index.notesIn(second.id)).toEqual([])
  })

  it('follows notes added, moved to another parent, changed and deleted after its first use', () => {
    const { doc, index, first, second } = seededDocWithIndex()
    const a = noteOn(doc, first.id, 'A')
    expect(ids(index.notesIn(first.id))).toEqual([a.id])

    const b = noteOn(doc, first.id, 'B')
    writeRecords(doc, { put: [{ ...a, parentId: second.id as TLShapeId }] })
    expect(ids(index.notesIn(first.id))).toEqual([b.id])
    expect(ids(index.notesIn(second.id))).toEqual([a.id])

    // A change in place is handed out as the store holds it now.
    writeRecords(doc, { put: [{ ...b, x: b.x + 40 }] })
    expect(index.notesIn(first.id).map((note) => note.x)).toEqual([b.x + 40])

    writeRecords(doc, { remove: [a.id] })
    expect(index.notesIn(second.id)).toEqual([])
  })

  it('leaves out records that are not notes', () => {
    const { index, first } = seededDocWithIndex()
    // The seeded document has boards (children of the page) but no notes.
    expect(index.notesIn(first.parentId)).toEqual([])
    expect(index.notesIn(first.id)).toEqual([])
  })
})
