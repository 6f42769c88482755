import type { TLRecord } from '@tldraw/tlschema'
import { encodeStateAsUpdate } from 'yjs'
import { FullClient, plainNotes, type ClientSpec } from '../load/fullClient.ts'
import { flushed } from '../servers/targets.ts'
import type { NoteShape } from '../../shared/workshop/workshopRecords.ts'

/**
 * Writes `count` notes into a session as its moderator (who may write any note), in batches as a
 * bulk import would, and waits until the server has them. Returns the notes written.
 */
export async function writeNotes(moderator: ClientSpec, count: number, options: { batch?: number; boardIndex?: number; idPrefix?: string } = {}): Promise<NoteShape[]> {
  const client = new FullClient(moderator)
  try {
    await client.whenSynced(60_000)
    const board = client.boards()[options.boardIndex ?? 0]
    if (!board) throw new Error('session has no boards')
    const notes = plainNotes(board, moderator.author, count, options.idPrefix ?? 'bench-note')
    const batch = options.batch ?? 250
    for (let i = 0; i < notes.length; i += batch) {
      client.write(notes.slice(i, i + batch))
      await flushed(client, 0)
    }
    await flushed(client)
    return notes
  } finally {
    client.destroy()
  }
}

/**
 * Waits until the server holds at least `records` records (a fresh client syncs that many):
 * `writeNotes` returns when the writer's socket is drained, which on a busy machine can be
 * before the server applied and stored everything.
 */
export async function untilServerHolds(spec: ClientSpec, records: number, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs
  for (;;) {
    const probe = await syncFresh(spec, timeoutMs)
    probe.client.destroy()
    if (probe.records >= records) return
    if (performance.now() > deadline) throw new Error(`the server holds ${probe.records} records, expected at least ${records}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** Connects a fresh client and returns how many records it holds once synced, and the time it took. */
export async function syncFresh(spec: ClientSpec, timeoutMs = 30_000): Promise<{ ms: number; records: number; snapshotBytes: number; client: FullClient }> {
  const startedAt = performance.now()
  const client = new FullClient(spec)
  await client.whenSynced(timeoutMs)
  const ms = performance.now() - startedAt
  return { ms, records: client.doc.getArray<{ key: string; val: TLRecord }>('records').length, snapshotBytes: encodeStateAsUpdate(client.doc).byteLength, client }
}
