import type { TLRecord } from '@tldraw/tlschema'
import { distinctClusterLabels } from '../../shared/export/clusterLabels.ts'
import { clustersInReadingOrder, placeOf } from '../../shared/workshop/workshopStructure.ts'
import { isBoard, isCluster, type ClusterShape } from '../../shared/workshop/workshopRecords.ts'
import { clusterTitle } from '../docView/clusterTitle.ts'

/**
 * The heading each cluster frame shows on the canvas and in its picture: the label the list view
 * and the protocol give it ("Verkehr (2)", `untitled` for one without a name), never tldraw's
 * English "Frame". A display rule only: the document keeps the name as typed.
 * `records` are the page's boards and clusters (other records are ignored).
 */
export function clusterHeadings(records: readonly TLRecord[], untitled: string): Map<string, string> {
  const byId = new Map<string, TLRecord>()
  for (const record of records) if (isBoard(record) || isCluster(record)) byId.set(record.id, record)
  const clustersByBoard = new Map<string, ClusterShape[]>()
  const headings = new Map<string, string>()
  for (const record of byId.values()) {
    if (!isCluster(record)) continue
    const { board } = placeOf(record.parentId, byId)
    // A cluster on no board is in no protocol: it shows its own name.
    if (!board) headings.set(record.id, clusterTitle({ label: record.props.name, unnamed: record.props.name.trim() === '' }, untitled))
    else clustersByBoard.set(board.id, [...(clustersByBoard.get(board.id) ?? []), record])
  }
  for (const clusters of clustersByBoard.values()) {
    // The export's order, so that numbering matches it (see client/docView/workshopModel.ts).
    const labels = distinctClusterLabels(clustersInReadingOrder(clusters, byId), byId)
    for (const cluster of clusters) {
      headings.set(cluster.id, clusterTitle({ label: labels.get(cluster.id)!, unnamed: cluster.props.name.trim() === '' }, untitled))
    }
  }
  return headings
}
