import { useEffect, useState } from 'react'
import type { CountdownTimer } from '../../shared/moderation/moderationState.ts'
import { fetchServerTime } from './participationApi.ts'

/**
 * The moderator's timer runs in server time (`timer.endsAt`). Each device measures how far its
 * clock is off from the server's once per page and counts down in corrected time, so all phones
 * and the Beamer show the same remaining time even when their clocks disagree.
 */
export interface ClockSample {
  /** Local clock when the request left and when its answer arrived. */
  sentAt: number
  receivedAt: number
  serverNow: number
}

/** Server time minus local time, assuming the server read its clock halfway through the round trip. */
export function clockOffset({ sentAt, receivedAt, serverNow }: ClockSample): number {
  return serverNow - (sentAt + receivedAt) / 2
}

/** Milliseconds left on `timer` at local time `localNow`; 0 once it has run out. */
export function remainingMs(timer: CountdownTimer, localNow: number, offsetMs: number): number {
  return Math.max(0, timer.endsAt - (localNow + offsetMs))
}

/** "4:05", or "1:02:03" for an hour and more; rounds up so 0:00 appears only at the end. */
export function formatCountdown(ms: number): string {
  const totalSeconds = Math.ceil(Math.max(0, ms) / 1000)
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = String(totalSeconds % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}

let offsetRequest: Promise<number> | undefined

/** One measurement per page load; an unreachable server means no correction. */
function measureOffset(): Promise<number> {
  offsetRequest ??= (async () => {
    const sentAt = Date.now()
    const serverNow = await fetchServerTime()
    return clockOffset({ sentAt, receivedAt: Date.now(), serverNow })
  })().catch(() => {
    offsetRequest = undefined
    return 0
  })
  return offsetRequest
}

/** Remaining time of the moderator's timer, ticking every second while it runs; null without a timer. */
export function useCountdown(timer: CountdownTimer | null): number | null {
  const [offset, setOffset] = useState(0)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    let cancelled = false
    void measureOffset().then((value) => {
      if (!cancelled) setOffset(value)
    })
    return () => {
      cancelled = true
    }
  }, [])
  const running = timer !== null && remainingMs(timer, now, offset) > 0
  useEffect(() => {
    if (!timer) return
    setNow(Date.now())
    if (!running) return
    const interval = setInterval(() => setNow(Date.now()), 500)
    return () => clearInterval(interval)
  }, [timer, running])
  return timer ? remainingMs(timer, now, offset) : null
}
