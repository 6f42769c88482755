import { describe, expect, it } from 'vitest'
import { readRecords, writeRecords } from '../doc/documentLayout.ts'
import { buildExportFixture, FIXTURE_CLUSTER_IDS, FIXTURE_NOTE_IDS } from '../export/testing/exportFixture.ts'
import { writeModerationState } from '../moderation/moderationState.ts'
import { compareDotPlacement, countingDots, dotStanding, getDotsMap, readCountingDots, readDotStanding, readDots, type Dot } from './dots.ts'

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
    expect([...countingDots(dots, (id) => byId.get(id), []).keys()]).toEqual(['on-note'])
  })

  describe('the budget', () => {
    const at = (minute: number, targetId: string, voterId = 'u-anna', roundId = 'r9'): Dot => ({
      targetId,
      voterId,
      roundId,
      createdAt: `2026-11-26T11:${String(minute).padStart(2, '0')}:00.000Z`,
    })
    // Every target but 'shape:gone' is a note that exists (the rule only asks whether one does).
    const aNote = readRecords(buildExportFixture({ earlierRound: false })).find((record) => record.id === FIXTURE_NOTE_IDS.umlaute)
    const recordOf = (id: string) => (id === 'shape:gone' ? undefined : aNote)
    const r9 = [{ roundId: 'r9', dotsPerParticipant: 2 }]
    const ids = (dots: ReadonlyMap<string, Dot>) => [...dots.keys()].sort()

    it('counts only each voter’s first dots of a round, as many as its budget, in placement order', () => {
      const dots = new Map([
        ['third', at(3, 'shape:b')],
        ['first', at(1, 'shape:a')],
        ['second', at(2, 'shape:a')],
        ['ben-1', at(4, 'shape:a', 'u-ben')],
        ['ben-2', at(5, 'shape:b', 'u-ben')],
        ['earlier-round', at(0, 'shape:c', 'u-anna', 'r8')],
      ])
      const standing = dotStanding(dots, recordOf, r9)
      expect(ids(standing.counting)).toEqual(['ben-1', 'ben-2', 'earlier-round', 'first', 'second'])
      expect(ids(standing.beyondBudget)).toEqual(['third'])
      // Another round has its own budget: r8's one dot is within one.
      expect(ids(countingDots(dots, recordOf, [...r9, { roundId: 'r8', dotsPerParticipant: 1 }]))).toEqual(ids(standing.counting))
    })

    it('after an undo brought a note back, its older dots count and the ones placed meanwhile are beyond the budget', () => {
      // Anna placed both dots on a note; it was removed, she placed them elsewhere; it came back.
      const dots = new Map([
        ['on-removed-1', at(1, 'shape:back')],
        ['on-removed-2', at(2, 'shape:back')],
        ['meanwhile-1', at(3, 'shape:b')],
        ['meanwhile-2', at(4, 'shape:c')],
      ])
      const whileGone = (id: string) => (id === 'shape:back' ? undefined : recordOf(id))
      expect(ids(countingDots(dots, whileGone, r9))).toEqual(['meanwhile-1', 'meanwhile-2'])
      const back = dotStanding(dots, recordOf, r9)
      expect(ids(back.counting)).toEqual(['on-removed-1', 'on-removed-2'])
      expect(ids(back.beyondBudget)).toEqual(['meanwhile-1', 'meanwhile-2'])
      // She takes one of the first dots off: the next one in placement order counts instead.
      dots.delete('on-removed-2')
      expect(ids(countingDots(dots, recordOf, r9))).toEqual(['meanwhile-1', 'on-removed-1'])
    })

    it('leaves a dot on a removed note out of the budget, and counts all dots of a round whose budget is not known', () => {
      const dots = new Map([
        ['gone', at(1, 'shape:gone')],
        ['a', at(2, 'shape:a')],
        ['b', at(3, 'shape:b')],
      ])
      const standing = dotStanding(dots, recordOf, r9)
      expect(ids(standing.counting)).toEqual(['a', 'b'])
      expect(standing.beyondBudget.size).toBe(0)
      dots.set('c', at(4, 'shape:c'))
      expect(ids(countingDots(dots, recordOf, []))).toEqual(['a', 'b', 'c'])
    })

    it('orders by time, not by how the time is written, then by dot id', () => {
      const whole: Dot = { ...at(0, 'shape:a'), createdAt: '2026-11-26T11:00:01Z' }
      const half: Dot = { ...at(0, 'shape:a'), createdAt: '2026-11-26T11:00:00.500Z' }
      expect(compareDotPlacement(['x', half], ['y', whole])).toBeLessThan(0)
      expect(compareDotPlacement(['b', half], ['a', half])).toBeGreaterThan(0)
      const tie = new Map([
        ['z', at(1, 'shape:a')],
        ['m', at(1, 'shape:b')],
        ['a', at(1, 'shape:c')],
      ])
      expect(ids(dotStanding(tie, recordOf, r9).beyondBudget)).toEqual(['z'])
    })

    it('reads the budgets of the current round and the rounds it replaced from the document', () => {
      const doc = buildExportFixture({ earlierRound: false })
      getDotsMap(doc).clear()
      const round = (roundId: string, dotsPerParticipant: number) => ({
        roundId,
        dotsPerParticipant,
        maxPerTarget: null,
        hideResults: false,
        status: 'ended' as const,
        startedAt: 0,
        endedAt: 1,
      })
      writeModerationState(doc, { voting: round('r9', 1), earlierRounds: [round('r8', 2)] })
      const dots = getDotsMap(doc)
      dots.set('r9-first', at(1, FIXTURE_NOTE_IDS.umlaute))
      dots.set('r9-second', at(2, FIXTURE_NOTE_IDS.schulen))
      dots.set('r8-first', at(1, FIXTURE_NOTE_IDS.umlaute, 'u-anna', 'r8'))
      dots.set('r8-second', at(2, FIXTURE_NOTE_IDS.schulen, 'u-anna', 'r8'))
      dots.set('r8-third', at(3, FIXTURE_CLUSTER_IDS.vereine, 'u-anna', 'r8'))
      expect(ids(readCountingDots(doc))).toEqual(['r8-first', 'r8-second', 'r9-first'])
      expect(ids(readDotStanding(doc).beyondBudget)).toEqual(['r8-third', 'r9-second'])
    })
  })
})
