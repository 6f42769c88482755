import type { LoadWorker } from '../load/workerPool.ts'
import type { ResultRow } from '../report/rows.ts'
import type { TargetKind } from '../servers/targets.ts'

export interface BenchContext {
  quick: boolean
  /** Threads for light receivers (one per spare core share). */
  lightWorkers: LoadWorker[]
  /** Thread for full clients (senders, moderator). */
  fullWorker: LoadWorker
  /** Workloads named with --only (empty: all by default). */
  explicit: string[]
  /** Servers to run against, in order. */
  targets: TargetKind[]
  log(message: string): void
}

export type Workload = (context: BenchContext) => Promise<ResultRow[]>

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export const MB = 1024 * 1024
