import type { TLRecord } from '@tldraw/tlschema'
import { inReadingOrder, readingPlaceOnBoard } from '../workshop/readingOrder.ts'
import type { ClusterShape } from '../workshop/workshopRecords.ts'
import { compareStrings } from './ranking.ts'

/** What the protocol calls a cluster without a name. */
export const UNTITLED_CLUSTER = '(ohne Titel)'

/**
 * Each cluster's label in the export: unique on its board, so that no format (a CSV pivot by the
 * `Cluster` column, a Markdown heading, a ranking line) can merge two groups or leave a reader
 * guessing which one is meant. Clusters whose names a reader cannot tell apart (equal once spaces
 * are trimmed and collapsed and case is ignored, as a spreadsheet groups them; unnamed clusters
 * and any called "(ohne Titel)", the protocol's name for them) are taken in reading order of their places on the board: the first keeps its name
 * as it is, the next get " (2)", " (3)", … after their own trimmed name (or "(ohne Titel)"),
 * skipping a number whose label another cluster of the board already bears. A cluster whose name
 * is its own keeps it unchanged. `clusters` are all clusters of one board, nested ones too
 * (they are listed on the board).
 */
export function distinctClusterLabels(clusters: readonly ClusterShape[], byId: ReadonlyMap<string, TLRecord>): Map<string, string> {
  const labels = new Map<string, string>()
  const taken = new Set(clusters.map((cluster) => sameNameKey(cluster.props.name)))
  const byName = new Map<string, ClusterShape[]>()
  for (const cluster of clusters) {
    const key = sameNameKey(cluster.props.name)
    const group = byName.get(key)
    if (group) group.push(cluster)
    else byName.set(key, [cluster])
  }
  for (const group of byName.values()) {
    const [first, ...others] = inReadingOrder(group, (cluster) => readingPlaceOnBoard(cluster, byId), (a, b) =>
      compareStrings(a.index, b.index) || compareStrings(a.id, b.id),
    )
    labels.set(first!.id, first!.props.name)
    let number = 1
    for (const cluster of others) {
      const base = cluster.props.name.trim().replace(/\s+/g, ' ') || UNTITLED_CLUSTER
      let label: string
      do label = `${base} (${++number})`
      while (taken.has(sameNameKey(label)))
      taken.add(sameNameKey(label))
      labels.set(cluster.id, label)
    }
  }
  return labels
}

/**
 * Names a reader takes for the same: spaces trimmed and collapsed, case ignored, Unicode
 * normalised; no name is "(ohne Titel)", as the protocol shows it.
 */
function sameNameKey(name: string): string {
  const key = name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()
  return key === '' ? UNTITLED_KEY : key
}

const UNTITLED_KEY = UNTITLED_CLUSTER.toLowerCase()
