import { describe, expect, it } from 'vitest'
import { awarenessClaimFits } from './awarenessClaim.ts'
import type { Actor } from './participantRules.ts'

const anna: Actor = { role: 'participant', participantId: 'p-anna', authorName: 'Anna' }
const moderator: Actor = { role: 'moderator', participantId: 'p-mod', authorName: 'Moderation' }
const annaClaim = { participantId: 'p-anna', name: 'Anna', color: '#e0a800', role: 'participant' }

describe('awarenessClaimFits', () => {
  it('shares a state that claims the connection’s own identity, or none', () => {
    expect(awarenessClaimFits({ user: annaClaim, presence: { cursor: { x: 1, y: 2 } } }, anna)).toBe(true)
    expect(awarenessClaimFits({ user: { ...annaClaim, name: ' Anna ' } }, anna)).toBe(true)
    expect(awarenessClaimFits({ presence: {} }, anna)).toBe(true)
    expect(awarenessClaimFits({ user: null }, anna)).toBe(true)
    expect(awarenessClaimFits(null, { role: 'viewer', participantId: null })).toBe(true)
  })

  it('refuses a participant who claims to be the moderator, someone else, or another name', () => {
    expect(awarenessClaimFits({ user: { ...annaClaim, role: 'moderator' } }, anna)).toBe(false)
    expect(awarenessClaimFits({ user: { ...annaClaim, participantId: 'p-mod', role: 'moderator', name: 'Moderation' } }, anna)).toBe(false)
    expect(awarenessClaimFits({ user: { ...annaClaim, name: 'Moderation' } }, anna)).toBe(false)
    expect(awarenessClaimFits({ user: { participantId: 'p-mod', name: 'Moderation', color: '#000', role: 'moderator' } }, moderator)).toBe(true)
  })

  it('refuses any claim from a connection that never joined, and malformed claims', () => {
    expect(awarenessClaimFits({ user: annaClaim }, { role: 'participant', participantId: null })).toBe(false)
    expect(awarenessClaimFits({ user: { ...annaClaim, role: 'viewer' } }, { role: 'viewer', participantId: null })).toBe(false)
    expect(awarenessClaimFits({ user: { name: 'Anna' } }, anna)).toBe(false)
    expect(awarenessClaimFits({ user: 'Anna' }, anna)).toBe(false)
  })

  it('leaves the name to the server when it does not know it', () => {
    expect(awarenessClaimFits({ user: { ...annaClaim, name: 'Anna B.' } }, { role: 'participant', participantId: 'p-anna' })).toBe(true)
  })
})
