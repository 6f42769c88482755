import { buildExport } from '../../shared/export/exportModel.ts'
import { EXPORT_FORMAT_IDS, exportFormats } from '../../shared/export/formats/index.ts'
import type { ResultRow } from '../report/rows.ts'
import { startTarget, type BenchSession, type Target, type TargetKind } from '../servers/targets.ts'
import type { BenchContext, Workload } from './context.ts'
import { syncFresh, untilServerHolds, writeNotes } from './sessionContent.ts'

const NOTES = 5_000
/** Restarts of our server timed in a full run (3 with --quick). */
const COLD_STARTS = 5

interface ColdStart {
  startMs: number
  syncMs: number
  records: number
}

/**
 * Workload 5, cold load: a session with 5,000 notes; our server is stopped and started again,
 * then timed from process start to the first client fully synced (the session comes from SQLite),
 * several times (one start varies by ±20 % on a shared 2-core machine): medians.
 * The reference has no persistence: only the in-memory sync of a fresh client compares.
 *
 * Workload 6, export: each export format of the same 5,000 notes, through our HTTP route when it
 * exists (what a moderator waits for), else by the shared renderers in this process.
 */
export const coldLoadAndExport: Workload = async (context) => {
  const workload = `cold load ${NOTES} notes`
  const rows: ResultRow[] = []
  const warm = new Map<TargetKind, number>()
  const colds: ColdStart[] = []
  let exportRows: ResultRow[] = []
  for (const kind of context.targets) {
    context.log(`${workload} + export: ${kind}`)
    const target = await startTarget(kind)
    try {
      const session = await target.createSession()
      await writeNotes(session.moderator, NOTES, { idPrefix: 'cold' })
      await untilServerHolds(session.moderator, NOTES)
      if (kind === 'ours') {
        const restarts = context.quick ? 3 : COLD_STARTS
        let first: Awaited<ReturnType<typeof syncFresh>> | undefined
        for (let i = 0; i < restarts; i++) {
          first?.client.destroy()
          await target.server.restart()
          const syncStarted = performance.now()
          first = await syncFresh(session.moderator, 60_000)
          colds.push({ startMs: target.server.lastStartMs, syncMs: performance.now() - syncStarted, records: first.records })
          if (first.records < NOTES) throw new Error(`after the restart the session had ${first.records} records, expected at least ${NOTES}`)
        }
        if (!first) throw new Error('no cold start was measured')
        try {
          // The moderator exports from inside the session: its room stays in memory meanwhile,
          // the same for every format (otherwise it unloads after UNLOAD_GRACE_MS, and later
          // formats would pay for reading the session from SQLite again).
          exportRows = await measureExports(context, target, session)
        } finally {
          first.client.destroy()
        }
      }
      const again = await syncFresh(session.moderator, 60_000)
      warm.set(kind, again.ms)
      again.client.destroy()
    } finally {
      await target.stop()
    }
  }
  const onlyOurs = 'the reference has no persistence'
  const starts = `median of ${colds.length} restarts`
  const spread = (values: number[]) => `${starts} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)} ms)`
  const startMs = colds.map((cold) => cold.startMs)
  const syncMs = colds.map((cold) => cold.syncMs)
  const totalMs = colds.map((cold) => cold.startMs + cold.syncMs)
  const cold = colds.length > 0
  rows.push(
    { workload, metric: 'process start → healthy', unit: 'ms', ours: cold ? median(startMs) : null, reference: null, note: `${spread(startMs)}; node + the bundled server (dist/server) starting, before any session is loaded` },
    { workload, metric: 'first client synced after start', unit: 'ms', ours: cold ? median(syncMs) : null, reference: null, note: `${spread(syncMs)}; ${onlyOurs}; load from SQLite + full sync of ${colds[0]?.records ?? '?'} records` },
    { workload, metric: 'server start → first client synced', unit: 'ms', ours: cold ? median(totalMs) : null, reference: null, note: `${spread(totalMs)}; ${onlyOurs}` },
    { workload, metric: 'fresh client synced, session in memory', unit: 'ms', ours: warm.get('ours') ?? null, reference: warm.get('reference') ?? null },
  )
  return [...rows, ...exportRows]
}

async function measureExports(context: BenchContext, target: Target, session: BenchSession): Promise<ResultRow[]> {
  const workload = `export ${NOTES} notes`
  const runs = context.quick ? 3 : 5
  const token = session.moderator.params.token ?? ''
  const viaHttp = await fetch(`${target.server.origin}/api/sessions/${session.id}/export?format=json`, { headers: { authorization: `Bearer ${token}` } })
  await viaHttp.arrayBuffer()
  const rows: ResultRow[] = []
  if (viaHttp.ok) {
    for (const format of EXPORT_FORMAT_IDS) {
      const times: number[] = []
      let bytes = 0
      // One export first, not counted: it loads the format's renderer (a lazy chunk) and runs
      // its code for the first time; the runs after it are what a moderator usually waits for.
      for (let i = -1; i < runs; i++) {
        const started = performance.now()
        const response = await fetch(`${target.server.origin}/api/sessions/${session.id}/export?format=${format}`, { headers: { authorization: `Bearer ${token}` } })
        bytes = (await response.arrayBuffer()).byteLength
        if (!response.ok) throw new Error(`export ${format}: HTTP ${response.status}`)
        if (i >= 0) times.push(performance.now() - started)
      }
      rows.push({ workload, metric: `${format} (HTTP, median of ${runs})`, unit: 'ms', ours: median(times), reference: null, note: `${(bytes / 1024).toFixed(0)} KB; session in memory, after one export not counted; the reference has no export` })
    }
    return rows
  }
  // No export route yet: time the shared renderers on a synced copy of the document.
  const copy = await syncFresh(session.moderator, 60_000)
  try {
    for (const format of EXPORT_FORMAT_IDS) {
      const times: number[] = []
      let bytes = 0
      for (let i = 0; i < runs; i++) {
        const started = performance.now()
        const model = buildExport(copy.client.doc, { sessionId: session.id, exportedAt: new Date(), anonymise: false, includeEmpty: true })
        const output = await exportFormats[format].render(model)
        bytes = typeof output === 'string' ? Buffer.byteLength(output) : output.byteLength
        times.push(performance.now() - started)
      }
      rows.push({
        workload,
        metric: `${format} (in process, median of ${runs})`,
        unit: 'ms',
        ours: median(times),
        reference: null,
        note: `${(bytes / 1024).toFixed(0)} KB; HTTP route answered ${viaHttp.status}, so buildExport + render were timed in the bench process`,
      })
    }
  } finally {
    copy.client.destroy()
  }
  return rows
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}
