import { describe, expect, it } from 'vitest'
import { createShapeId, type TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { readRecords } from '../doc/documentLayout.ts'
import { clusterRecord, fixtureTemplate } from '../export/testing/exportFixture.ts'
import { seedSessionDocument } from './seedSession.ts'
import { boardsInOrder, type ClusterShape } from './workshopRecords.ts'
import { clustersInReadingOrder } from './workshopStructure.ts'

describe('clustersInReadingOrder', () => {
  const doc = new Y.Doc()
  seedSessionDocument(doc, fixtureTemplate, new Date('2026-11-26T08:00:00Z'))
  const board = boardsInOrder(readRecords(doc))[0]!
  const id = (name: string) => createShapeId(name)
  const order = (clusters: ClusterShape[]) => {
    const byId = new Map<string, TLRecord>([[board.id, board], ...clusters.map((cluster) => [cluster.id, cluster] as const)])
    return clustersInReadingOrder(clusters, byId).map((cluster) => cluster.props.name)
  }

  it('lists clusters as a person reads the board, not in the order they were made', () => {
    // Sibling index (creation order) a5…a8; places: two rows, the second made first.
    const clusters = [
      clusterRecord(id('lower-left'), board, 'lower left', 'a5', 32, 720),
      clusterRecord(id('upper-right'), board, 'upper right', 'a6', 540, 190),
      clusterRecord(id('upper-left'), board, 'upper left', 'a7', 32, 180),
      clusterRecord(id('lower-right'), board, 'lower right', 'a8', 540, 700),
    ]
    expect(order(clusters)).toEqual(['upper left', 'upper right', 'lower left', 'lower right'])
  })

  it('puts nested clusters right after the cluster they sit in, in reading order within it', () => {
    const outer = clusterRecord(id('outer'), board, 'outer', 'a5', 540, 180)
    const clusters = [
      outer,
      clusterRecord(id('first'), board, 'first', 'a6', 32, 180),
      clusterRecord(id('inner-right'), outer, 'inner right', 'a1', 240, 40),
      clusterRecord(id('inner-left'), outer, 'inner left', 'a2', 20, 50),
    ]
    expect(order(clusters)).toEqual(['first', 'outer', 'inner left', 'inner right'])
  })
})
