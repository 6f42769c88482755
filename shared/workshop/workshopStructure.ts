import type { TLRecord } from '@tldraw/tlschema'
import { inReadingOrder, readingPlaceOnBoard } from './readingOrder.ts'
import { isBoard, isCluster, type BoardShape, type ClusterShape } from './workshopRecords.ts'

/**
 * How notes and clusters hang together, read from the records' parents. A note belongs to its
 * nearest cluster and to the board above that; clusters may nest inside clusters. Shared by the
 * export and the views without a canvas (list, phone), so both show the same structure.
 */

/** The nearest cluster and the board above a parent id; a cycle or a missing parent ends the walk. */
export function placeOf(parentId: string, byId: ReadonlyMap<string, TLRecord>): { board?: BoardShape; cluster?: ClusterShape } {
  let cluster: ClusterShape | undefined
  const seen = new Set<string>()
  for (let current = byId.get(parentId); current && !seen.has(current.id); ) {
    seen.add(current.id)
    if (isBoard(current)) return { board: current, cluster }
    if (isCluster(current)) cluster ??= current
    current = 'parentId' in current ? byId.get(current.parentId) : undefined
  }
  return {}
}

/** Code-point order: the same on every machine, unlike localeCompare. */
const compareCodePoints = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Clusters as a person reads the board (readingOrder.ts: rows top to bottom, left to right, by
 * each frame's top-left corner), depth first: a nested cluster follows the cluster it sits in,
 * its siblings there in reading order too. Frames on the same spot go by tldraw's sibling order.
 */
export function clustersInReadingOrder(clusters: readonly ClusterShape[], byId: ReadonlyMap<string, TLRecord>): ClusterShape[] {
  const given = new Set(clusters.map((cluster) => cluster.id as string))
  const children = new Map<string, ClusterShape[]>()
  const topLevel: ClusterShape[] = []
  for (const cluster of clusters) {
    if (given.has(cluster.parentId)) {
      const siblings = children.get(cluster.parentId)
      if (siblings) siblings.push(cluster)
      else children.set(cluster.parentId, [cluster])
    } else topLevel.push(cluster)
  }
  const ordered: ClusterShape[] = []
  const listed = new Set<string>()
  const list = (level: readonly ClusterShape[]) => {
    const inOrder = inReadingOrder(level, (cluster) => readingPlaceOnBoard(cluster, byId), (a, b) =>
      compareCodePoints(a.index, b.index) || compareCodePoints(a.id, b.id),
    )
    for (const cluster of inOrder) {
      if (listed.has(cluster.id)) continue
      listed.add(cluster.id)
      ordered.push(cluster)
      list(children.get(cluster.id) ?? [])
    }
  }
  list(topLevel)
  // Clusters in a parent cycle reach no top level; the gate never lets one in, but list them all.
  list(clusters.filter((cluster) => !listed.has(cluster.id)))
  return ordered
}
