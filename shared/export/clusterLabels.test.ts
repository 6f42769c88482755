import { describe, expect, it } from 'vitest'
import { createShapeId, type TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { readRecords } from '../doc/documentLayout.ts'
import { seedSessionDocument } from '../workshop/seedSession.ts'
import { boardsInOrder, type ClusterShape } from '../workshop/workshopRecords.ts'
import { distinctClusterLabels } from './clusterLabels.ts'
import { clusterRecord, fixtureTemplate } from './testing/exportFixture.ts'

describe('distinctClusterLabels', () => {
  const doc = new Y.Doc()
  seedSessionDocument(doc, fixtureTemplate, new Date('2026-11-26T08:00:00Z'))
  const board = boardsInOrder(readRecords(doc))[0]!
  /** Clusters in one row, left to right, with these names; their labels in the same order. */
  const labelsOf = (...names: string[]) => {
    const clusters = names.map((name, position) => clusterRecord(createShapeId(`c-${position}`), board, name, `a${position + 1}`, 32 + position * 500, 180))
    const byId = new Map<string, TLRecord>([[board.id, board], ...clusters.map((cluster: ClusterShape) => [cluster.id, cluster] as const)])
    const labels = distinctClusterLabels(clusters, byId)
    return clusters.map((cluster) => labels.get(cluster.id))
  }

  it('keeps names that are their own', () => {
    expect(labelsOf('Verkehr', 'Wohnen', '')).toEqual(['Verkehr', 'Wohnen', ''])
  })

  it('numbers names a reader cannot tell apart, and skips labels another cluster has', () => {
    expect(labelsOf('Verkehr', 'Verkehr', 'Verkehr')).toEqual(['Verkehr', 'Verkehr (2)', 'Verkehr (3)'])
    expect(labelsOf('Verkehr', ' VERKEHR  ', 'Verkehr (2)')).toEqual(['Verkehr', 'VERKEHR (3)', 'Verkehr (2)'])
    expect(labelsOf('Rad  weg', 'Rad weg')).toEqual(['Rad  weg', 'Rad weg (2)'])
  })

  it('takes an unnamed cluster for one called "(ohne Titel)", as the protocol shows it so', () => {
    expect(labelsOf('', ' ', '(ohne Titel)')).toEqual(['', '(ohne Titel) (2)', '(ohne Titel) (3)'])
    expect(labelsOf('(ohne Titel)', '')).toEqual(['(ohne Titel)', '(ohne Titel) (2)'])
  })
})
