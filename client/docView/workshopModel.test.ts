import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecords, writeRecords } from '../../shared/doc/documentLayout.ts'
import { buildExport } from '../../shared/export/exportModel.ts'
import { buildExportFixture, FIXTURE_CLUSTER_IDS, FIXTURE_NOTE_IDS, fixtureTemplate } from '../../shared/export/testing/exportFixture.ts'
import { buildSameNamedClustersFixture } from '../../shared/export/testing/sameNamedClustersFixture.ts'
import { writeModerationState } from '../../shared/moderation/moderationState.ts'
import { defaultTemplate } from '../../shared/template/defaultTemplate.ts'
import { seedSessionDocument } from '../../shared/workshop/seedSession.ts'
import { boardsInOrder, buildNoteRecord } from '../../shared/workshop/workshopRecords.ts'
import { clusterTitle } from './clusterTitle.ts'
import { allNotes, deriveWorkshopView, newNotesByOthers, rankingOfBoard, readWorkshopInput, type Viewer } from './workshopModel.ts'

const anna: Viewer = { role: 'participant', participantId: 'u-anna' }
const N = FIXTURE_NOTE_IDS
const C = FIXTURE_CLUSTER_IDS

describe('deriveWorkshopView', () => {
  const doc = buildExportFixture()
  const view = deriveWorkshopView(readWorkshopInput(doc), anna)

  it('lists every question with its full text, in order', () => {
    expect(view.boards.map((board) => board.question)).toEqual(fixtureTemplate.questions)
    expect(view.boards.map((board) => board.questionIndex)).toEqual([0, 1, 2])
  })

  it('puts notes into their nearest cluster, flattens nested clusters onto the board, and leaves out notes off every board', () => {
    const [first, second] = view.boards
    expect(first!.clusters.map((cluster) => cluster.id)).toEqual([C.verwaltung, C.vereine, C.unbenannt])
    // In reading order, as the export: Jürgen's later note is pinned left of Anna's.
    expect(first!.clusters[0]!.notes.map((note) => note.id)).toEqual([N.zitat, N.buergerhaushalt])
    expect(second!.clusters.map((cluster) => cluster.label)).toEqual(['Schule | Kita', 'Ganztag'])
    expect(second!.clusters[1]!.notes.map((note) => note.text)).toEqual(['Offene Ganztagsschule einbinden'])
    expect(allNotes(view).map((note) => note.id)).not.toContain(N.parkplatz)
  })

  it('agrees with the export on which note is in which cluster', () => {
    const exported = buildExport(doc, { sessionId: 's', exportedAt: new Date(0), anonymise: false, includeEmpty: true })
    view.boards.forEach((board, position) => {
      const exportedBoard = exported.boards[position]!
      expect(board.clusters.map((cluster) => [cluster.id, cluster.notes.map((note) => note.id)])).toEqual(
        exportedBoard.clusters.map((cluster) => [cluster.id, cluster.notes.map((note) => note.id)]),
      )
      expect(board.notes.map((note) => note.id)).toEqual(exportedBoard.unclusteredNotes.map((note) => note.id))
    })
  })

  it('names clusters as the export labels them: unique on the board, "Verkehr (2)" for the second of a name', () => {
    const sameNamed = buildSameNamedClustersFixture()
    const exported = buildExport(sameNamed, { sessionId: 's', exportedAt: new Date(0), anonymise: false, includeEmpty: true })
    const board = deriveWorkshopView(readWorkshopInput(sameNamed), anna).boards[0]!
    expect(board.clusters.map((cluster) => [cluster.id, cluster.label])).toEqual(exported.boards[0]!.clusters.map((cluster) => [cluster.id, cluster.label]))
    expect(board.clusters.map((cluster) => clusterTitle(cluster, '(untitled)'))).toEqual([
      'Verkehr',
      'Verkehr (3)',
      'verkehr (4)',
      'Verkehr (2)',
      '(untitled)',
      '(untitled) (2)',
    ])
  })

  it('ranks a board’s notes and clusters by dots as the export does', () => {
    const exported = buildExport(doc, { sessionId: 's', exportedAt: new Date(0), anonymise: false, includeEmpty: true })
    const shape = (entry: { place: number; kind: string; id: string; dots: number }) => [entry.place, entry.kind, entry.id, entry.dots]
    view.boards.forEach((board, position) => {
      expect(rankingOfBoard(board, 'Cluster').map(shape)).toEqual(exported.boards[position]!.ranking.map(shape))
    })
    expect(rankingOfBoard(view.boards[0]!, 'Cluster').length).toBeGreaterThan(1)
  })

  it('reads note text as plain text, with author and whether it is the viewer’s', () => {
    const zitat = allNotes(view).find((note) => note.id === N.zitat)!
    expect(zitat).toMatchObject({ text: 'Er sagte "Beteiligung"\nund dann: nichts 🙈', authorName: 'Öztürk, Jürgen "Jo"', mine: false, sealed: false })
    expect(allNotes(view).filter((note) => note.mine).map((note) => note.id)).toEqual([N.buergerhaushalt, N.leer, N.schule])
  })

  it('counts the dots of the current round only, and the viewer’s own', () => {
    const notes = new Map(allNotes(view).map((note) => [note.id, note]))
    expect(notes.get(N.buergerhaushalt)).toMatchObject({ dots: 3, myDots: 1 })
    expect(notes.get(N.formel)).toMatchObject({ dots: 0, myDots: 0 })
    expect(view.boards[0]!.clusters[1]).toMatchObject({ id: C.vereine, dots: 3, myDots: 1 })
    expect(view.boards[0]!.noteCount).toBe(7)
  })

  it('hides others’ dots from participants while a running round hides results, not from moderators', () => {
    writeModerationState(doc, {
      phase: 'vote',
      voting: { roundId: 'r2', dotsPerParticipant: 5, maxPerTarget: null, hideResults: true, status: 'running', startedAt: 0, endedAt: null },
    })
    const hidden = deriveWorkshopView(readWorkshopInput(doc), anna)
    expect(hidden.resultsVisible).toBe(false)
    expect(allNotes(hidden).find((note) => note.id === N.buergerhaushalt)).toMatchObject({ dots: null, myDots: 1 })
    const moderated = deriveWorkshopView(readWorkshopInput(doc), { role: 'moderator', participantId: 'm-1' })
    expect(allNotes(moderated).find((note) => note.id === N.buergerhaushalt)).toMatchObject({ dots: 3, myDots: 0 })
  })

  it('marks locked boards', () => {
    writeModerationState(doc, { lockedBoards: [view.boards[2]!.id] })
    expect(deriveWorkshopView(readWorkshopInput(doc), anna).boards.map((board) => board.locked)).toEqual([false, false, true])
  })
})

describe('newNotesByOthers', () => {
  it('announces others’ notes once they have text, never one’s own', () => {
    const doc = new Y.Doc()
    seedSessionDocument(doc, defaultTemplate)
    const board = boardsInOrder(readRecords(doc))[2]!
    const viewer: Viewer = { role: 'participant', participantId: 'p-me' }
    const known = new Set(allNotes(deriveWorkshopView(readWorkshopInput(doc), viewer)).map((note) => note.id))

    const empty = buildNoteRecord({ board, author: { authorId: 'p-ben', authorName: 'Ben' }, text: '', siblings: [] })
    const mine = buildNoteRecord({ board, author: { authorId: 'p-me', authorName: 'Ich' }, text: 'Meins', siblings: [] })
    writeRecords(doc, { put: [empty, mine] })
    expect(newNotesByOthers(known, deriveWorkshopView(readWorkshopInput(doc), viewer))).toEqual([])

    writeRecords(doc, { put: [{ ...empty, props: { ...empty.props, richText: buildNoteRecord({ board, author: { authorId: 'x', authorName: 'x' }, text: 'Tauschbörse', siblings: [] }).props.richText } }] })
    const fresh = newNotesByOthers(known, deriveWorkshopView(readWorkshopInput(doc), viewer))
    expect(fresh.map(({ note, questionIndex }) => [note.authorName, note.text, questionIndex])).toEqual([['Ben', 'Tauschbörse', 2]])
  })
})
