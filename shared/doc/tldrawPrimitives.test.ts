import * as tlschema from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { createShapeId, TLDOCUMENT_ID, toRichText } from './tldrawPrimitives.ts'

describe('tldraw primitives restated without the schema', () => {
  it('build the same rich text as tldraw', () => {
    for (const text of ['', 'Idee', 'zwei\nZeilen', 'Leerzeile\n\ndanach', '\n', '  Einrückung  ', 'Ümlaute – “Zeichen”'])
      expect(toRichText(text)).toEqual(tlschema.toRichText(text))
  })

  it('name shapes and the document as tldraw does', () => {
    expect(createShapeId('board-2')).toBe(tlschema.createShapeId('board-2'))
    expect(createShapeId()).toMatch(/^shape:[A-Za-z0-9_-]{10,}$/)
    expect(createShapeId()).not.toBe(createShapeId())
    expect(TLDOCUMENT_ID).toBe(tlschema.TLDOCUMENT_ID)
  })
})
