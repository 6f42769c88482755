import { describe, expect, it } from 'vitest'
import { createShapeId } from '@tldraw/tlschema'
import { readRecords, writeRecords } from '../../shared/doc/documentLayout.ts'
import { buildExport } from '../../shared/export/exportModel.ts'
import { buildExportFixture, FIXTURE_CLUSTER_IDS } from '../../shared/export/testing/exportFixture.ts'
import { getDotsMap, type Dot } from '../../shared/workshop/dots.ts'
import { boardsInOrder, buildNoteRecord } from '../../shared/workshop/workshopRecords.ts'
import { deriveWorkshopView, rankingOfBoard, readWorkshopInput } from './workshopModel.ts'

/**
 * The phone ranks from its view model, the canvas's results panel and the protocol from the
 * export model: with sealed notes (a round ended before the reveal) they must still give one
 * ranking, sealed notes in the same places.
 */
describe('ranking with sealed notes', () => {
  it('is the same on the phone as in the export (and so on the canvas results panel)', () => {
    const doc = buildExportFixture()
    const [board1, , board3] = boardsInOrder(readRecords(doc))
    const sealed = (id: string, board: typeof board1, createdAt: string, clusterId?: string) => {
      const record = buildNoteRecord({ board: board!, author: { authorId: 'u-paul', authorName: 'Paul' }, text: '', siblings: [], now: new Date(createdAt), id: createShapeId(id) })
      return { ...record, ...(clusterId && { parentId: clusterId as typeof record.parentId }), meta: { ...record.meta, sealed: true } }
    }
    writeRecords(doc, {
      put: [
        // Older than every note of the unnamed cluster: it dates the cluster, which ties with others.
        sealed('s-in-cluster', board1, '2026-11-26T08:30:00Z', FIXTURE_CLUSTER_IDS.unbenannt),
        sealed('s-loose', board1, '2026-11-26T09:06:00Z'),
        sealed('s-alone', board3, '2026-11-26T11:00:00Z'),
      ],
    })
    doc.transact(() => {
      const dots: Array<[string, string]> = [
        ['shape:s-in-cluster', 'u-lena'],
        ['shape:s-loose', 'u-lena'],
        ['shape:s-loose', 'u-ben'],
        ['shape:s-loose', 'u-ben2'],
        ['shape:s-alone', 'u-ben'],
      ]
      dots.forEach(([targetId, voterId], position) =>
        getDotsMap(doc).set(`sealed-${position}`, { targetId, voterId, roundId: 'r2', createdAt: `2026-11-26T10:5${position}:00.000Z` } satisfies Dot),
      )
    })
    const exported = buildExport(doc, { sessionId: 's', exportedAt: new Date(0), anonymise: false, includeEmpty: true })
    const view = deriveWorkshopView(readWorkshopInput(doc), { role: 'participant', participantId: 'u-anna' })
    const shape = (entry: { place: number; kind: string; id: string; dots: number }) => [entry.place, entry.kind, entry.id, entry.dots]
    view.boards.forEach((board, position) => {
      expect(rankingOfBoard(board, 'Cluster').map(shape)).toEqual(exported.boards[position]!.ranking.map(shape))
    })
    const sealedIds = exported.boards.flatMap((board) => board.ranking.filter((entry) => entry.sealed).map((entry) => entry.id))
    expect(sealedIds.sort()).toEqual(['shape:s-alone', 'shape:s-in-cluster', 'shape:s-loose'])
  })
})
