import { describe, expect, it } from 'vitest'
import { clockOffset, formatCountdown, remainingMs } from './serverClock.ts'

describe('server clock', () => {
  it('takes the server’s reading as made halfway through the round trip', () => {
    expect(clockOffset({ sentAt: 1_000, receivedAt: 1_200, serverNow: 5_100 })).toBe(4_000)
    expect(clockOffset({ sentAt: 1_000, receivedAt: 1_000, serverNow: 400 })).toBe(-600)
  })

  it('counts the timer down in server time and stops at zero', () => {
    const timer = { startedAt: 10_000, endsAt: 70_000, durationMs: 60_000 }
    // The device's clock is 5 s behind the server's.
    expect(remainingMs(timer, 20_000, 5_000)).toBe(45_000)
    expect(remainingMs(timer, 80_000, 5_000)).toBe(0)
  })

  it('formats minutes and seconds, rounding up so 0:00 means over', () => {
    expect(formatCountdown(0)).toBe('0:00')
    expect(formatCountdown(1)).toBe('0:01')
    expect(formatCountdown(65_000)).toBe('1:05')
    expect(formatCountdown(600_000)).toBe('10:00')
    expect(formatCountdown(3_723_000)).toBe('1:02:03')
    expect(formatCountdown(-5)).toBe('0:00')
  })
})
