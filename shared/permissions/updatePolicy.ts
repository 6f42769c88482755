import type { TLRecord } from '@tldraw/tlschema'
import type * as Y from 'yjs'
import { RECORDS_ARRAY_NAME } from '../doc/documentLayout.ts'
import { pinnwandSchema } from '../doc/tldrawSchema.ts'
import { recordChangesOf, type UpdateInspection } from '../doc/updateInspection.ts'
import { DOTS_MAP_NAME, dotSchema, type Dot } from '../workshop/dots.ts'
import {
  ALLOWED,
  judgeDots,
  judgeRecordDelete,
  judgeRecordRules,
  judgeRecordWrite,
  participantContext,
  refuse,
  type Actor,
  type Verdict,
} from './participantRules.ts'

/**
 * Who may change what, decided from an inspected update and the document as it is now.
 * Used by the server's gate on every incoming update and by the client to grey out what
 * would be refused anyway. Moderators may change any record; participants only their own
 * notes and dots, as the phase allows; viewers nothing. Roots other than records and dots
 * (meta, moderation) are written by the server alone. The rules themselves are in
 * participantRules.ts; this file adds the decoding of updates and tldraw's record validation.
 */
export type { Actor, Role, Verdict } from './participantRules.ts'

const CLIENT_ARRAY_ROOTS = new Set([RECORDS_ARRAY_NAME])
const CLIENT_MAP_ROOTS = new Set([DOTS_MAP_NAME])

export function judgeUpdate(doc: Y.Doc, actor: Actor, inspection: UpdateInspection): Verdict {
  if (actor.role === 'viewer') return refuse('readOnlyViewer')
  if (inspection.unresolvable.length > 0) return refuse('updateNotAccepted', { detail: inspection.unresolvable[0]! })

  for (const root of [...inspection.added.keys(), ...inspection.removed.keys()])
    if (!CLIENT_ARRAY_ROOTS.has(root)) return refuse('serverOnlyRoot', { root })
  for (const root of [...inspection.mapSets.keys(), ...inspection.mapDeletes.keys()])
    if (!CLIENT_MAP_ROOTS.has(root)) return refuse('serverOnlyRoot', { root })

  const changes = recordChangesOf(inspection)
  if (changes.malformed > 0) return refuse('malformedRecords')
  for (const [id, value] of changes.put) {
    const verdict = validateRecord(id, value)
    if (!verdict.allowed) return verdict
  }
  const dotSets = inspection.mapSets.get(DOTS_MAP_NAME) ?? new Map<string, unknown>()
  for (const [dotId, value] of dotSets)
    if (!dotSchema.safeParse(value).success) return refuse('malformedDot', { dotId })

  if (actor.role === 'moderator') return ALLOWED
  if (!actor.participantId) return refuse('notJoined')

  const context = participantContext(doc, actor.participantId, actor.authorName)
  for (const [id, record] of changes.put) {
    const verdict = judgeRecordWrite(context, id, record as TLRecord)
    if (!verdict.allowed) return verdict
  }
  for (const id of changes.deleted) {
    const verdict = judgeRecordDelete(context, id)
    if (!verdict.allowed) return verdict
  }
  return judgeDots(doc, context, dotSets as Map<string, Dot>, inspection.mapDeletes.get(DOTS_MAP_NAME) ?? new Set())
}

/**
 * One record write judged before it becomes an update (`record` undefined = delete), with the
 * same rules as {@link judgeUpdate}. Clients use it to keep changes the gate would refuse local
 * (a refusal closes their connection and costs a full resync).
 */
export function judgeRecordChange(doc: Y.Doc, actor: Actor, id: string, record: TLRecord | undefined): Verdict {
  if (actor.role === 'viewer') return refuse('readOnlyViewer')
  if (record) {
    const verdict = validateRecord(id, record)
    if (!verdict.allowed) return verdict
  }
  return judgeRecordRules(doc, actor, id, record)
}

function validateRecord(id: string, value: unknown): Verdict {
  try {
    const record = pinnwandSchema().validateRecord(null as never, value as TLRecord, 'tests', null)
    if (record.id !== id) return refuse('recordKeyMismatch', { id })
    return ALLOWED
  } catch (error) {
    return refuse('invalidRecord', { id, detail: (error as Error).message })
  }
}

