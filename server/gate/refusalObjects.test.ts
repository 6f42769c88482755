import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { writeModerationState } from '../../shared/moderation/moderationState.ts'
import { refusal, refusalText } from '../../shared/permissions/refusal.ts'
import type { Actor } from '../../shared/permissions/updatePolicy.ts'
import { defaultTemplate } from '../../shared/template/defaultTemplate.ts'
import { seedSessionDocument } from '../../shared/workshop/seedSession.ts'
import { addNote } from '../testing/notes.ts'
import { createUpdateCheck } from './updateChecks.ts'
import type { GateVerdict } from './updateGate.ts'
import { WriteLimits } from './writeLimits.ts'

/**
 * The gate and the write limits hand their refusals on as objects (code and parameters), and the
 * text the connection sends is made from that object. Asserting the objects, not a text read
 * back, is the point: a server path that built a text by hand (and lost its code once someone
 * reworded it) fails here.
 */
const anna: Actor = { role: 'participant', participantId: 'p-anna', authorName: 'Anna' }
const moderator: Actor = { role: 'moderator', participantId: 'm-1' }

function setup(limits: { maxDocumentBytes?: number; notesPerMinute?: number } = {}) {
  const server = new Y.Doc()
  seedSessionDocument(server, defaultTemplate)
  const check = createUpdateCheck({
    gateDisabled: false,
    limits: new WriteLimits({ maxDocumentBytes: limits.maxDocumentBytes ?? 1024 * 1024, notesPerMinute: limits.notesPerMinute ?? 0 }),
  })
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  /** Writes a note on the client as the app does and passes its update through the checks; applies it when accepted. */
  const write = (actor: Actor, text: string): GateVerdict => {
    const before = Y.encodeStateVector(client)
    addNote(client, { authorId: actor.participantId ?? 'moderation', authorName: actor.authorName ?? 'Moderation' }, text)
    const update = Y.encodeStateAsUpdate(client, before)
    const verdict = check({ sessionId: 's-1', doc: server }, actor, update)
    if (verdict.kind === 'accept') Y.applyUpdate(server, update)
    return verdict
  }
  return { server, write }
}

describe('refusals of the update checks', () => {
  it('a note beyond NOTES_PER_MINUTE is refused with tooManyNotes and its limit', () => {
    const { write } = setup({ notesPerMinute: 2 })
    expect(write(anna, 'eins').kind).toBe('accept')
    expect(write(anna, 'zwei').kind).toBe('accept')
    const third = write(anna, 'drei')
    expect(third).toEqual({ kind: 'refuse', refusal: refusal('tooManyNotes', { notes: 2 }), reason: refusalText(refusal('tooManyNotes', { notes: 2 })) })
    // The bytes on the wire stay what they were.
    expect(third.kind === 'refuse' && third.reason).toBe('too many new notes: at most 2 per minute, please wait a moment')
  })

  it('an update that would pass MAX_DOCUMENT_BYTES is refused with documentFull and the limit as shown', () => {
    const { write } = setup({ maxDocumentBytes: 0 })
    const refused = write(moderator, 'x'.repeat(100))
    expect(refused).toEqual({ kind: 'refuse', refusal: refusal('documentFull', { limit: '0 bytes' }), reason: refusalText(refusal('documentFull', { limit: '0 bytes' })) })
    const big = setup({ maxDocumentBytes: 3 * 1024 * 1024 })
    const seeded = Y.encodeStateAsUpdate(big.server).byteLength
    expect(seeded).toBeLessThan(3 * 1024 * 1024)
    // Fill the document to just below its limit so the next note does not fit.
    const filler = big.write(moderator, 'y'.repeat(3 * 1024 * 1024 - seeded - 2_000))
    expect(filler.kind).toBe('accept')
    const overflow = big.write(moderator, 'z'.repeat(4_000))
    expect(overflow.kind === 'refuse' && overflow.refusal).toEqual(refusal('documentFull', { limit: '3 MiB' }))
    expect(overflow.kind === 'refuse' && overflow.reason).toBe(
      'the workshop document is full (limit 3 MiB); ask the moderation to export it and start a new workshop',
    )
  })

  it('a permission refusal keeps the policy’s refusal object', () => {
    const { server, write } = setup()
    writeModerationState(server, { hiddenMode: true })
    const refused = write(anna, 'offen')
    expect(refused).toEqual({ kind: 'refuse', refusal: refusal('hiddenModeSealedRoute'), reason: refusalText(refusal('hiddenModeSealedRoute')) })
  })
})

describe('WriteLimits.checkServerNote (sealed notes)', () => {
  it('answers with the refusal object and its HTTP status', () => {
    const doc = new Y.Doc()
    seedSessionDocument(doc, defaultTemplate)
    const rate = new WriteLimits({ maxDocumentBytes: 1024 * 1024, notesPerMinute: 1 })
    expect(rate.checkServerNote('s-1', doc, 'p-anna', 100)).toBeUndefined()
    expect(rate.checkServerNote('s-1', doc, 'p-anna', 100)).toEqual({ status: 429, refusal: refusal('tooManyNotes', { notes: 1 }) })
    const size = new WriteLimits({ maxDocumentBytes: 2048, notesPerMinute: 0 })
    expect(size.checkServerNote('s-1', doc, 'p-anna', 100)).toEqual({ status: 507, refusal: refusal('documentFull', { limit: '2048 bytes' }) })
  })
})
