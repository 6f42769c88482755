/** The window of the note limit. */
export const NOTE_RATE_WINDOW_MS = 60_000

/**
 * New notes per participant in a sliding minute: each key keeps the times of its last notes
 * (at most `perMinute` entries), so memory is bounded by the limit times the active writers.
 * Keys idle for a whole window are swept.
 */
export class NoteRateLimiter {
  private readonly recent = new Map<string, number[]>()
  private lastSweep = 0

  constructor(
    /** 0 = unlimited. */
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records `count` new notes for `key` if they fit into the window; false (nothing recorded) if not. */
  take(key: string, count: number): boolean {
    if (this.perMinute === 0 || count === 0) return true
    const now = this.now()
    this.sweep(now)
    const since = now - NOTE_RATE_WINDOW_MS
    const times = (this.recent.get(key) ?? []).filter((time) => time > since)
    if (times.length + count > this.perMinute) {
      this.recent.set(key, times)
      return false
    }
    for (let index = 0; index < count; index++) times.push(now)
    this.recent.set(key, times)
    return true
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < NOTE_RATE_WINDOW_MS) return
    this.lastSweep = now
    for (const [key, times] of this.recent) if ((times.at(-1) ?? 0) <= now - NOTE_RATE_WINDOW_MS) this.recent.delete(key)
  }
}
