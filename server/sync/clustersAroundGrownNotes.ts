import type * as Y from 'yjs'
import type { TLShape } from '@tldraw/tlschema'
import { getRecordStore, readRecords, writeRecords } from '../../shared/doc/documentLayout.ts'
import type { RecordChange, RecordChangeListener, RecordStore } from '../../shared/doc/recordStore.ts'
import { clusterGrowthOnBoard } from '../../shared/workshop/clusterGrowthOnBoard.ts'
import { recordSize } from '../../shared/workshop/recordSize.ts'
import { growSpotsInCluster, insideCluster } from '../../shared/workshop/clusterLayout.ts'
import { NotesByParent } from './notesByParent.ts'
import { isBoard, isCluster, isNote, type ClusterShape, type NoteShape } from '../../shared/workshop/workshopRecords.ts'

/**
 * A note in a cluster that is taller than the cluster's inside was cut off at the cluster's
 * bottom edge (clusters clip their notes) until a moderator moved it or tidied the board: its
 * author typed a long text, or dropped her long note into a small cluster. A moderator's canvas
 * grows the cluster itself (client/canvas/clusterGrowth.ts, and at a drop BoardFrameShapeUtil);
 * a participant may not change clusters, and a client's word is not enough to let them (the gate
 * would have to believe the note's height). So the server grows the cluster, as its own change
 * (`origin`) in the tick after the one that brought the note, the same way a moderator's canvas
 * does (shared clusterGrowthOnBoard: neighbouring clusters move aside).
 *
 * What counts:
 * - a note that got taller (its `growY` or scale, i.e. its text), or one created in a cluster;
 * - a note that entered a cluster (its parent changed to it), once it has come to rest there.
 *   tldraw puts a dragged note into the frame under the pointer while the drag goes on, and the
 *   canvas sends every frame of it: growing a frame under someone's pointer would keep it from
 *   being left, and a note dragged across the board would grow every cluster on its way. At the
 *   drop a participant's canvas slides the note inside the cluster's padding
 *   into a free spot inside (placeDroppedNotesInCluster), so a note that came to rest lies where
 *   `insideCluster` puts it; one too large for the cluster then sits at the padding and still
 *   reaches past the edge; one dropped into a full cluster lies at one of `growSpotsInCluster`, past it.
 * A note that only moved within its cluster is the canvas's business. A note that fits already
 * changes nothing, so a moderator's drop or typing, which their canvas fitted in the same
 * update, is left alone. Returns the function that stops watching.
 */
export function growClustersAroundGrownNotes(doc: Y.Doc, origin: unknown): () => void {
  const store = getRecordStore(doc)
  const notesByParent = new NotesByParent(store)
  /** Notes that entered a cluster and have not come to rest in it yet (a drag may still be going on). */
  const entering = new Set<string>()
  /**
   * The entering notes whose note, cluster or cluster's other notes changed since they were last
   * looked at: the others would come out as they did then (not at rest), so only these are
   * looked at again, and a note dragged about costs its own cluster's notes, not every record.
   */
  const unchecked = new Set<string>()
  const onChange: RecordChangeListener = (changes, transaction) => {
    notesByParent.apply(changes)
    // Whatever the origin: the server's own growth also changes where entering notes are to rest.
    if (entering.size > 0) markChanged(store, changes, entering, unchecked)
    if (transaction.origin === origin) return
    const grownNotes: string[] = []
    let enteringChanged = false
    for (const [id, change] of changes) {
      if (change.action === 'delete' || !isNote(change.newValue)) {
        entering.delete(id)
        unchecked.delete(id)
        continue
      }
      if (entering.has(id)) enteringChanged = true
      if (change.action === 'add') {
        grownNotes.push(id)
        continue
      }
      const { oldValue, newValue } = change
      if (!isNote(oldValue)) continue
      if (recordSize(newValue).h > recordSize(oldValue).h) grownNotes.push(id)
      else if (newValue.parentId !== oldValue.parentId) {
        entering.add(id)
        unchecked.add(id)
        enteringChanged = true
      }
    }
    // After the transaction that brought them, as a change of its own.
    if (grownNotes.length > 0 || enteringChanged) {
      queueMicrotask(() => {
        if (doc.isDestroyed) return // the room was unloaded meanwhile
        growClustersOf(doc, [...grownNotes, ...settledNotes(store, notesByParent, entering, unchecked)], origin)
      })
    }
  }
  store.on('change', onChange)
  return () => store.off('change', onChange)
}

/**
 * Adds to `unchecked` the entering notes that `changes` may bring to rest (or out of their
 * cluster): those changed themselves, and those whose cluster changed or gained, lost or moved
 * a note.
 */
function markChanged(store: RecordStore, changes: ReadonlyMap<string, RecordChange>, entering: ReadonlySet<string>, unchecked: Set<string>): void {
  const touched = new Set<string>()
  for (const [id, change] of changes) {
    if (entering.has(id)) unchecked.add(id)
    touched.add(id)
    if (change.action !== 'add' && isNote(change.oldValue)) touched.add(change.oldValue.parentId)
    if (change.action !== 'delete' && isNote(change.newValue)) touched.add(change.newValue.parentId)
  }
  for (const id of entering) {
    const note = store.get(id)
    if (note && isNote(note) && touched.has(note.parentId)) unchecked.add(id)
  }
}

/**
 * The unchecked entering notes that came to rest in their cluster; they, and those no longer in
 * a cluster, are no longer entering. All unchecked notes are checked by then.
 */
function settledNotes(store: RecordStore, notesByParent: NotesByParent, entering: Set<string>, unchecked: Set<string>): string[] {
  const settled: string[] = []
  for (const id of unchecked) {
    const note = store.get(id)
    const cluster = note && isNote(note) ? store.get(note.parentId) : undefined
    if (!note || !isNote(note) || !cluster || !isCluster(cluster)) entering.delete(id)
    else if (restsIn(notesByParent, cluster, note)) {
      entering.delete(id)
      settled.push(id)
    }
  }
  unchecked.clear()
  return settled
}

/**
 * Whether `note` lies where a drop leaves it in `cluster`: inside its padding, at the padding
 * where it is too large, or, the cluster being full, at the spot beside or below its other notes
 * that it is to grow around.
 */
function restsIn(notesByParent: NotesByParent, cluster: ClusterShape, note: NoteShape): boolean {
  const size = recordSize(note)
  const spot = insideCluster(cluster.props, { x: note.x, y: note.y, ...size })
  if (spot.x === note.x && spot.y === note.y) return true
  const others = notesByParent
    .notesIn(cluster.id)
    .filter((other) => other.id !== note.id)
    .map((other) => ({ x: other.x, y: other.y, ...recordSize(other) }))
  return growSpotsInCluster(cluster.props, size, others).some((spot) => spot.x === note.x && spot.y === note.y)
}

function growClustersOf(doc: Y.Doc, noteIds: readonly string[], origin: unknown): void {
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
