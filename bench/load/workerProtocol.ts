import type { ClientSpec } from './fullClient.ts'

/** Jobs the main thread gives a load worker, and what it answers. */
export type WorkerJob =
  | {
      type: 'openLight'
      urls: string[]
      concurrency: number
      timeoutMs: number
      /** Record latencies of marked posts. */
      measure: boolean
      /** Send an awareness state on connect and then every interval (random phase). */
      awarenessIntervalMs?: number
    }
  | { type: 'openFull'; specs: ClientSpec[]; concurrency: number; timeoutMs: number; measure: boolean }
  | { type: 'resetMeasure' }
  | { type: 'collect' }
  /** How many arrivals were recorded so far (cheap; for draining). */
  | { type: 'count' }
  | { type: 'post'; intervalMs: number; durationMs: number; firstSender: number; totalSenders: number }
  | { type: 'drag'; moderator: ClientSpec; noteIds: string[]; hz: number; durationMs: number }
  | { type: 'closeAll' }

export type WorkerJobResult =
  | { type: 'done' }
  | { type: 'opened'; opened: number; failed: number; firstError?: string }
  | {
      type: 'collected'
      latencies: Float64Array
      /** Per post key, how many receivers of this worker got it. */
      deliveries: Record<string, number>
      bytesReceived: number
      disconnected: number
    }
  | { type: 'posted'; posted: number }
  | { type: 'counted'; arrivals: number }
  | { type: 'dragged'; frames: number }
