import type { Editor, TLRecord } from 'tldraw'
import { readBoardMeta, readClusterMeta, readNoteMeta, type BoardMeta, type ClusterMeta, type NoteMeta } from '../../shared/workshop/recordMeta.ts'
import { boardsInOrder, type BoardShape, type ClusterShape, type NoteShape } from '../../shared/workshop/workshopRecords.ts'

/**
 * The shared meta readers and record tests, remembered per meta object. They validate with zod,
 * which under the CSP runs without its compiled fast path; the canvas reads every note's meta on
 * every render of every note (1,000 at once when a board opens) and scans all notes when any
 * record changes. A record's meta object is replaced, never changed, when the record changes,
 * so its identity is a safe key.
 */
function remembered<T>(read: (meta: unknown) => T | undefined): (meta: unknown) => T | undefined {
  const cache = new WeakMap<object, T | null>()
  return (meta) => {
    if (typeof meta !== 'object' || meta === null) return read(meta)
    let value = cache.get(meta)
    if (value === undefined) {
      value = read(meta) ?? null
      cache.set(meta, value)
    }
    return value ?? undefined
  }
}

export const noteMetaOf: (meta: unknown) => NoteMeta | undefined = remembered(readNoteMeta)
export const boardMetaOf: (meta: unknown) => BoardMeta | undefined = remembered(readBoardMeta)
export const clusterMetaOf: (meta: unknown) => ClusterMeta | undefined = remembered(readClusterMeta)

/** The shared `isNote`, `isBoard` and `isCluster` (workshopRecords.ts) on remembered metas. */
export function isNoteShape(record: TLRecord): record is NoteShape {
  return record.typeName === 'shape' && record.type === 'note' && noteMetaOf(record.meta) !== undefined
}

export function isBoardShape(record: TLRecord): record is BoardShape {
  return record.typeName === 'shape' && record.type === 'frame' && boardMetaOf(record.meta) !== undefined
}

export function isClusterShape(record: TLRecord): record is ClusterShape {
  return record.typeName === 'shape' && record.type === 'frame' && clusterMetaOf(record.meta) !== undefined
}

/**
 * The boards in question order. Boards lie on the page itself, so only the page's own children
 * are looked at (a handful), not every note: overlays that follow the boards re-read them in
 * every frame of a pan and after every change to any note.
 */
export function pageBoards(editor: Editor): BoardShape[] {
  const children = editor.getSortedChildIdsForParent(editor.getCurrentPageId())
  return boardsInOrder(children.map((id) => editor.getShape(id)).filter((shape) => shape !== undefined))
}
