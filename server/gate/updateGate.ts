import type * as Y from 'yjs'
import { inspectUpdate, type UpdateInspection } from '../../shared/doc/updateInspection.ts'
import { judgeUpdate, type Actor } from '../../shared/permissions/updatePolicy.ts'
import { hasMissingPrerequisites } from './missingPrerequisites.ts'

/**
 * The gate every client update passes before it touches the server's document: decode it
 * (without applying), then ask the shared permission policy. Only `accept` may be applied,
 * stored and broadcast.
 *
 * - `accept`: apply it.
 * - `noop`: the update changes nothing we track (typically the empty sync step 2 of a client
 *   without local changes, or of a read-only connection); ignore it without complaint.
 * - `resync`: the update builds on changes the server has not seen (see hasMissingPrerequisites);
 *   not applied; the connection asks the client for what is missing.
 * - `refuse`: not applied; `reason` is meant for the writer.
 */
export type GateDecision =
  | { kind: 'accept'; inspection?: UpdateInspection }
  | { kind: 'noop' }
  | { kind: 'resync' }
  | { kind: 'refuse'; reason: string }

export function gateUpdate(doc: Y.Doc, actor: Actor, update: Uint8Array): GateDecision {
  const inspection = inspectUpdate(doc, update)
  if (actor.role === 'viewer' || (actor.role === 'participant' && actor.participantId === null)) {
    // Read-only and not-yet-joined connections send (empty) sync step 2 replies; those are fine.
    if (isEmpty(inspection)) return { kind: 'noop' }
  }
  // Only on the rare path: an update with gaps is always unresolvable for the inspection.
  if (inspection.unresolvable.length > 0 && hasMissingPrerequisites(doc, update)) return { kind: 'resync' }
  const verdict = judgeUpdate(doc, actor, inspection)
  return verdict.allowed ? { kind: 'accept', inspection } : { kind: 'refuse', reason: verdict.reason }
}

function isEmpty(inspection: UpdateInspection): boolean {
  return (
    inspection.added.size === 0 &&
    inspection.mapSets.size === 0 &&
    inspection.removed.size === 0 &&
    inspection.mapDeletes.size === 0 &&
    inspection.unresolvable.length === 0
  )
}
