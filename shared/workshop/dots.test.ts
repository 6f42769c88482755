import { describe, expect, it } from 'vitest'
import { readRecords, writeRecords } from '../doc/documentLayout.ts'
import { buildExportFixture, FIXTURE_CLUSTER_IDS, FIXTURE_NOTE_IDS } from '../export/testing/exportFixture.ts'
import { countingDots, getDotsMap, readCountingDots, readDots, type Dot } from './dots.ts'

const dot = (targetId: string, voterId = 'u-anna'): Dot => ({ targetId, voterId, roundId: 'r9', createdAt: '2026-11-26T11:00:00.000Z' })

describe('countingDots', () => {
  it('counts a dot only while its note or cluster exists, and again once it is back', () => {
    const doc = buildExportFixture({ earlierRound: false })
    getDotsMap(doc).clear()
    const dots = getDotsMap(doc)
    dots.set('on-note', dot(FIXTURE_NOTE_IDS.umlaute))
    dots.set('on-cluster', dot(FIXTURE_CLUSTER_IDS.vereine))
    dots.set('on-other-note', dot(FIXTURE_NOTE_IDS.schulen))
    expect([...readCountingDots(doc).keys()].sort()).toEqual(['on-cluster', 'on-note', 'on-other-note'])

    const removed = readRecords(doc).filter((record) => record.id === FIXTURE_NOTE_IDS.umlaute || record.id === FIXTURE_CLUSTER_IDS.vereine)
    writeRecords(doc, { remove: removed.map((record) => record.id) })
    expect([...readCountingDots(doc).keys()]).toEqual(['on-other-note'])
    // The dots themselves stay in the document: nothing is lost when the note comes back.
    expect(readDots(doc).size).toBe(3)

    writeRecords(doc, { put: removed })
    expect([...readCountingDots(doc).keys()].sort()).toEqual(['on-cluster', 'on-note', 'on-other-note'])
  })

  it('does not count a dot whose target is no note or cluster (a board, its header, an unknown id)', () => {
    const doc = buildExportFixture({ earlierRound: false })
    const board = readRecords(doc).find((record) => record.typeName === 'shape' && record.type === 'frame' && record.meta.kind === 'board')!
    const dots = new Map([
      ['on-board', dot(board.id)],
      ['on-nothing', dot('shape:gone')],
      ['on-note', dot(FIXTURE_NOTE_IDS.umlaute)],
    ])
    const byId = new Map(readRecords(doc).map((record) => [record.id as string, record]))
    expect([...countingDots(dots, (id) => byId.get(id)).keys()]).toEqual(['on-note'])
  })
})
