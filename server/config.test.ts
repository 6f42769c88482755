import { describe, expect, it } from 'vitest'
import { DEFAULT_MAX_SYNC_MESSAGE_BYTES } from '../shared/connection/messageSize.ts'
import { loadConfig } from './config.ts'

describe('MAX_SYNC_MESSAGE_BYTES', () => {
  it('defaults to 16 MiB, or to MAX_MESSAGE_BYTES when that is larger', () => {
    expect(loadConfig({}).maxSyncMessageBytes).toBe(DEFAULT_MAX_SYNC_MESSAGE_BYTES)
    expect(loadConfig({ MAX_MESSAGE_BYTES: String(32 * 1024 * 1024) }).maxSyncMessageBytes).toBe(32 * 1024 * 1024)
    expect(loadConfig({ MAX_SYNC_MESSAGE_BYTES: '2097152' }).maxSyncMessageBytes).toBe(2 * 1024 * 1024)
  })

  it('may not be below MAX_MESSAGE_BYTES', () => {
    expect(() => loadConfig({ MAX_MESSAGE_BYTES: '65536', MAX_SYNC_MESSAGE_BYTES: '4096' })).toThrow(
      'Invalid environment variable MAX_SYNC_MESSAGE_BYTES: must be at least MAX_MESSAGE_BYTES',
    )
  })
})
