import { describe, expect, it } from 'vitest'
import { redactSecrets } from './log.ts'

describe('redactSecrets', () => {
  it('masks tokens in query strings, fragments and Authorization headers', () => {
    expect(redactSecrets('GET /yjs/abc?token=geheim&participant=p1.sig&x=1')).toBe('GET /yjs/abc?token=[redacted]&participant=[redacted]&x=1')
    expect(redactSecrets('/api/sessions/a/sealed-notes/mine?participantToken=p.s')).toBe('/api/sessions/a/sealed-notes/mine?participantToken=[redacted]')
    expect(redactSecrets('http://h/s/abc#moderator=geheim')).toBe('http://h/s/abc#moderator=[redacted]')
    expect(redactSecrets('authorization: Bearer geheim')).toBe('authorization: Bearer [redacted]')
    expect(redactSecrets('nothing secret ?format=md')).toBe('nothing secret ?format=md')
  })
})
