import type * as Y from 'yjs'
import { inspectUpdate, type UpdateInspection } from '../../shared/doc/updateInspection.ts'
import { refusalText, type Refusal } from '../../shared/permissions/refusal.ts'
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
 * - `refuse`: not applied; `refusal` says why (code and parameters), `reason` is its English text
 *   for the writer (what the y-protocols permission-denied message carries).
 */
export type GateVerdict = { kind: 'accept'; inspection?: UpdateInspection } | { kind: 'noop' } | { kind: 'resync' } | GateRefusal

/** A refused update: the shared refusal itself, and the text made from it (never the other way round). */
export interface GateRefusal {
  kind: 'refuse'
  refusal: Refusal
  reason: string
}

/** The refuse decision for a refusal; its `reason` is the refusal's text, so the two cannot drift. */
export function refused(refusal: Refusal): GateRefusal {
  return { kind: 'refuse', refusal, reason: refusalText(refusal) }
}

export function gateUpdate(doc: Y.Doc, actor: Actor, update: Uint8Array): GateVerdict {
  const inspection = inspectUpdate(doc, update)
  // Every client answers the server's sync step 1, most often with nothing the server lacks:
  // fine from anyone (read-only and not-yet-joined connections included), and no progress for a
  // connection whose earlier updates had gaps (server/sync counts its resyncs until progress).
  if (isEmpty(inspection)) return { kind: 'noop' }
  // Only on the rare path: an update with gaps is always unresolvable for the inspection.
  if (inspection.unresolvable.length > 0 && hasMissingPrerequisites(doc, update)) return { kind: 'resync' }
  const verdict = judgeUpdate(doc, actor, inspection)
  return verdict.allowed ? { kind: 'accept', inspection } : refused(verdict.refusal)
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
