import { describe, expect, it } from 'vitest'
import { OnlinePeopleTracker, onlinePeople } from './awarenessState.ts'

const anna = { participantId: 'p-anna', name: 'Anna', color: '#e0a800', role: 'participant' as const }
const ben = { participantId: 'p-ben', name: 'Ben', color: '#4ba1f1', role: 'participant' as const }

describe('onlinePeople', () => {
  it('lists each participant once, self first, without Beamer views', () => {
    const states = new Map<number, unknown>([
      [1, { user: ben }],
      [2, { user: anna }],
      [3, { user: anna }],
      [4, { user: { participantId: 'beamer', name: 'Beamer', color: '#000', role: 'viewer' } }],
      [5, {}],
    ])
    const people = onlinePeople(states, 3)
    expect(people.map((person) => [person.name, person.isSelf])).toEqual([
      ['Anna', true],
      ['Ben', false],
    ])
  })
})

describe('OnlinePeopleTracker', () => {
  it('reports the list when people come, go or rename, not when only their cursors move', () => {
    const tracker = new OnlinePeopleTracker()
    const states = new Map<number, unknown>([[1, { user: anna, presence: { cursor: { x: 0, y: 0 } } }]])
    expect(tracker.update(states, 1)?.map((person) => person.name)).toEqual(['Anna'])

    states.set(1, { user: anna, presence: { cursor: { x: 5, y: 9 } } })
    expect(tracker.update(states, 1, { added: [], updated: [1], removed: [] })).toBeUndefined()

    states.set(2, { user: ben })
    expect(tracker.update(states, 1, { added: [2], updated: [], removed: [] })?.map((person) => person.name)).toEqual(['Anna', 'Ben'])

    states.set(2, { user: { ...ben, name: 'Benjamin' } })
    expect(tracker.update(states, 1, { added: [], updated: [2], removed: [] })?.map((person) => person.name)).toEqual(['Anna', 'Benjamin'])

    states.delete(2)
    expect(tracker.update(states, 1, { added: [], updated: [], removed: [2] })?.map((person) => person.name)).toEqual(['Anna'])
  })

  it('stays quiet when a second tab of someone already listed comes and goes', () => {
    const tracker = new OnlinePeopleTracker()
    const states = new Map<number, unknown>([[1, { user: anna }], [2, { user: ben }]])
    tracker.update(states, 1)
    states.set(3, { user: ben })
    expect(tracker.update(states, 1, { added: [3], updated: [], removed: [] })).toBeUndefined()
    states.delete(3)
    expect(tracker.update(states, 1, { added: [], updated: [], removed: [3] })).toBeUndefined()
  })
})
