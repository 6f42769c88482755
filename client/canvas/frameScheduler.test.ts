import { afterEach, describe, expect, it, vi } from 'vitest'
import { throttledScheduler, type FrameScheduler } from './frameScheduler.ts'

/** A scheduler whose "frames" and clock the test advances by hand. */
function manualFrames() {
  let pending: Array<() => void> = []
  const schedule: FrameScheduler = (flush) => {
    pending.push(flush)
    return () => {
      pending = pending.filter((entry) => entry !== flush)
    }
  }
  const frame = () => {
    const due = pending
    pending = []
    due.forEach((flush) => flush())
  }
  return { schedule, frame }
}

describe('throttledScheduler', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('flushes in the next frame when the interval has passed, and cancels', () => {
    let clock = 1000
    const frames = manualFrames()
    const throttled = throttledScheduler(frames.schedule, 50, () => clock)
    const flushed: string[] = []
    throttled(() => flushed.push('a'))
    frames.frame()
    expect(flushed).toEqual(['a'])
    clock += 60
    const cancel = throttled(() => flushed.push('b'))
    cancel()
    frames.frame()
    expect(flushed).toEqual(['a'])
  })

  it('holds a flush asked for too soon until the interval has passed', () => {
    vi.useFakeTimers()
    let clock = 1000
    const frames = manualFrames()
    const throttled = throttledScheduler(frames.schedule, 30, () => clock)
    const flushed: string[] = []
    throttled(() => flushed.push('first'))
    frames.frame()
    clock += 5
    throttled(() => flushed.push('second'))
    frames.frame()
    expect(flushed).toEqual(['first'])
    clock += 30
    vi.advanceTimersByTime(30)
    frames.frame()
    expect(flushed).toEqual(['first', 'second'])
  })
})
