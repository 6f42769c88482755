import { describe, expect, it } from 'vitest'
import { onlinePeople, readAwarenessUser } from './awarenessState.ts'

const anna = { participantId: 'p-anna', name: 'Anna', color: '#e0a800', role: 'participant' as const }
const ben = { participantId: 'p-ben', name: 'Ben', color: '#4ba1f1', role: 'participant' as const }

describe('readAwarenessUser', () => {
  it('accepts a well-formed user and rejects malformed peers', () => {
    expect(readAwarenessUser({ user: anna })).toEqual(anna)
    expect(readAwarenessUser({ user: { ...anna, role: 'admin' } })).toBeUndefined()
    expect(readAwarenessUser({ user: { ...anna, name: '   ' } })).toBeUndefined()
    expect(readAwarenessUser({ presence: {} })).toBeUndefined()
    expect(readAwarenessUser(null)).toBeUndefined()
  })
})

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
