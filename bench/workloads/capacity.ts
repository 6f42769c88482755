import { split } from '../load/workerPool.ts'
import type { ResultRow } from '../report/rows.ts'
import { CpuAccount, ProcSampler, sampleProc, waitForQuiet } from '../servers/procStats.ts'
import { startTarget, type TargetKind } from '../servers/targets.ts'
import { MB, sleep, type Workload } from './context.ts'

interface CapacityResult {
  idleRssMb: number
  rssMb: number
  peakRssMb: number
  connectS: number
  cpu: number
  othersCpu: number
  failed: number
}

/**
 * Workload 2, capacity: 2,000 connections over 100 seeded sessions, each sending awareness
 * heartbeats (a y-protocols client renews its state every 15 s; here at least twice per hold
 * window, with random phases). Server RSS and CPU from /proc while they are all held.
 */
export const capacity: Workload = async (context) => {
  const sessions = context.quick ? 25 : 100
  const perSession = 20
  const holdMs = context.quick ? 3_000 : 20_000
  const heartbeatMs = Math.min(15_000, holdMs / 2)
  const workload = `capacity ${sessions * perSession} conns / ${sessions} sessions`
  const results = new Map<TargetKind, CapacityResult>()
  for (const kind of context.targets) {
    context.log(`${workload}: ${kind}`)
    const target = await startTarget(kind)
    try {
      await sleep(500)
      const idle = sampleProc(target.server.pid)
      const ids: string[] = []
      for (let i = 0; i < sessions; i += 10) {
        const batch = await Promise.all(Array.from({ length: Math.min(10, sessions - i) }, () => target.createSession()))
        ids.push(...batch.map((session) => session.id))
      }
      const urls = ids.flatMap((id) => Array.from({ length: perSession }, () => target.receiverUrl(id)))
      const connectStart = performance.now()
      const opened = await Promise.all(
        split(urls, context.lightWorkers.length).map((slice, index) =>
          context.lightWorkers[index]!.run<'opened'>({ type: 'openLight', urls: slice, concurrency: 50, timeoutMs: 60_000, measure: false, awarenessIntervalMs: heartbeatMs }),
        ),
      )
      const connectS = (performance.now() - connectStart) / 1000
      await sleep(1000)
      await waitForQuiet(context.quick ? 1_000 : 10_000)
      const sampler = new ProcSampler(target.server.pid)
      const account = new CpuAccount(target.server.pid)
      await sleep(holdMs)
      const cpu = account.stop()
      const samples = sampler.stop()
      results.set(kind, {
        idleRssMb: idle.rssBytes / MB,
        rssMb: samples.last.rssBytes / MB,
        peakRssMb: samples.maxRssBytes / MB,
        connectS,
        cpu: cpu.server,
        othersCpu: cpu.others,
        failed: opened.reduce((sum, result) => sum + result.failed, 0),
      })
    } finally {
      await Promise.all(context.lightWorkers.map((worker) => worker.run({ type: 'closeAll' }).catch(() => undefined)))
      await target.stop()
    }
  }
  const row = (metric: string, unit: string, pick: (result: CapacityResult) => number, note?: string): ResultRow => ({
    workload,
    metric,
    unit,
    ours: results.has('ours') ? pick(results.get('ours')!) : null,
    reference: results.has('reference') ? pick(results.get('reference')!) : null,
    ...(note ? { note } : {}),
  })
  return [
    row('server RSS, all connected', 'MB', (r) => r.rssMb),
    row('server RSS, peak while held', 'MB', (r) => r.peakRssMb),
    row('server RSS, idle after start', 'MB', (r) => r.idleRssMb),
    row('server CPU while held', 'cores', (r) => r.cpu, `awareness heartbeat every ${heartbeatMs / 1000} s per connection`),
    row('time to connect + sync all', 's', (r) => r.connectS),
    row('failed connections', '', (r) => r.failed),
    row('other processes CPU', 'cores', (r) => r.othersCpu),
  ]
}
