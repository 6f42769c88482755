import type { Editor, TLNoteShape } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { defaultTemplate } from '../../shared/template/defaultTemplate.ts'
import { authorNoteColor } from '../../shared/workshop/authorColor.ts'
import { boardsInOrder, buildNoteRecord, buildSeedRecords } from '../../shared/workshop/workshopRecords.ts'
import { asDuplicatorsNote, registerDuplicatedNotes } from './duplicatedNotes.ts'

const board = boardsInOrder(buildSeedRecords(defaultTemplate))[0]!
const annas = buildNoteRecord({ board, author: { authorId: 'u-anna', authorName: 'Anna' }, text: 'Radwege', siblings: [], now: new Date('2026-11-26T09:00:00Z') })
/** tldraw's copy: everything of the original under a new id. */
const copy = { ...annas, id: 'shape:copy', x: annas.x + 16 } as unknown as TLNoteShape
/** Only a key for the per-editor registration; nothing of it is used. */
const editorKey = () => ({}) as Editor

describe('a duplicated note', () => {
  it('is the duplicating person’s new note: her name, her colour, made now; text and place as tldraw copied them', () => {
    const editor = editorKey()
    registerDuplicatedNotes(editor, () => ({ authorId: 'u-moni', authorName: 'Moni' }))
    const before = Date.now()
    const made = asDuplicatorsNote(editor, copy)
    expect(made.meta).toMatchObject({ kind: 'note', authorId: 'u-moni', authorName: 'Moni' })
    expect(Date.parse(made.meta.createdAt as string)).toBeGreaterThanOrEqual(before)
    expect(made.props).toEqual({ ...copy.props, color: authorNoteColor('u-moni') })
    expect(made).toMatchObject({ id: copy.id, x: copy.x, y: copy.y, parentId: copy.parentId })
  })

  it('is left as tldraw made it where nobody writes (the Beamer), or where no editor registered', () => {
    const beamer = editorKey()
    registerDuplicatedNotes(beamer, () => null)
    expect(asDuplicatorsNote(beamer, copy)).toBe(copy)
    expect(asDuplicatorsNote(editorKey(), copy)).toBe(copy)
  })

  it('is left alone when it is no Pinnwand note (no author to replace)', () => {
    const editor = editorKey()
    registerDuplicatedNotes(editor, () => ({ authorId: 'u-moni', authorName: 'Moni' }))
    const plain = { ...copy, meta: {} }
    expect(asDuplicatorsNote(editor, plain)).toBe(plain)
  })
})
