import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { defaultTemplate } from '../template/defaultTemplate.ts'
import { boardsInOrder, buildNoteRecord, buildSeedRecords, type NoteShape } from '../workshop/workshopRecords.ts'
import { pinnwandSchema } from './tldrawSchema.ts'
import { fromStoredRecord, toStoredRecord } from './storedRecord.ts'

const seed = buildSeedRecords(defaultTemplate)
const board = boardsInOrder(seed)[0]!
const author = { authorId: 'anna-1', authorName: 'Anna' }

function note(text: string, change: (note: NoteShape) => NoteShape = (same) => same): NoteShape {
  return change(buildNoteRecord({ board, author, text, siblings: seed, now: new Date('2026-11-27T10:00:00Z') }))
}

function roundTrip(record: TLRecord): TLRecord {
  return fromStoredRecord(record.id, toStoredRecord(record))
}

function updateBytes(value: unknown): number {
  const doc = new Y.Doc()
  doc.getArray('records').push([{ key: 'shape:x', val: value }])
  return Y.encodeStateAsUpdate(doc).byteLength
}

describe('stored records', () => {
  it('keeps a note as JSON text without its id, type name, usual values and rich-text structure', () => {
    const record = note('Mehr Bänke am Marktplatz')
    const text = toStoredRecord(record)
    expect(typeof text).toBe('string')
    const stored = JSON.parse(text)
    expect(stored).not.toHaveProperty('id')
    expect(stored).not.toHaveProperty('typeName')
    expect(stored).not.toHaveProperty('rotation')
    expect(stored.props).toEqual({ color: record.props.color, richText: 'Mehr Bänke am Marktplatz' })
    expect(stored.meta).toEqual(record.meta)
    expect(updateBytes(text)).toBeLessThan(updateBytes(record) * 0.65)
  })

  it('gives back exactly the record it was given', () => {
    const records: TLRecord[] = [
      ...seed,
      note(''),
      note('Zeile eins\n\nZeile drei\n'),
      note('groß und gedreht', (n) => ({ ...n, rotation: 0.3, isLocked: true, opacity: 0.5, props: { ...n.props, size: 'l', growY: 40, scale: 2, textLastEditedBy: 'user:anna' } })),
      // Formatted text is kept as tldraw's rich text.
      note('', (n) => ({ ...n, props: { ...n.props, richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'fett', marks: [{ type: 'bold' }] }] }] } } })),
      note('', (n) => ({ ...n, props: { ...n.props, richText: { type: 'doc', content: [] } } })),
      note('', (n) => ({ ...n, props: { ...n.props, richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a\nb' }] }] } } })),
    ]
    for (const record of records) expect(roundTrip(record)).toEqual(record)
    // …and records tldraw's validators accept.
    const schema = pinnwandSchema()
    for (const record of records) expect(() => schema.validateRecord(null as never, roundTrip(record), 'tests', null)).not.toThrow()
  })

  it('reads a full record, as documents of layout version 1 hold them, as it is', () => {
    for (const record of [...seed, note('alt')]) expect(fromStoredRecord(record.id, record)).toEqual(record)
  })

  it('reads the compact objects of layout version 2', () => {
    for (const record of [...seed, note('alt')]) expect(fromStoredRecord(record.id, JSON.parse(toStoredRecord(record)))).toEqual(record)
  })

  it('leaves what is no stored record for validation to refuse', () => {
    expect(fromStoredRecord('shape:a', 7)).toBe(7)
    expect(fromStoredRecord('shape:a', null)).toBe(null)
    expect(fromStoredRecord('shape:a', '{"x": kaputt')).toBe('{"x": kaputt')
    expect(fromStoredRecord('shape:a', '[1]')).toEqual([1])
    const { id: _id, ...rest } = note('x')
    expect(fromStoredRecord('shape:a', { ...JSON.parse(toStoredRecord(note('x'))), id: 'shape:b' }).id).toBe('shape:b')
    expect(fromStoredRecord('shape:a', rest).id).toBe('shape:a')
  })
})
