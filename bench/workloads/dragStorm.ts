import type { TargetKind } from '../servers/targets.ts'
import { startTarget } from '../servers/targets.ts'
import type { ResultRow } from '../report/rows.ts'
import { MB, type Workload } from './context.ts'
import { latencyRows } from './fanOut.ts'
import { writeNotes } from './sessionContent.ts'
import { runSessionLoad, type SessionLoadResult } from './sessionLoad.ts'

/**
 * Workload 3, drag storm: a moderator drags 20 notes at 60 updates/s while 200 clients are
 * connected and 10 of them keep posting (a note every 500 ms each). Server CPU, bytes the
 * receivers got, and the latency of the posts made meanwhile.
 */
export const dragStorm: Workload = async (context) => {
  const durationMs = context.quick ? 2_000 : 10_000
  const clients = 200
  const workload = `drag storm ${clients} clients`
  const results = new Map<TargetKind, SessionLoadResult & { frames: number }>()
  for (const kind of context.targets) {
    context.log(`${workload}: ${kind} (${durationMs / 1000} s)`)
    const target = await startTarget(kind)
    let noteIds: string[] = []
    let frames = 0
    try {
      const result = await runSessionLoad(context, target, {
        clients,
        senders: 10,
        receivers: 'light',
        postIntervalMs: 500,
        durationMs,
        prepare: async (session) => {
          noteIds = (await writeNotes(session.moderator, 20, { boardIndex: 1, idPrefix: 'drag' })).map((note) => note.id)
        },
        alongside: async (session) => {
          const dragged = await context.fullWorker.run<'dragged'>(
            { type: 'drag', moderator: session.moderator, noteIds, hz: 60, durationMs },
            durationMs + 60_000,
          )
          frames = dragged.frames
        },
      })
      results.set(kind, { ...result, frames })
    } finally {
      await target.stop()
    }
  }
  const pick = (metric: string, unit: string, value: (r: SessionLoadResult & { frames: number }) => number): ResultRow => ({
    workload,
    metric,
    unit,
    ours: results.has('ours') ? value(results.get('ours')!) : null,
    reference: results.has('reference') ? value(results.get('reference')!) : null,
  })
  return [
    ...latencyRows(workload, results, 'post '),
    pick('bytes to receivers', 'MB', (r) => r.bytesToReceivers / MB),
    pick('drag updates sent', '', (r) => r.frames),
  ]
}
