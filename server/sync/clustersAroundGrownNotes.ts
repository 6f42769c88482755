import type * as Y from 'yjs'
import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { getRecordStore, readRecords, writeRecords } from '../../shared/doc/documentLayout.ts'
import { clusterGrowthOnBoard, recordSize } from '../../shared/workshop/clusterGrowthOnBoard.ts'
import { isBoard, isCluster, isNote } from '../../shared/workshop/workshopRecords.ts'

/**
 * A note in a cluster that gets taller than the cluster's inside (its author types a long text)
 * was cut off at the cluster's bottom edge (clusters clip their notes) until a moderator moved it
 * or tidied the board. A moderator's canvas grows the cluster itself (client/canvas/clusterGrowth.ts);
 * a participant may not change clusters, and a client's word is not enough to let them (the gate
 * would have to believe the note's height). So the server grows the cluster, as its own change
 * (`origin`) in the tick after the one that brought the note's new height, the same way a
 * moderator's canvas does (shared clusterGrowthOnBoard: neighbouring clusters move aside).
 *
 * Only a note that got taller (its `growY` or scale, i.e. its text) counts, not one that moved:
 * a note dragged over a cluster's edge is the drop's business (the canvas's), and growing a frame
 * under someone's pointer would keep it from being left. A note that fits already changes nothing,
 * so a moderator's typing, which their canvas fitted in the same update, is left alone.
 * Returns the function that stops watching.
 */
export function growClustersAroundGrownNotes(doc: Y.Doc, origin: unknown): () => void {
  const store = getRecordStore(doc)
  const onChange = (
    changes: Map<string, { action: 'add' | 'update' | 'delete'; oldValue?: TLRecord; newValue?: TLRecord }>,
    transaction: Y.Transaction,
  ) => {
    if (transaction.origin === origin) return
    const grownNotes: string[] = []
    for (const [id, change] of changes) {
      const { oldValue, newValue } = change
      if (change.action !== 'update' || !oldValue || !newValue || !isNote(oldValue) || !isNote(newValue)) continue
      if (recordSize(newValue).h > recordSize(oldValue).h) grownNotes.push(id)
    }
    // After the transaction that brought them, as a change of its own.
    if (grownNotes.length > 0) queueMicrotask(() => growClustersOf(doc, grownNotes, origin))
  }
  store.on('change', onChange)
  return () => store.off('change', onChange)
}

function growClustersOf(doc: Y.Doc, noteIds: readonly string[], origin: unknown): void {
  if (doc.isDestroyed) return // the room was unloaded meanwhile
  const store = getRecordStore(doc)
  const clusterIds = new Set<string>()
  for (const id of noteIds) {
    const note = store.get(id)
    const parent = note && isNote(note) ? store.get(note.parentId) : undefined
    if (parent && isCluster(parent)) clusterIds.add(parent.id)
  }
  if (clusterIds.size === 0) return
  let records = readRecords(doc)
  const changed: TLShape[] = []
  for (const clusterId of clusterIds) {
    const cluster = records.find((record) => record.id === clusterId)
    if (!cluster || !isCluster(cluster)) continue
    const board = records.find((record) => record.id === cluster.parentId)
    if (!board || !isBoard(board)) continue
    const shapes = records.filter((record): record is TLShape => record.typeName === 'shape' && (record.parentId === board.id || record.parentId === cluster.id))
    const grown = clusterGrowthOnBoard(board, cluster, shapes)
    if (grown.length === 0) continue
    changed.push(...grown)
    // The next cluster (of the same batch) sees these where they went.
    records = records.map((record) => grown.find((shape) => shape.id === record.id) ?? record)
  }
  if (changed.length > 0) writeRecords(doc, { put: changed }, origin)
}
