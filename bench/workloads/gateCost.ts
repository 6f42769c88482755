import { readFileSync } from 'node:fs'
import type { ResultRow } from '../report/rows.ts'
import { startTarget } from '../servers/targets.ts'
import type { Workload } from './context.ts'
import { runSessionLoad, type SessionLoadResult } from './sessionLoad.ts'

/**
 * What the permission gate costs: fan-out at 200 light receivers against our server with the
 * gate on and with it off. Needs a switch in the server's configuration; the bench never edits
 * the server, so without one this reports n/a. In this workload's rows the "reference" column
 * holds OUR server with the gate OFF (the ratio is the gate's cost).
 */
export const GATE_OFF_ENV = { PINNWAND_DISABLE_GATE: '1' } as const

function serverHasGateSwitch(): boolean {
  try {
    return readFileSync('server/config.ts', 'utf8').includes(Object.keys(GATE_OFF_ENV)[0]!)
  } catch {
    return false
  }
}

export const gateCost: Workload = async (context) => {
  const clients = 200
  const workload = `gate on vs off, ${clients} light`
  const name = Object.keys(GATE_OFF_ENV)[0]!
  if (!context.targets.includes('ours') || !serverHasGateSwitch()) {
    return [{ workload, metric: 'latency p99', unit: 'ms', ours: null, reference: null, note: `our server has no ${name} switch yet (server/config.ts)` }]
  }
  const durationMs = context.quick ? 2_000 : 20_000
  const results: SessionLoadResult[] = []
  for (const env of [{}, GATE_OFF_ENV]) {
    context.log(`${workload}: ${Object.keys(env).length ? 'gate off' : 'gate on'}`)
    const target = await startTarget('ours', { env })
    try {
      results.push(await runSessionLoad(context, target, { clients, senders: 10, receivers: 'light', postIntervalMs: 100, durationMs }))
    } finally {
      await target.stop()
    }
  }
  const [on, off] = results as [SessionLoadResult, SessionLoadResult]
  const note = `ours = gate on, reference column = ours with ${name}=1`
  const row = (metric: string, unit: string, pick: (r: SessionLoadResult) => number): ResultRow => ({ workload, metric, unit, ours: pick(on), reference: pick(off), note })
  return [
    row('latency p50', 'ms', (r) => r.latency.p50),
    row('latency p99', 'ms', (r) => r.latency.p99),
    row('server CPU', 'cores', (r) => r.serverCpu),
  ]
}
