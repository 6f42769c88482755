import { describe, expect, it } from 'vitest'
import { createShapeId } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { readRecords, writeRecords } from '../doc/documentLayout.ts'
import { writeModerationState, type VotingRound } from '../moderation/moderationState.ts'
import { getDotsMap, type Dot } from '../workshop/dots.ts'
import { seedSessionDocument } from '../workshop/seedSession.ts'
import { boardsInOrder, buildNoteRecord, isNote, PAGE_ID } from '../workshop/workshopRecords.ts'
import { richTextToPlain } from '../text/richTextToPlain.ts'
import { buildExport, ExportError, type ExportOptions } from './exportModel.ts'
import { exportJsonSchema, workshopExportSchema, type ExportNote, type WorkshopExport } from './exportSchema.ts'
import {
  buildExportFixture,
  clusterRecord,
  FIXTURE_CLUSTER_IDS,
  FIXTURE_EXPORTED_AT,
  FIXTURE_NOTE_IDS,
  FIXTURE_SESSION_ID,
  fixtureTemplate,
} from './testing/exportFixture.ts'
import { buildSameNamedClustersFixture, SAME_NAMED_CLUSTER_IDS } from './testing/sameNamedClustersFixture.ts'

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
      // Reading order: the later note is pinned left of the earlier one.
      ['Verwaltung & Politik', [FIXTURE_NOTE_IDS.zitat, FIXTURE_NOTE_IDS.buergerhaushalt]],
      ['Vereine 🎉', [FIXTURE_NOTE_IDS.vereine]],
      ['', []],
    ])
    expect(first!.unclusteredNotes.map((note) => note.id)).toEqual([
      FIXTURE_NOTE_IDS.leer,
      FIXTURE_NOTE_IDS.leerzeichen,
      FIXTURE_NOTE_IDS.markdown,
      FIXTURE_NOTE_IDS.formel, // in the second row
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
      dotsByRound: { r1: 1, r2: 3 },
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
      [FIXTURE_NOTE_IDS.zitat, 'Teilnehmer:in 1'], // Jürgen
      [FIXTURE_NOTE_IDS.buergerhaushalt, 'Teilnehmer:in 2'], // Anna
      [FIXTURE_NOTE_IDS.vereine, 'Teilnehmer:in 3'], // first "anonym"
      [FIXTURE_NOTE_IDS.leer, 'Teilnehmer:in 2'],
      [FIXTURE_NOTE_IDS.leerzeichen, 'Teilnehmer:in 4'], // second "anonym", a different person
      [FIXTURE_NOTE_IDS.markdown, 'Teilnehmer:in 4'],
      [FIXTURE_NOTE_IDS.formel, 'Teilnehmer:in 1'],
      [FIXTURE_NOTE_IDS.schule, 'Teilnehmer:in 2'],
      [FIXTURE_NOTE_IDS.schulen, 'Teilnehmer:in 3'],
      [FIXTURE_NOTE_IDS.umlaute, 'Teilnehmer:in 1'],
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

  it('ranks a sealed note by its dots, marked sealed and without a label, as the phone ranks it', () => {
    const doc = buildExportFixture()
    const board = boardsInOrder(readRecords(doc))[2]!
    const sealedNote = (id: string, createdAt: string) => {
      const placeholder = buildNoteRecord({
        board,
        author: { authorId: 'u-paul', authorName: 'Paul' },
        text: '',
        siblings: [],
        now: new Date(createdAt),
        id: createShapeId(id),
      })
      return { ...placeholder, meta: { ...placeholder.meta, sealed: true } }
    }
    writeRecords(doc, { put: [sealedNote('n-sealed-late', '2026-11-26T11:30:00Z'), sealedNote('n-sealed-early', '2026-11-26T11:00:00Z')] })
    doc.transact(() => {
      const dots: Array<[string, string, string]> = [
        ['shape:n-sealed-late', 'u-lena', 'r2'],
        ['shape:n-sealed-late', 'u-ben', 'r2'],
        ['shape:n-sealed-early', 'u-lena', 'r2'],
        ['shape:n-sealed-early', 'u-ben', 'r2'],
        ['shape:n-sealed-early', 'u-ben', 'r1'],
      ]
      dots.forEach(([targetId, voterId, roundId], position) =>
        getDotsMap(doc).set(`sealed-${position}`, { targetId, voterId, roundId, createdAt: `2026-11-26T10:4${position}:00.000Z` } satisfies Dot),
      )
    })
    // Not empty, only unknown: ranked also when empty notes are left out.
    for (const includeEmpty of [true, false]) {
      const model = exportFixture({ includeEmpty }, doc)
      expect(workshopExportSchema.parse(model)).toEqual(model)
      expect(model.sealedNotes).toBe(2)
      expect(allNotes(model).map((note) => note.id)).not.toContain('shape:n-sealed-early')
      const { ranking, rankingByRound } = model.boards[2]!
      // Ties in order of creation, as for any note.
      expect(ranking.filter((entry) => entry.id.startsWith('shape:n-sealed'))).toEqual([
        { place: expect.any(Number), kind: 'note', id: 'shape:n-sealed-early', label: '', dots: 2, sealed: true },
        { place: expect.any(Number), kind: 'note', id: 'shape:n-sealed-late', label: '', dots: 2, sealed: true },
      ])
      expect(rankingByRound!['r1']!.find((entry) => entry.id === 'shape:n-sealed-early')).toMatchObject({ dots: 1, sealed: true })
      // Open notes carry no `sealed` key at all (the JSON of exports without sealed notes is unchanged).
      expect(model.boards.flatMap((item) => item.ranking).filter((entry) => 'sealed' in entry)).toHaveLength(2)
    }
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

describe('buildExport with several voting rounds', () => {
  const N = FIXTURE_NOTE_IDS
  const C = FIXTURE_CLUSTER_IDS
  const running = (roundId: string): VotingRound => ({
    roundId,
    dotsPerParticipant: 3,
    maxPerTarget: 1,
    hideResults: true,
    status: 'running',
    startedAt: Date.parse('2026-11-26T11:00:00Z'),
    endedAt: null,
  })
  const addDots = (doc: Y.Doc, dots: ReadonlyArray<readonly [targetId: string, roundId: string, createdAt: string]>) =>
    doc.transact(() =>
      dots.forEach(([targetId, roundId, createdAt], position) => {
        const dot: Dot = { voterId: `u-extra-${position}`, targetId, roundId, createdAt }
        getDotsMap(doc).set(`extra-${roundId}-${position}`, dot)
      }),
    )

  it('lists both rounds of the fixture in order, numbered, with their dots and voters', () => {
    const model = exportFixture()
    expect(model.rounds).toEqual([
      {
        number: 1,
        roundId: 'r1',
        current: false,
        status: 'ended',
        startedAt: null,
        endedAt: null,
        settings: null, // not stored: starting r2 replaced them
        dotsCast: 4,
        voters: 3,
        firstDotAt: '2026-11-26T09:40:00.000Z',
        lastDotAt: '2026-11-26T09:43:00.000Z',
      },
      {
        number: 2,
        roundId: 'r2',
        current: true,
        status: 'ended',
        startedAt: '2026-11-26T10:00:00.000Z',
        endedAt: '2026-11-26T10:30:00.000Z',
        settings: { dotsPerParticipant: 5, maxPerTarget: null, hideResults: false },
        dotsCast: 13,
        voters: 4,
        firstDotAt: '2026-11-26T10:00:00.000Z',
        lastDotAt: '2026-11-26T10:12:00.000Z',
      },
    ])
    expect(workshopExportSchema.parse(model)).toEqual(model)
  })

  it('counts no dot whose note or cluster was removed, and counts it again once it is back', () => {
    const doc = buildExportFixture()
    const removed = readRecords(doc).filter((record) => record.id === N.buergerhaushalt || record.id === C.unbenannt)
    writeRecords(doc, { remove: removed.map((record) => record.id) })
    const model = exportFixture({}, doc)
    // r1 loses the Bürgerhaushalt dot of u-anon-2 (its only one there), r2 the note's three and the cluster's one.
    expect(model.rounds!.map((round) => [round.roundId, round.dotsCast, round.voters])).toEqual([
      ['r1', 3, 2],
      ['r2', 9, 4],
    ])
    expect(model.boards[0]!.ranking.map((entry) => [entry.place, entry.id, entry.dots])).toEqual([
      [1, C.vereine, 3],
      [2, N.zitat, 1],
      [2, N.leer, 1],
    ])
    expect(model.boards[0]!.rankingByRound!.r1!.map((entry) => entry.id)).toEqual([N.formel])
    expect(workshopExportSchema.safeParse(model).success).toBe(true)

    writeRecords(doc, { put: removed })
    expect(exportFixture({}, doc)).toEqual(exportFixture())
  })

  it('counts a voter’s dots beyond the round’s budget nowhere (a note that came back brought them over it)', () => {
    const doc = buildExportFixture()
    // Anna has three dots in r2 (budget 5); three more bring her to six: the one placed last is beyond.
    doc.transact(() =>
      ['10:20', '10:21', '10:22'].forEach((time, position) => {
        const dot: Dot = { voterId: 'u-anna', targetId: N.zitat, roundId: 'r2', createdAt: `2026-11-26T${time}:00.000Z` }
        getDotsMap(doc).set(`anna-more-${position}`, dot)
      }),
    )
    const model = exportFixture({}, doc)
    expect(allNotes(model).find((note) => note.id === N.zitat)).toMatchObject({ dots: 3, dotsByRound: { r2: 3 } })
    expect(model.rounds!.find((round) => round.roundId === 'r2')).toMatchObject({ dotsCast: 15, voters: 4, lastDotAt: '2026-11-26T10:21:00.000Z' })
    expect(model.boards[0]!.ranking.find((entry) => entry.id === N.zitat)).toMatchObject({ place: 1, dots: 3 })
  })

  it('gives every note and cluster its dots per round, and every board its ranking per round', () => {
    const model = exportFixture()
    const notes = new Map(allNotes(model).map((note) => [note.id, note]))
    // `dots` keeps meaning the current round; the earlier round is beside it.
    expect(notes.get(N.formel)).toMatchObject({ dots: 0, dotsByRound: { r1: 2 } })
    expect(notes.get(N.buergerhaushalt)).toMatchObject({ dots: 3, dotsByRound: { r1: 1, r2: 3 } })
    expect(notes.get(N.markdown)!.dotsByRound).toEqual({})
    expect(model.boards[0]!.clusters.map((cluster) => cluster.dotsByRound)).toEqual([{}, { r2: 3 }, { r2: 1 }])

    const [first, second, third] = model.boards
    expect(Object.keys(first!.rankingByRound!)).toEqual(['r1', 'r2'])
    expect(first!.rankingByRound!.r1).toEqual([
      { place: 1, kind: 'note', id: N.formel, label: '=SUMME(A1:A3) ist keine Formel', dots: 2 },
      { place: 2, kind: 'note', id: N.buergerhaushalt, label: 'Mehr Bürgerhaushalt, „sofort“!', dots: 1 },
    ])
    expect(first!.rankingByRound!.r2).toEqual(first!.ranking)
    expect(second!.rankingByRound!.r1!.map((entry) => [entry.place, entry.id, entry.dots])).toEqual([[1, N.schulen, 1]])
    expect(third!.rankingByRound).toEqual({ r1: [], r2: [] })
  })

  it('orders earlier rounds by their first dot, not by id, and puts the current round last', () => {
    const doc = buildExportFixture()
    addDots(doc, [
      [N.umlaute, 'zz-first', '2026-11-26T08:30:00.000Z'],
      [N.umlaute, 'aa-third', '2026-11-26T09:50:00.000Z'],
      [N.zitat, 'aa-third', '2026-11-26T09:55:00.000Z'],
      // A later dot of the first round does not move it.
      [N.zitat, 'zz-first', '2026-11-26T09:59:00.000Z'],
    ])
    const rounds = exportFixture({}, doc).rounds!
    expect(rounds.map((round) => [round.number, round.roundId, round.dotsCast])).toEqual([
      [1, 'zz-first', 2],
      [2, 'r1', 4],
      [3, 'aa-third', 2],
      [4, 'r2', 13],
    ])
    expect(rounds.map((round) => round.current)).toEqual([false, false, false, true])
  })

  it('lists a running round that has no dots yet, with its settings, after the earlier ones', () => {
    const doc = buildExportFixture()
    writeModerationState(doc, { phase: 'vote', voting: running('r3') })
    const model = exportFixture({}, doc)
    expect(model.voting).toEqual({ roundId: 'r3', status: 'running' })
    expect(model.rounds!.map((round) => [round.number, round.roundId, round.current, round.status, round.dotsCast])).toEqual([
      [1, 'r1', false, 'ended', 4],
      [2, 'r2', false, 'ended', 13],
      [3, 'r3', true, 'running', 0],
    ])
    // r2 was replaced without the state keeping it (a session from before `earlierRounds`): known from its dots only.
    expect(model.rounds![1]).toMatchObject({ startedAt: null, endedAt: null, settings: null })
    expect(model.rounds![2]).toEqual({
      number: 3,
      roundId: 'r3',
      current: true,
      status: 'running',
      startedAt: '2026-11-26T11:00:00.000Z',
      endedAt: null,
      settings: { dotsPerParticipant: 3, maxPerTarget: 1, hideResults: true },
      dotsCast: 0,
      voters: 0,
      firstDotAt: null,
      lastDotAt: null,
    })
    // The counted figures are the new round's: nothing yet. The earlier rounds stay readable.
    expect(allNotes(model).every((note) => note.dots === 0)).toBe(true)
    expect(model.boards[0]!.ranking).toEqual([])
    expect(model.boards[0]!.rankingByRound!.r3).toEqual([])
    expect(model.boards[0]!.rankingByRound!.r2!.length).toBe(5)
    expect(allNotes(model).find((note) => note.id === N.buergerhaushalt)!.dotsByRound).toEqual({ r1: 1, r2: 3 })
    expect(workshopExportSchema.safeParse(model).success).toBe(true)
  })

  it('lists the rounds the moderation state kept with their times and settings, also when their dots are gone', () => {
    const doc = buildExportFixture()
    const r2: VotingRound = { ...running('r2'), status: 'ended', startedAt: Date.parse('2026-11-26T10:00:00Z'), endedAt: Date.parse('2026-11-26T10:30:00Z') }
    const r3: VotingRound = { ...running('r3'), dotsPerParticipant: 2, maxPerTarget: null, hideResults: false, startedAt: Date.parse('2026-11-26T10:40:00Z'), status: 'ended', endedAt: Date.parse('2026-11-26T10:50:00Z') }
    writeModerationState(doc, { voting: running('r4'), earlierRounds: [r2, r3] })
    // Every dot of r2 taken back: the round is still there, with its number.
    const dotsMap = getDotsMap(doc)
    for (const [key, dot] of [...dotsMap.entries()]) if ((dot as Dot).roundId === 'r2') dotsMap.delete(key)
    const model = exportFixture({}, doc)
    expect(model.rounds!.map((round) => [round.number, round.roundId, round.current, round.status, round.dotsCast])).toEqual([
      [1, 'r1', false, 'ended', 4], // known from its dots only
      [2, 'r2', false, 'ended', 0],
      [3, 'r3', false, 'ended', 0],
      [4, 'r4', true, 'running', 0],
    ])
    expect(model.rounds![0]).toMatchObject({ startedAt: null, endedAt: null, settings: null })
    expect(model.rounds![1]).toMatchObject({
      startedAt: '2026-11-26T10:00:00.000Z',
      endedAt: '2026-11-26T10:30:00.000Z',
      settings: { dotsPerParticipant: 3, maxPerTarget: 1, hideResults: true },
    })
    expect(model.rounds![2]).toMatchObject({ startedAt: '2026-11-26T10:40:00.000Z', settings: { dotsPerParticipant: 2, maxPerTarget: null, hideResults: false } })
    expect(workshopExportSchema.safeParse(model).success).toBe(true)
  })

  it('a first round running without dots is one round: the export keeps its one-round shape', () => {
    const doc = buildExportFixture({ earlierRound: false })
    getDotsMap(doc).clear()
    writeModerationState(doc, { voting: running('r1') })
    const model = exportFixture({}, doc)
    expect(model).not.toHaveProperty('rounds')
    expect(model.boards[0]).not.toHaveProperty('rankingByRound')
  })

  it('keeps the one-round shape with one round: no rounds, no per-round figures', () => {
    const model = exportFixture({}, buildExportFixture({ earlierRound: false }))
    expect(model).not.toHaveProperty('rounds')
    for (const note of allNotes(model)) expect(note).not.toHaveProperty('dotsByRound')
    for (const board of model.boards) {
      expect(board).not.toHaveProperty('rankingByRound')
      for (const cluster of board.clusters) expect(cluster).not.toHaveProperty('dotsByRound')
    }
  })

  it('counts dots of a round no moderation state names as today: all of them, in one figure', () => {
    const doc = buildExportFixture({ earlierRound: false })
    getDotsMap(doc).clear()
    writeModerationState(doc, { voting: null })
    addDots(doc, [
      [N.umlaute, 'unknown', '2026-11-26T10:00:00.000Z'],
      [N.umlaute, 'unknown', '2026-11-26T10:01:00.000Z'],
      [C.vereine, 'unknown', '2026-11-26T10:02:00.000Z'],
    ])
    const model = exportFixture({}, doc)
    expect(model.voting).toBeNull()
    expect(model).not.toHaveProperty('rounds')
    expect(allNotes(model).find((note) => note.id === N.umlaute)!.dots).toBe(2)
    expect(model.boards[0]!.clusters[1]!.dots).toBe(1)
    expect(model.boards[1]!.ranking.map((entry) => [entry.id, entry.dots])).toEqual([[N.umlaute, 2]])
  })

  it('without a moderation state but with several rounds in the dots, counts all and lists each round', () => {
    const doc = buildExportFixture()
    writeModerationState(doc, { voting: null })
    const model = exportFixture({}, doc)
    expect(allNotes(model).find((note) => note.id === N.buergerhaushalt)).toMatchObject({ dots: 4, dotsByRound: { r1: 1, r2: 3 } })
    expect(model.rounds!.map((round) => [round.number, round.roundId, round.current, round.status, round.settings])).toEqual([
      [1, 'r1', false, 'ended', null],
      [2, 'r2', false, 'ended', null],
    ])
  })

  it('leaves empty notes out of the rankings of every round when asked to', () => {
    const model = exportFixture({ includeEmpty: false })
    for (const ranking of Object.values(model.boards[0]!.rankingByRound!))
      expect(ranking.map((entry) => entry.id)).not.toContain(N.leer)
    expect(model.rounds![1]!.dotsCast).toBe(13) // dots cast are what was cast, whatever is listed
  })
})

describe('buildExport lists notes in reading order', () => {
  /**
   * A board read as a person reads it: notes created in one order and pinned in another, a little
   * higher or lower within their rows. Times are creation times; positions are relative to the
   * note's parent (the cluster's notes to the cluster, loose notes to the board, the others to the page).
   */
  function scrambledBoard(): Y.Doc {
    const doc = new Y.Doc()
    seedSessionDocument(doc, fixtureTemplate, new Date('2026-11-26T08:00:00Z'))
    const board = boardsInOrder(readRecords(doc))[0]!
    const cluster = clusterRecord(createShapeId('c-cluster'), board, 'Verkehr', 'a5', 32, 180)
    const author = { authorId: 'u-anna', authorName: 'Anna' }
    const placed = (name: string, minute: number, parentId: string, x: number, y: number) => {
      const note = buildNoteRecord({ board, author, text: name, siblings: [], now: new Date(`2026-11-26T09:${String(minute).padStart(2, '0')}:00Z`), id: createShapeId(name) })
      return { ...note, parentId: parentId as typeof note.parentId, x, y }
    }
    writeRecords(doc, {
      put: [
        cluster,
        placed('c1', 0, cluster.id, 248, 60), // first row, right
        placed('c2', 1, cluster.id, 16, 280), // second row, left
        placed('c3', 2, cluster.id, 16, 70), // first row, left, 10 px lower than c1
        placed('c4', 3, cluster.id, 248, 300), // second row, right
        placed('l1', 4, board.id, 764, 420),
        placed('l2', 5, board.id, 540, 430),
        placed('l3', 6, board.id, 764, 190),
        placed('l4', 7, board.id, 540, 180),
        placed('o1', 8, PAGE_ID, -600, 300),
        placed('o2', 9, PAGE_ID, -600, 0),
      ],
    })
    return doc
  }
  const names = (notes: readonly ExportNote[]) => notes.map((note) => note.text)
  const placeDots = (doc: Y.Doc, dots: ReadonlyArray<readonly [targetId: string, voterId: string, createdAt: string]>) =>
    doc.transact(() =>
      dots.forEach(([targetId, voterId, createdAt], position) => {
        const dot: Dot = { voterId, targetId, roundId: 'r1', createdAt }
        getDotsMap(doc).set(`dot-${position}`, dot)
      }),
    )

  it('in a cluster, loose on the board and off every board: rows top to bottom, left to right', () => {
    const model = exportFixture({}, scrambledBoard())
    const board = model.boards[0]!
    expect(names(board.clusters[0]!.notes)).toEqual(['c3', 'c1', 'c2', 'c4'])
    expect(names(board.unclusteredNotes)).toEqual(['l4', 'l3', 'l2', 'l1'])
    expect(names(model.notesOutsideBoards)).toEqual(['o2', 'o1'])
  })

  it('numbers anonymised authors in that order', () => {
    const doc = scrambledBoard()
    const notes = readRecords(doc).filter(isNote)
    writeRecords(doc, { put: notes.map((note) => ({ ...note, meta: { ...note.meta, authorId: `u-${richTextToPlain(note.props.richText)}` } })) })
    const cluster = exportFixture({ anonymise: true }, doc).boards[0]!.clusters[0]!
    expect(cluster.notes.map((note) => [note.text, note.authorName])).toEqual([
      ['c3', 'Teilnehmer:in 1'],
      ['c1', 'Teilnehmer:in 2'],
      ['c2', 'Teilnehmer:in 3'],
      ['c4', 'Teilnehmer:in 4'],
    ])
  })

  it('keeps the ranking by dots, ties by creation: a cluster dates from its oldest note, not its first listed', () => {
    const doc = scrambledBoard()
    placeDots(doc, [
      [createShapeId('c2'), 'u-ben', '2026-11-26T10:00:00.000Z'],
      [createShapeId('c-cluster'), 'u-ben', '2026-11-26T10:01:00.000Z'],
      [createShapeId('l4'), 'u-ben', '2026-11-26T10:02:00.000Z'],
      [createShapeId('l4'), 'u-cem', '2026-11-26T10:03:00.000Z'],
    ])
    const ranking = exportFixture({}, doc).boards[0]!.ranking
    // The cluster's oldest note c1 (09:00) is older than c2 (09:01), though c3 (09:02) is listed first.
    expect(ranking.map((entry) => [entry.place, entry.label])).toEqual([
      [1, 'l4'],
      [2, 'Verkehr'],
      [2, 'c2'],
    ])
  })
})

describe('buildExport tells clusters of the same name apart', () => {
  const C = SAME_NAMED_CLUSTER_IDS

  it('labels each cluster uniquely on its board, numbered by position, and keeps each its own notes', () => {
    const board = exportFixture({}, buildSameNamedClustersFixture()).boards[0]!
    expect(board.clusters.map((cluster) => [cluster.id, cluster.label, cluster.name, cluster.notes.map((note) => note.text)])).toEqual([
      // Listed as the board reads, first row: the left "Verkehr", then the right one (made first;
      // "Verkehr (2)" is taken by a cluster of that name), then "verkehr ".
      [C.verkehrLeft, 'Verkehr', undefined, ['Radweg Hauptstraße']],
      [C.verkehrRight, 'Verkehr (3)', 'Verkehr', ['Tempo 30 vor Schulen']],
      [C.verkehrFar, 'verkehr (4)', 'verkehr ', ['Parken im Zentrum']],
      [C.verkehr2, 'Verkehr (2)', undefined, ['Busse am Sonntag']],
      [C.unnamedLeft, '', undefined, ['Bänke']],
      [C.unnamedRight, '(ohne Titel) (2)', '  ', ['Trinkbrunnen']],
    ])
    expect(board.ranking).toEqual([{ place: 1, kind: 'cluster', id: C.verkehrRight, label: 'Verkehr (3)', dots: 1 }])
  })

  it('leaves the label of a cluster whose name is its own, and the JSON without `name`', () => {
    for (const cluster of exportFixture().boards.flatMap((board) => board.clusters)) expect(cluster).not.toHaveProperty('name')
    const model = exportFixture({}, buildSameNamedClustersFixture())
    expect(workshopExportSchema.parse(model)).toEqual(model)
  })
})
