import { UNTITLED_CLUSTER } from '../../shared/export/clusterLabels.ts'
import type { ClusterView } from './workshopModel.ts'

/**
 * A cluster's name as the list and phone views show it: the export's label, so that both read
 * "Verkehr (2)" where the protocol does; for a cluster without a name, `untitled` (the reader's
 * word for the protocol's "(ohne Titel)") in place of the protocol's, numbered as there.
 */
export function clusterTitle(cluster: Pick<ClusterView, 'label' | 'unnamed'>, untitled: string): string {
  if (!cluster.unnamed) return cluster.label
  // The first unnamed cluster keeps its (blank) name; the others are "(ohne Titel) (2)", ….
  return cluster.label.startsWith(UNTITLED_CLUSTER) ? untitled + cluster.label.slice(UNTITLED_CLUSTER.length) : untitled
}
