import { FullClient } from '../load/fullClient.ts'
import type { ResultRow } from '../report/rows.ts'
import { storedBytes, type StoredBytes } from '../servers/storedBytes.ts'
import { flushed, startTarget, type TargetKind } from '../servers/targets.ts'
import { sleep, type Workload } from './context.ts'
import { syncFresh, writeNotes } from './sessionContent.ts'

interface GrowthResult {
  snapshotBytes: number
  live?: StoredBytes
  unloaded?: StoredBytes
  writeS: number
}

/**
 * Workload 4, document growth: 1,000 notes, each moved 50 times (a moderator rearranging, 20
 * notes per drag update). What our server stores in SQLite — while the session is live and after
 * it was unloaded (compaction) — against a fresh snapshot of the final state
 * (`Y.encodeStateAsUpdate`). The reference persists nothing; only its snapshot is shown.
 */
export const documentGrowth: Workload = async (context) => {
  const notes = context.quick ? 300 : 1_000
  const moves = context.quick ? 15 : 50
  const perUpdate = 20
  const workload = `growth ${notes} notes × ${moves} moves`
  const results = new Map<TargetKind, GrowthResult>()
  for (const kind of context.targets) {
    context.log(`${workload}: ${kind}`)
    const target = await startTarget(kind)
    try {
      const session = await target.createSession()
      const started = performance.now()
      const written = await writeNotes(session.moderator, notes, { idPrefix: 'growth' })
      const mover = new FullClient(session.moderator)
      await mover.whenSynced(60_000)
      for (let round = 1; round <= moves; round++) {
        for (let i = 0; i < written.length; i += perUpdate) {
          mover.write(written.slice(i, i + perUpdate).map((note) => ({ ...note, x: note.x + (round % 7) * 3, y: note.y + (round % 5) * 2 })))
        }
        // Pace by the server: never more than one round in flight.
        await flushed(mover, 0)
      }
      await flushed(mover, 300)
      const writeS = (performance.now() - started) / 1000
      mover.destroy()
      const fresh = await syncFresh(session.moderator)
      const result: GrowthResult = { snapshotBytes: fresh.snapshotBytes, writeS }
      if (target.server.dataDir) result.live = storedBytes(target.server.dataDir, session.id)
      fresh.client.destroy()
      if (target.server.dataDir) {
        // Every connection is gone: wait out UNLOAD_GRACE_MS (1 s) so the session unloads.
        await sleep(2_500)
        result.unloaded = storedBytes(target.server.dataDir, session.id)
      }
      results.set(kind, result)
    } finally {
      await target.stop()
    }
  }
  const ours = results.get('ours')
  const reference = results.get('reference')
  const persisted = (metric: string, unit: string, value: (r: GrowthResult) => number | undefined, note?: string): ResultRow => ({
    workload,
    metric,
    unit,
    ours: ours ? (value(ours) ?? null) : null,
    reference: null,
    note: note ?? 'the reference persists nothing',
  })
  return [
    {
      workload,
      metric: 'final snapshot (encodeStateAsUpdate)',
      unit: 'KB',
      ours: ours ? ours.snapshotBytes / 1024 : null,
      reference: reference ? reference.snapshotBytes / 1024 : null,
    },
    persisted('stored updates, session live', 'KB', (r) => (r.live ? r.live.updateBytes / 1024 : undefined)),
    persisted('stored rows, session live', '', (r) => r.live?.updateRows),
    persisted('stored updates, after unload', 'KB', (r) => (r.unloaded ? r.unloaded.updateBytes / 1024 : undefined)),
    persisted('stored / snapshot, live', '×', (r) => (r.live ? r.live.updateBytes / r.snapshotBytes : undefined)),
    persisted('stored / snapshot, after unload', '×', (r) => (r.unloaded ? r.unloaded.updateBytes / r.snapshotBytes : undefined)),
    persisted('database files on disk', 'KB', (r) => (r.unloaded ? r.unloaded.filesBytes / 1024 : undefined), 'pinnwand.sqlite + WAL + shm'),
    {
      workload,
      metric: 'time to write and move all',
      unit: 's',
      ours: ours?.writeS ?? null,
      reference: reference?.writeS ?? null,
    },
  ]
}
