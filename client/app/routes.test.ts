import { describe, expect, it } from 'vitest'
import { parseRoute } from './routes.ts'

describe('parseRoute', () => {
  it('reads the start page and session links with their role tokens', () => {
    expect(parseRoute('/', '')).toEqual({ page: 'start' })
    expect(parseRoute('/s/abcdefghijklmnopqrstuv', '')).toEqual({
      page: 'session',
      sessionId: 'abcdefghijklmnopqrstuv',
      roleHint: 'participant',
    })
    expect(parseRoute('/s/abcdefghijklmnopqrstuv', '#moderator=tok-1')).toEqual({
      page: 'session',
      sessionId: 'abcdefghijklmnopqrstuv',
      roleToken: 'tok-1',
      roleHint: 'moderator',
    })
    expect(parseRoute('/s/abcdefghijklmnopqrstuv/', '#viewer=tok-2')).toMatchObject({ roleToken: 'tok-2', roleHint: 'viewer' })
  })

  it('treats other paths as unknown', () => {
    expect(parseRoute('/s/', '')).toEqual({ page: 'notFound' })
    expect(parseRoute('/s/a/b', '')).toEqual({ page: 'notFound' })
    expect(parseRoute('/admin', '')).toEqual({ page: 'notFound' })
  })
})
