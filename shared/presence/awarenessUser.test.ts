import { describe, expect, it } from 'vitest'
import { readAwarenessUser } from './awarenessUser.ts'

const anna = { participantId: 'p-anna', name: 'Anna', color: '#e0a800', role: 'participant' as const }

describe('readAwarenessUser', () => {
  it('accepts a well-formed user and rejects malformed peers', () => {
    expect(readAwarenessUser({ user: anna })).toEqual(anna)
    expect(readAwarenessUser({ user: { ...anna, role: 'admin' } })).toBeUndefined()
    expect(readAwarenessUser({ user: { ...anna, name: '   ' } })).toBeUndefined()
    expect(readAwarenessUser({ presence: {} })).toBeUndefined()
    expect(readAwarenessUser(null)).toBeUndefined()
  })
})


describe('readAwarenessUser names', () => {
  it('trims the name and cuts it to the longest name one can join with', () => {
    expect(readAwarenessUser({ user: { ...anna, name: '  Anna  ' } })?.name).toBe('Anna')
    expect(readAwarenessUser({ user: { ...anna, name: 'x'.repeat(80) } })?.name).toHaveLength(60)
  })
})
