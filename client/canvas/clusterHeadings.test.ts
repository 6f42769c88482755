import { describe, expect, it } from 'vitest'
import { createShapeId, type TLRecord } from '@tldraw/tlschema'
import * as Y from 'yjs'
import { readRecords } from '../../shared/doc/documentLayout.ts'
import { clusterRecord, fixtureTemplate } from '../../shared/export/testing/exportFixture.ts'
import { seedSessionDocument } from '../../shared/workshop/seedSession.ts'
import { boardsInOrder } from '../../shared/workshop/workshopRecords.ts'
import { clusterHeadings } from './clusterHeadings.ts'

describe('clusterHeadings', () => {
  const doc = new Y.Doc()
  seedSessionDocument(doc, fixtureTemplate, new Date('2026-11-26T08:00:00Z'))
  const [first, second] = boardsInOrder(readRecords(doc))
  /** Headings of clusters with these names in one row of `board`, left to right. */
  const headingsOf = (names: string[], untitled: string, others: TLRecord[] = []) => {
    const clusters = names.map((name, position) => clusterRecord(createShapeId(`h-${position}`), first!, name, `a${position + 1}`, 32 + position * 500, 180))
    const headings = clusterHeadings([first!, second!, ...others, ...clusters], untitled)
    return clusters.map((cluster) => headings.get(cluster.id))
  }

  it('names an unnamed cluster in the reader\'s language, never "Frame"', () => {
    expect(headingsOf([''], '(ohne Titel)')).toEqual(['(ohne Titel)'])
    expect(headingsOf(['  ', ''], '(untitled)')).toEqual(['(untitled)', '(untitled) (2)'])
  })

  it('numbers same-named clusters of a board as the protocol does', () => {
    expect(headingsOf(['Verkehr', 'Wohnen', 'verkehr'], '(ohne Titel)')).toEqual(['Verkehr', 'Wohnen', 'verkehr (2)'])
  })

  it('numbers per board: a cluster of the same name on another board keeps its name', () => {
    const elsewhere = clusterRecord(createShapeId('elsewhere'), second!, 'Verkehr', 'a1', 32, 180)
    const headings = clusterHeadings([first!, second!, elsewhere, clusterRecord(createShapeId('here'), first!, 'Verkehr', 'a1', 32, 180)], '(ohne Titel)')
    expect(headings.get(elsewhere.id)).toBe('Verkehr')
    expect(headings.get(createShapeId('here'))).toBe('Verkehr')
  })
})
