import { describe, expect, it } from 'vitest'
import { createShapeId } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { readRecords, writeRecords } from '../doc/documentLayout.ts'
import { writeModerationState } from '../moderation/moderationState.ts'
import { boardsInOrder, buildNoteRecord } from '../workshop/workshopRecords.ts'
import { buildExport, ExportError, type ExportOptions } from './exportModel.ts'
import { exportJsonSchema, workshopExportSchema, type ExportNote, type WorkshopExport } from './exportSchema.ts'
import {
  buildExportFixture,
  FIXTURE_CLUSTER_IDS,
  FIXTURE_EXPORTED_AT,
  FIXTURE_NOTE_IDS,
  FIXTURE_SESSION_ID,
} from './testing/exportFixture.ts'

const baseOptions: ExportOptions = {
  sessionId: FIXTURE_SESSION_ID,
  exportedAt: FIXTURE_EXPORTED_AT,
  anonymise: false,
  includeEmpty: true,
}

function exportFixture(options: Partial<ExportOptions> = {}, doc = buildExportFixture()): WorkshopExport {
  return buildExport(doc, { ...baseOptions, ...options })
}

function allNotes(model: WorkshopExport): ExportNote[] {
  return [
    ...model.boards.flatMap((board) => [...board.clusters.flatMap((cluster) => cluster.notes), ...board.unclusteredNotes]),
    ...model.notesOutsideBoards,
  ]
}

describe('buildExport', () => {
  it('produces a model that validates against the published schema', () => {
    const model = exportFixture()
    expect(workshopExportSchema.parse(model)).toEqual(model)
    expect(model.schemaVersion).toBe(1)
    expect(model.sessionId).toBe(FIXTURE_SESSION_ID)
    expect(model.exportedAt).toBe('2026-11-26T15:30:00.000Z')
  })

  it('orders boards by question and files notes under their clusters, nested clusters flattened', () => {
    const model = exportFixture()
    expect(model.boards.map((board) => board.question)).toEqual([
      'Welche Akteure sollten einbezogen werden, und wie erreichen wir sie?',
      'Welche zivilgesellschaftlichen Initiativen sollten gestärkt werden?',
      'Wo verlaufen die Grenzen zwischen Beteiligung und Koproduktion?',
    ])
    const [first, second, third] = model.boards
    expect(first!.clusters.map((cluster) => [cluster.label, cluster.notes.map((note) => note.id)])).toEqual([
      ['Verwaltung & Politik', [FIXTURE_NOTE_IDS.buergerhaushalt, FIXTURE_NOTE_IDS.zitat]],
      ['Vereine 🎉', [FIXTURE_NOTE_IDS.vereine]],
      ['', []],
    ])
    expect(first!.unclusteredNotes.map((note) => note.id)).toEqual([
      FIXTURE_NOTE_IDS.leer,
      FIXTURE_NOTE_IDS.leerzeichen,
      FIXTURE_NOTE_IDS.formel,
      FIXTURE_NOTE_IDS.markdown,
    ])
    expect(second!.clusters.map((cluster) => [cluster.id, cluster.notes.length])).toEqual([
      [FIXTURE_CLUSTER_IDS.schule, 0],
      [FIXTURE_CLUSTER_IDS.ganztag, 1],
    ])
    expect(third).toMatchObject({ clusters: [], unclusteredNotes: [], ranking: [] })
    expect(model.notesOutsideBoards.map((note) => note.id)).toEqual([FIXTURE_NOTE_IDS.parkplatz])
  })

  it('reads note text from rich text, with nested lists and without surrounding blank lines', () => {
    const notes = new Map(allNotes(exportFixture()).map((note) => [note.id, note]))
    expect(notes.get(FIXTURE_NOTE_IDS.vereine)!.text).toBe(
      '- Sportverein\n- Tafel\n  1. Lebensmittel retten\n  2. Fahrdienst, 2× pro Woche\nWichtig: alle fragen!',
    )
    expect(notes.get(FIXTURE_NOTE_IDS.leerzeichen)!.text).toBe('')
    expect(notes.get(FIXTURE_NOTE_IDS.schulen)!.text).toBe('Kooperation mit Schulen\n\nzweiter Absatz, nach Leerzeile')
    expect(notes.get(FIXTURE_NOTE_IDS.buergerhaushalt)).toEqual({
      id: FIXTURE_NOTE_IDS.buergerhaushalt,
      text: 'Mehr Bürgerhaushalt, „sofort“!',
      authorName: 'Anna Müller',
      createdAt: '2026-11-26T09:05:00.000Z',
      dots: 3,
      color: 'light-blue',
    })
  })

  it('counts only the dots of the current voting round', () => {
    const notes = new Map(allNotes(exportFixture()).map((note) => [note.id, note]))
    expect(notes.get(FIXTURE_NOTE_IDS.formel)!.dots).toBe(0) // its two dots are from round r1
    expect(notes.get(FIXTURE_NOTE_IDS.umlaute)!.dots).toBe(2)
    expect(exportFixture().voting).toEqual({ roundId: 'r2', status: 'ended' })
  })

  it('counts every dot when no voting round was ever started', () => {
    const doc = buildExportFixture()
    writeModerationState(doc, { voting: null })
    const notes = new Map(allNotes(exportFixture({}, doc)).map((note) => [note.id, note]))
    expect(notes.get(FIXTURE_NOTE_IDS.formel)!.dots).toBe(2)
  })

  it('ranks notes and clusters by dots, ties by creation, sharing places', () => {
    const [first, second] = exportFixture().boards
    expect(first!.ranking).toEqual([
      { place: 1, kind: 'note', id: FIXTURE_NOTE_IDS.buergerhaushalt, label: 'Mehr Bürgerhaushalt, „sofort“!', dots: 3 },
      { place: 1, kind: 'cluster', id: FIXTURE_CLUSTER_IDS.vereine, label: 'Vereine 🎉', dots: 3 },
      { place: 3, kind: 'note', id: FIXTURE_NOTE_IDS.zitat, label: 'Er sagte "Beteiligung"\nund dann: nichts 🙈', dots: 1 },
      { place: 3, kind: 'note', id: FIXTURE_NOTE_IDS.leer, label: '', dots: 1 },
      // An empty cluster has no creation time and goes last among its equals.
      { place: 3, kind: 'cluster', id: FIXTURE_CLUSTER_IDS.unbenannt, label: '', dots: 1 },
    ])
    expect(second!.ranking.map((entry) => [entry.place, entry.id])).toEqual([
      [1, FIXTURE_NOTE_IDS.umlaute],
      [1, FIXTURE_NOTE_IDS.schule],
    ])
  })

  it('leaves out blank notes, and their dots in the ranking, unless asked to include them', () => {
    const model = exportFixture({ includeEmpty: false })
    const ids = allNotes(model).map((note) => note.id)
    expect(ids).not.toContain(FIXTURE_NOTE_IDS.leer)
    expect(ids).not.toContain(FIXTURE_NOTE_IDS.leerzeichen)
    expect(ids).toHaveLength(allNotes(exportFixture()).length - 2)
    expect(model.boards[0]!.ranking.map((entry) => entry.id)).not.toContain(FIXTURE_NOTE_IDS.leer)
    expect(model.options).toEqual({ anonymise: false, includeEmpty: false })
    expect(workshopExportSchema.safeParse(model).success).toBe(true)
  })

  it('anonymises authors by id, numbered by first appearance in board order', () => {
    const model = exportFixture({ anonymise: true })
    const names = allNotes(model).map((note) => [note.id, note.authorName])
    expect(names).toEqual([
      [FIXTURE_NOTE_IDS.buergerhaushalt, 'Teilnehmer:in 1'], // Anna
      [FIXTURE_NOTE_IDS.zitat, 'Teilnehmer:in 2'], // Jürgen
      [FIXTURE_NOTE_IDS.vereine, 'Teilnehmer:in 3'], // first "anonym"
      [FIXTURE_NOTE_IDS.leer, 'Teilnehmer:in 1'],
      [FIXTURE_NOTE_IDS.leerzeichen, 'Teilnehmer:in 4'], // second "anonym", a different person
      [FIXTURE_NOTE_IDS.formel, 'Teilnehmer:in 2'],
      [FIXTURE_NOTE_IDS.markdown, 'Teilnehmer:in 4'],
      [FIXTURE_NOTE_IDS.schule, 'Teilnehmer:in 1'],
      [FIXTURE_NOTE_IDS.schulen, 'Teilnehmer:in 3'],
      [FIXTURE_NOTE_IDS.umlaute, 'Teilnehmer:in 2'],
      [FIXTURE_NOTE_IDS.parkplatz, 'Teilnehmer:in 4'],
    ])
    const json = JSON.stringify(model)
    for (const realName of ['Anna', 'Jürgen', 'Öztürk', '"anonym"', 'u-anna']) expect(json).not.toContain(realName)
  })

  it('numbers anonymised authors over the notes that are actually exported', () => {
    const names = allNotes(exportFixture({ anonymise: true, includeEmpty: false })).map((note) => note.authorName)
    // Without the blank notes, the second anonymous author first appears with the Markdown note.
    expect(new Set(names)).toEqual(new Set(['Teilnehmer:in 1', 'Teilnehmer:in 2', 'Teilnehmer:in 3', 'Teilnehmer:in 4']))
  })

  it('reports hidden collection so the protocol can say notes are missing', () => {
    const doc = buildExportFixture()
    writeModerationState(doc, { hiddenMode: true, phase: 'collect' })
    expect(exportFixture({}, doc)).toMatchObject({ notesHidden: true, phase: 'collect', sealedNotes: 0 })
  })

  it('counts sealed placeholders instead of exporting them as empty notes', () => {
    const doc = buildExportFixture()
    writeModerationState(doc, { hiddenMode: true, phase: 'collect' })
    const board = boardsInOrder(readRecords(doc))[2]!
    const placeholder = buildNoteRecord({
      board,
      author: { authorId: 'u-anna', authorName: 'Anna Müller' },
      text: '',
      siblings: [],
      now: new Date('2026-11-26T11:00:00Z'),
      id: createShapeId('n-sealed'),
    })
    writeRecords(doc, { put: [{ ...placeholder, meta: { ...placeholder.meta, sealed: true } }] })
    const model = exportFixture({ includeEmpty: true }, doc)
    expect(model.sealedNotes).toBe(1)
    expect(allNotes(model).map((note) => note.id)).not.toContain('shape:n-sealed')
    expect(model.boards[2]!.unclusteredNotes).toEqual([])
  })

  it('refuses a document that was never seeded', () => {
    expect(() => buildExport(new Y.Doc(), baseOptions)).toThrow(ExportError)
  })

  it('publishes the format as JSON Schema with its descriptions', () => {
    const schema = exportJsonSchema()
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      additionalProperties: false,
      properties: { schemaVersion: { const: 1 } },
    })
    expect(JSON.stringify(schema)).toContain('Teilnehmer:in N')
  })
})
