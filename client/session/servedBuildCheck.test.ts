import { describe, expect, it } from 'vitest'
import { isReconnect } from './servedBuildCheck.ts'

describe('isReconnect', () => {
  it('is the return to online after having been online', () => {
    expect(isReconnect({ status: 'online', everOnline: true }, { status: 'reconnecting', everOnline: true })).toBe(true)
    expect(isReconnect({ status: 'online', everOnline: true }, { status: 'offline', everOnline: true })).toBe(true)
  })

  it('is not the first sync of the page', () => {
    expect(isReconnect({ status: 'online', everOnline: true }, { status: 'reconnecting', everOnline: false })).toBe(false)
  })

  it('is not any other change while online or while away', () => {
    expect(isReconnect({ status: 'online', everOnline: true }, { status: 'online', everOnline: true })).toBe(false)
    expect(isReconnect({ status: 'reconnecting', everOnline: true }, { status: 'online', everOnline: true })).toBe(false)
    expect(isReconnect({ status: 'offline', everOnline: true }, { status: 'reconnecting', everOnline: true })).toBe(false)
  })
})
