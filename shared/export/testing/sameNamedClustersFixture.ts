import { createShapeId } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { readRecords, writeRecords } from '../../doc/documentLayout.ts'
import { getDotsMap, type Dot } from '../../workshop/dots.ts'
import { seedSessionDocument } from '../../workshop/seedSession.ts'
import { boardsInOrder, buildNoteRecord } from '../../workshop/workshopRecords.ts'
import { clusterRecord, fixtureTemplate } from './exportFixture.ts'

/** Cluster ids of {@link buildSameNamedClustersFixture}, in the order they were made (not their order on the board). */
export const SAME_NAMED_CLUSTER_IDS = {
  verkehrRight: createShapeId('c-verkehr-right'),
  verkehrLeft: createShapeId('c-verkehr-left'),
  verkehr2: createShapeId('c-verkehr-2'),
  verkehrFar: createShapeId('c-verkehr-far'),
  unnamedLeft: createShapeId('c-unnamed-left'),
  unnamedRight: createShapeId('c-unnamed-right'),
} as const

/**
 * A session whose first board holds clusters a reader cannot tell apart by name: two "Verkehr"
 * (two moderators' groups, or a renamed copy; the one created first sits right of the other),
 * one typed "verkehr ", one literally named "Verkehr (2)", and two without a name (one of them
 * only spaces). Each has one note; the right "Verkehr" has a dot, so it is in the ranking.
 */
export function buildSameNamedClustersFixture(): Y.Doc {
  const doc = new Y.Doc()
  seedSessionDocument(doc, fixtureTemplate, new Date('2026-11-26T08:00:00Z'))
  const board = boardsInOrder(readRecords(doc))[0]!
  const C = SAME_NAMED_CLUSTER_IDS
  const clusters = [
    clusterRecord(C.verkehrRight, board, 'Verkehr', 'a5', 540, 180),
    clusterRecord(C.verkehrLeft, board, 'Verkehr', 'a6', 32, 180),
    clusterRecord(C.verkehr2, board, 'Verkehr (2)', 'a7', 32, 720),
    clusterRecord(C.verkehrFar, board, 'verkehr ', 'a8', 1040, 190),
    clusterRecord(C.unnamedLeft, board, '', 'a9', 540, 720),
    clusterRecord(C.unnamedRight, board, '  ', 'aA', 1040, 720),
  ]
  const author = { authorId: 'u-anna', authorName: 'Anna Müller' }
  const texts = ['Tempo 30 vor Schulen', 'Radweg Hauptstraße', 'Busse am Sonntag', 'Parken im Zentrum', 'Bänke', 'Trinkbrunnen']
  const notes = clusters.map((cluster, position) => ({
    ...buildNoteRecord({
      board,
      author,
      text: texts[position]!,
      siblings: [],
      now: new Date(`2026-11-26T09:0${position}:00Z`),
      id: createShapeId(`n-same-${position}`),
    }),
    parentId: cluster.id,
    x: 16,
    y: 60,
  }))
  writeRecords(doc, { put: [...clusters, ...notes] })
  const dot: Dot = { voterId: 'u-ben', targetId: C.verkehrRight, roundId: 'r1', createdAt: '2026-11-26T10:00:00.000Z' }
  getDotsMap(doc).set('dot-0', dot)
  return doc
}
