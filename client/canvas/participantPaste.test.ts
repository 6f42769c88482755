import type { TLContent } from 'tldraw'
import { toRichText } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { defaultTemplate } from '../../shared/template/defaultTemplate.ts'
import { buildNoteRecord, buildSeedRecords, boardsInOrder } from '../../shared/workshop/workshopRecords.ts'
import { textsOfCopiedShapes } from './participantPaste.ts'

const seed = buildSeedRecords(defaultTemplate)
const board = boardsInOrder(seed)[0]!
const header = seed.find((record) => record.typeName === 'shape' && (record.meta as { kind?: string }).kind === 'boardHeader')!
const note = (text: string) => buildNoteRecord({ board, author: { authorId: 'p-moni', authorName: 'Moni' }, text, siblings: [] })

function content(shapes: unknown[]): TLContent {
  return { shapes, rootShapeIds: [], bindings: [], assets: [], schema: {} } as unknown as TLContent
}

describe('textsOfCopiedShapes', () => {
  it('takes every note’s and text shape’s text, skips empty ones, and counts what has none', () => {
    const text = { ...note('x'), type: 'text', props: { richText: toRichText('Ein Textfeld') } }
    const drawing = { ...note('x'), type: 'draw', props: {} }
    const empty = note('')
    expect(textsOfCopiedShapes(content([note('Radwege'), text, drawing, empty, note('Busse')]))).toEqual({ texts: ['Radwege', 'Ein Textfeld', 'Busse'], leftOut: 2 })
  })

  it('counts a copied board as one shape left out and posts its notes, not its header', () => {
    expect(textsOfCopiedShapes(content([board, header, note('Auf der Pinnwand')]))).toEqual({ texts: ['Auf der Pinnwand'], leftOut: 1 })
  })
})
