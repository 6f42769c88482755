import { expect, it } from 'vitest'
import { readBoardMeta, readNoteMeta } from './recordMeta.ts'

const noteMeta = { kind: 'note', authorId: 'u-anna', authorName: 'Anna', createdAt: '2026-11-26T10:00:00.000Z' }

it('reads a meta object once and gives every later reader the same result', () => {
  const first = readNoteMeta(noteMeta)
  expect(first).toMatchObject({ authorName: 'Anna' })
  expect(readNoteMeta(noteMeta)).toBe(first)
  // A changed record carries a new meta object: read afresh, never the old answer.
  const renamed = { ...noteMeta, authorName: 'Anna B.' }
  expect(readNoteMeta(renamed)?.authorName).toBe('Anna B.')
  expect(readNoteMeta(noteMeta)?.authorName).toBe('Anna')
})

it('remembers what a meta is not, and reads non-objects without remembering', () => {
  expect(readBoardMeta(noteMeta)).toBeUndefined()
  expect(readBoardMeta(noteMeta)).toBeUndefined()
  expect(readNoteMeta({ ...noteMeta, authorName: '' })).toBeUndefined()
  expect(readNoteMeta(null)).toBeUndefined()
  expect(readNoteMeta('note')).toBeUndefined()
})
