import type * as Y from 'yjs'
import { getRecordStore, RECORDS_ARRAY_NAME } from '../../shared/doc/documentLayout.ts'
import { recordChangesOf, type UpdateInspection } from '../../shared/doc/updateInspection.ts'
import { refusal, type Refusal } from '../../shared/permissions/refusal.ts'
import type { Actor } from '../../shared/permissions/updatePolicy.ts'
import { DocumentSizeGuard } from './documentSizeGuard.ts'
import { NoteRateLimiter } from './noteRateLimiter.ts'

export interface WriteLimitOptions {
  /** Largest encoded document per session. */
  maxDocumentBytes: number
  /** New notes per participant per minute; 0 = unlimited. Moderators are not limited. */
  notesPerMinute: number
}

const MIB = 1024 * 1024

/**
 * The limits every write into a session's document passes after the permission gate: the
 * document's size and each participant's note rate. Each refusal is a shared refusal
 * (shared/permissions/refusal.ts: `documentFull`, `tooManyNotes`) that names the limit, so its
 * code travels with it to the websocket or HTTP answer; nothing is counted for a refused write.
 */
export class WriteLimits {
  private readonly noteRate: NoteRateLimiter
  private readonly sizeGuards = new WeakMap<Y.Doc, DocumentSizeGuard>()

  constructor(
    private readonly options: WriteLimitOptions,
    now: () => number = Date.now,
  ) {
    this.noteRate = new NoteRateLimiter(options.notesPerMinute, now)
  }

  /** Why a client update the gate accepted must still be refused, or undefined when it may be applied. */
  checkUpdate(sessionId: string, doc: Y.Doc, actor: Actor, update: Uint8Array, inspection: UpdateInspection): Refusal | undefined {
    const grows = inspection.added.size > 0 || inspection.mapSets.size > 0
    if (grows && !this.documentFits(doc, update.byteLength)) return this.documentFull()
    if (actor.role !== 'participant' || !actor.participantId) return undefined
    const newNotes = countNewNotes(doc, inspection)
    if (!this.noteRate.take(`${sessionId}:${actor.participantId}`, newNotes)) return this.tooManyNotes()
    return undefined
  }

  /** The same limits for a note the server writes for a participant (sealed notes of hidden mode), with the HTTP status to answer. */
  checkServerNote(sessionId: string, doc: Y.Doc, participantId: string, approximateBytes: number): { status: number; refusal: Refusal } | undefined {
    if (!this.documentFits(doc, approximateBytes)) return { status: 507, refusal: this.documentFull() }
    if (!this.noteRate.take(`${sessionId}:${participantId}`, 1)) return { status: 429, refusal: this.tooManyNotes() }
    return undefined
  }

  private documentFits(doc: Y.Doc, bytes: number): boolean {
    let guard = this.sizeGuards.get(doc)
    if (!guard) {
      guard = new DocumentSizeGuard(doc, this.options.maxDocumentBytes)
      this.sizeGuards.set(doc, guard)
    }
    return guard.fits(bytes)
  }

  private documentFull(): Refusal {
    const limit = this.options.maxDocumentBytes
    const shown = limit >= MIB ? `${Math.round((limit / MIB) * 10) / 10} MiB` : `${limit} bytes`
    return refusal('documentFull', { limit: shown })
  }

  private tooManyNotes(): Refusal {
    return refusal('tooManyNotes', { notes: this.options.notesPerMinute })
  }
}

/** Notes the update creates (record puts of `note` shapes whose id the document does not hold yet). */
function countNewNotes(doc: Y.Doc, inspection: UpdateInspection): number {
  if (!inspection.added.has(RECORDS_ARRAY_NAME)) return 0
  const records = getRecordStore(doc)
  let count = 0
  for (const [id, record] of recordChangesOf(inspection).put)
    if ((record as { type?: unknown } | null)?.type === 'note' && !records.has(id)) count++
  return count
}
