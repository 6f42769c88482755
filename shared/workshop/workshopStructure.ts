import type { TLRecord } from '@tldraw/tlschema'
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
 * Clusters in tldraw's sibling order (fractional index: creation order unless reordered), depth
 * first, so a nested cluster follows the cluster it sits in.
 */
export function clustersInCanvasOrder(clusters: readonly ClusterShape[], byId: ReadonlyMap<string, TLRecord>): ClusterShape[] {
  const indexPath = (cluster: ClusterShape): string[] => {
    const path: string[] = []
    for (let current: TLRecord | undefined = cluster; current && isCluster(current); current = byId.get(current.parentId)) {
      if (path.length > byId.size) break // a parent cycle; the gate never lets one in
      path.unshift(current.index)
    }
    return path
  }
  const paths = new Map(clusters.map((cluster) => [cluster.id, indexPath(cluster)]))
  return [...clusters].sort((a, b) => {
    const pathA = paths.get(a.id)!
    const pathB = paths.get(b.id)!
    for (let level = 0; level < Math.min(pathA.length, pathB.length); level++) {
      const order = compareCodePoints(pathA[level]!, pathB[level]!)
      if (order !== 0) return order
    }
    return pathA.length - pathB.length || compareCodePoints(a.id, b.id)
  })
}
