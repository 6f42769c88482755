import type { ResultRow } from '../report/rows.ts'
import { startTarget, type TargetKind } from '../servers/targets.ts'
import type { BenchContext, Workload } from './context.ts'
import { runSessionLoad, type SessionLoadResult } from './sessionLoad.ts'

/**
 * Workload 1, fan-out: N clients in one session, 10 of them post a note every 100 ms; latency from
 * the post to its arrival at every other client. Measured twice: with light receivers (the
 * server's own fan-out cost) and with full Yjs clients end to end (smaller N: on 2 cores hundreds
 * of full clients measure the clients, not the server).
 */
export const fanOut: Workload = async (context) => {
  const durationMs = context.quick ? 2_000 : 20_000
  const lightSizes = context.quick ? [200, 500] : [50, 200, 500]
  // Full clients end to end only in the full run: at 50 their own decoding already dominates.
  const fullSizes = context.quick ? [] : [50, 200]
  const rows: ResultRow[] = []
  for (const clients of lightSizes) rows.push(...(await compare(context, `fan-out ${clients} light`, clients, 'light', durationMs)))
  for (const clients of fullSizes) rows.push(...(await compare(context, `fan-out ${clients} full e2e`, clients, 'full', durationMs)))
  return rows
}

async function compare(
  context: BenchContext,
  workload: string,
  clients: number,
  receivers: 'light' | 'full',
  durationMs: number,
): Promise<ResultRow[]> {
  const results = new Map<TargetKind, SessionLoadResult>()
  const failures: string[] = []
  for (const kind of context.targets) {
    context.log(`${workload}: ${kind} (${durationMs / 1000} s)`)
    // One failed size or server (e.g. a start timeout on an overloaded machine) leaves n/a, not a dead workload.
    try {
      const target = await startTarget(kind)
      try {
        results.set(kind, await runSessionLoad(context, target, { clients, senders: 10, receivers, postIntervalMs: 100, durationMs }))
      } finally {
        await target.stop()
      }
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!
      context.log(`${workload}: ${kind} failed: ${message}`)
      failures.push(`${kind} failed: ${message}`)
    }
  }
  const rows = latencyRows(workload, results)
  if (failures.length > 0) rows[0] = { ...rows[0]!, note: failures.join('; ') }
  return rows
}

export function latencyRows(workload: string, results: Map<TargetKind, SessionLoadResult>, prefix = ''): ResultRow[] {
  const ours = results.get('ours')
  const reference = results.get('reference')
  const row = (metric: string, unit: string, pick: (result: SessionLoadResult) => number): ResultRow => ({
    workload,
    metric: metric.startsWith('latency') || metric === 'delivered' ? prefix + metric : metric,
    unit,
    ours: ours ? pick(ours) : null,
    reference: reference ? pick(reference) : null,
  })
  return [
    row('latency p50', 'ms', (r) => r.latency.p50),
    row('latency p95', 'ms', (r) => r.latency.p95),
    row('latency p99', 'ms', (r) => r.latency.p99),
    row('latency max', 'ms', (r) => r.latency.max),
    row('delivered', '%', (r) => r.deliveredShare * 100),
    row('receivers disconnected', '', (r) => r.disconnected),
    row('server CPU', 'cores', (r) => r.serverCpu),
    row('load generator CPU', 'cores', (r) => r.benchCpu),
    row('other processes CPU', 'cores', (r) => r.othersCpu),
  ]
}
