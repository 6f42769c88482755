import type { AppContext } from '../app/appContext.ts'
import { logError, logInfo } from '../logging/log.ts'
import { deleteSessionData } from './sessionDeletion.ts'

const DAY_MS = 24 * 3_600_000

/**
 * RETENTION_DAYS: sessions whose last activity (a document change or a join) is older are
 * deleted with all their data, checked when the server starts and then every `intervalMs`.
 * 0 days keeps everything forever. Only counts are logged, never session contents.
 */
export class RetentionJob {
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly app: Pick<AppContext, 'rooms' | 'store' | 'now'>,
    private readonly retentionDays: number,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    if (this.retentionDays === 0) return
    this.runSafely()
    this.timer = setInterval(() => this.runSafely(), this.intervalMs)
    this.timer.unref()
  }

  stop(): void {
    clearInterval(this.timer)
  }

  /** Deletes every expired session; returns how many. */
  run(): number {
    const cutoff = new Date(this.app.now().getTime() - this.retentionDays * DAY_MS).toISOString()
    const expired = this.app.store.listSessionsInactiveSince(cutoff)
    for (const sessionId of expired) deleteSessionData(this.app, sessionId, `session deleted after ${this.retentionDays} days without activity`)
    return expired.length
  }

  private runSafely(): void {
    try {
      const deleted = this.run()
      if (deleted > 0) logInfo(`[pinnwand] retention: deleted ${deleted} session(s) inactive for more than ${this.retentionDays} days`)
    } catch (error) {
      logError('[pinnwand] retention check failed:', error)
    }
  }
}
