import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecords, readSessionMeta } from '../doc/documentLayout.ts'
import { pinnwandSchema } from '../doc/tldrawSchema.ts'
import { defaultTemplate } from '../template/defaultTemplate.ts'
import { seedSessionDocument } from './seedSession.ts'
import { boardsInOrder, buildNoteRecord, isNote } from './workshopRecords.ts'
import { authorNoteColor } from './authorColor.ts'

function seededDoc() {
  const doc = new Y.Doc()
  seedSessionDocument(doc, defaultTemplate, new Date('2026-11-25T10:00:00Z'))
  return doc
}

describe('seedSessionDocument', () => {
  it('creates one board per question, in order, headed by the exact question text', () => {
    const doc = seededDoc()
    const records = readRecords(doc)
    const boards = boardsInOrder(records)
    expect(boards.map((board) => board.meta.questionIndex)).toEqual([0, 1, 2, 3, 4])
    boards.forEach((board, index) => {
      const question = defaultTemplate.questions[index]!
      expect(board.props.name).toBe(`${index + 1}. ${question}`)
      const header = records.find((r) => r.typeName === 'shape' && r.parentId === board.id && r.type === 'text')
      expect(JSON.stringify(header && 'props' in header ? header.props : null)).toContain(question)
    })
  })

  it('writes only records that tldraw’s schema accepts', () => {
    for (const record of readRecords(seededDoc())) {
      expect(() => pinnwandSchema().validateRecord(null as never, record, 'initialize', null)).not.toThrow()
    }
  })

  it('stores template, tldraw schema and creation time in meta', () => {
    const meta = readSessionMeta(seededDoc())
    expect(meta?.template).toEqual(defaultTemplate)
    expect(meta?.schema).toEqual(pinnwandSchema().serialize())
    expect(meta?.createdAt).toBe('2026-11-25T10:00:00.000Z')
  })

  it('lays boards out without overlap', () => {
    const boards = boardsInOrder(readRecords(seededDoc()))
    for (const a of boards)
      for (const b of boards) {
        if (a === b) continue
        const apart = a.x + a.props.w <= b.x || b.x + b.props.w <= a.x || a.y + a.props.h <= b.y || b.y + b.props.h <= a.y
        expect(apart).toBe(true)
      }
  })
})

describe('buildNoteRecord', () => {
  it('places a valid note on its board with author meta and the author’s colour', () => {
    const doc = seededDoc()
    const board = boardsInOrder(readRecords(doc))[1]!
    const author = { authorId: 'u-anna', authorName: 'Anna' }
    const first = buildNoteRecord({ board, author, text: 'Mehr Bürgerhaushalt', siblings: [], now: new Date('2026-11-25T10:05:00Z') })
    const second = buildNoteRecord({ board, author, text: 'Zweite', siblings: [first] })
    expect(isNote(first)).toBe(true)
    expect(first.parentId).toBe(board.id)
    expect(first.meta).toEqual({ kind: 'note', authorId: 'u-anna', authorName: 'Anna', createdAt: '2026-11-25T10:05:00.000Z' })
    expect(first.props.color).toBe(authorNoteColor('u-anna'))
    expect(second.index > first.index).toBe(true)
    expect([second.x, second.y]).not.toEqual([first.x, first.y])
    expect(() => pinnwandSchema().validateRecord(null as never, first, 'initialize', null)).not.toThrow()
  })
})
