import { describe, expect, it } from 'vitest'
import { getMetaMap, writeRecords } from '../../shared/doc/documentLayout.ts'
import { getModerationMap, readModerationState } from '../../shared/moderation/moderationState.ts'
import { getDotsMap } from '../../shared/workshop/dots.ts'
import { createSession, join, moderate } from '../testing/apiClient.ts'
import { addNote } from '../testing/notes.ts'
import { serverForThisFile } from '../testing/serverForThisFile.ts'
import { waitFor } from '../testing/syncClient.ts'

const fixture = serverForThisFile()
const client = fixture.client

/** A session with Anna writing (A) and an observer (B), both synced. */
async function workshop() {
  const session = await createSession(fixture.server.origin)
  const anna = await join(fixture.server.origin, session.id, 'Anna')
  const a = client(session.id, { participant: anna.participantToken })
  const b = client(session.id)
  await Promise.all([a.synced(), b.synced()])
  return { session, anna, a, b, author: { authorId: anna.participantId, authorName: 'Anna' } }
}

describe('the update gate', () => {
  it('drops a viewer’s writes: never broadcast, never stored, connection kept', async () => {
    const { session, a, b, author } = await workshop()
    const viewer = client(session.id, { token: session.viewerToken })
    await viewer.synced()
    const forbidden = addNote(viewer.doc, author, 'vom Beamer')
    await waitFor('permission denied for the viewer', () => viewer.denied.length > 0)
    // Anna's later note reaches B only after the server processed the viewer's update.
    const marker = addNote(a.doc, author, 'Markierung')
    await waitFor('B to receive the marker', () => b.hasNote(marker.id))
    expect(b.hasNote(forbidden.id)).toBe(false)
    expect(viewer.closes).toEqual([])
    await fixture.server.restart('SIGTERM')
    const fresh = client(session.id)
    await fresh.synced()
    expect(fresh.hasNote(marker.id)).toBe(true)
    expect(fresh.hasNote(forbidden.id)).toBe(false)
  }, 60_000)

  it('refuses a participant writing the moderation state or meta directly (4001), B sees nothing', async () => {
    const { session, anna, b } = await workshop()
    const writer = client(session.id, { participant: anna.participantToken })
    await writer.synced()
    getModerationMap(writer.doc).set('phase', 'closed')
    const closed = await writer.closedWith(4001)
    expect(closed.reason).toMatch(/update refused: "moderation" is written by the server only/)
    expect(writer.denied[0]).toMatch(/moderation/)
    writer.destroy()

    const metaWriter = client(session.id, { participant: anna.participantToken })
    await metaWriter.synced()
    getMetaMap(metaWriter.doc).set('template', { title: 'gekapert', questions: ['?'] })
    await metaWriter.closedWith(4001)
    metaWriter.destroy()

    const fresh = client(session.id)
    await fresh.synced()
    expect(readModerationState(fresh.doc).phase).toBe('collect')
    expect((getMetaMap(fresh.doc).get('template') as { title: string }).title).not.toBe('gekapert')
    expect(readModerationState(b.doc).phase).toBe('collect')
  })

  it('refuses a note with a forged author and writes of a connection that has not joined', async () => {
    const { session, a, b } = await workshop()
    const forged = addNote(a.doc, { authorId: 'somebody-else', authorName: 'Ben' }, 'in fremdem Namen')
    await a.closedWith(4001)
    a.destroy()

    const anonymous = client(session.id)
    await anonymous.synced()
    const unsigned = addNote(anonymous.doc, { authorId: 'anyone', authorName: 'X' }, 'ohne Beitritt')
    expect((await anonymous.closedWith(4001)).reason).toMatch(/join the session/)
    anonymous.destroy()

    const fresh = client(session.id)
    await fresh.synced()
    expect(fresh.hasNote(forged.id)).toBe(false)
    expect(fresh.hasNote(unsigned.id)).toBe(false)
    expect(b.hasNote(forged.id)).toBe(false)
  })

  it('holds the dot budget against a client writing dots directly', async () => {
    const { session, anna, a, b, author } = await workshop()
    const note = addNote(a.doc, author, 'punktwürdig')
    await waitFor('B to receive the note', () => b.hasNote(note.id))
    const started = await moderate(fixture.server.origin, session.id, session.moderatorToken, {
      action: 'startVoting',
      dotsPerParticipant: 2,
      maxPerTarget: null,
      hideResults: false,
    })
    expect(started.status).toBe(200)
    const roundId = started.json.voting.roundId as string
    await waitFor('A to see the round', () => readModerationState(a.doc).voting?.roundId === roundId)

    const dot = (id: string) => ({ voterId: anna.participantId, targetId: note.id, roundId, createdAt: new Date().toISOString() })
    a.doc.transact(() => {
      getDotsMap(a.doc).set('dot-1', dot('dot-1'))
      getDotsMap(a.doc).set('dot-2', dot('dot-2'))
    })
    await waitFor('B to receive two dots', () => getDotsMap(b.doc).size === 2)

    getDotsMap(a.doc).set('dot-3', dot('dot-3'))
    expect((await a.closedWith(4001)).reason).toMatch(/only 2 dots/)
    a.destroy()
    const fresh = client(session.id, { participant: anna.participantToken })
    await fresh.synced()
    expect([...getDotsMap(fresh.doc).keys()].sort()).toEqual(['dot-1', 'dot-2'])
  })
  it('gives a removed note’s dots back: the voter may place them again, and no more', async () => {
    const { session, anna, a, b, author } = await workshop()
    const removed = addNote(a.doc, author, 'wird entfernt')
    const kept = addNote(a.doc, author, 'bleibt')
    await waitFor('B to receive the notes', () => b.hasNote(removed.id) && b.hasNote(kept.id))
    const started = await moderate(fixture.server.origin, session.id, session.moderatorToken, {
      action: 'startVoting',
      dotsPerParticipant: 2,
      maxPerTarget: null,
      hideResults: false,
    })
    const roundId = started.json.voting.roundId as string
    await waitFor('A to see the round', () => readModerationState(a.doc).voting?.roundId === roundId)
    const dot = (targetId: string) => ({ voterId: anna.participantId, targetId, roundId, createdAt: new Date().toISOString() })
    a.doc.transact(() => {
      getDotsMap(a.doc).set('dot-1', dot(removed.id))
      getDotsMap(a.doc).set('dot-2', dot(removed.id))
    })
    await waitFor('B to receive two dots', () => getDotsMap(b.doc).size === 2)

    // The moderator removes the note (say, an abusive one): Anna's two dots count no longer.
    const moderator = client(session.id, { token: session.moderatorToken })
    await moderator.synced()
    writeRecords(moderator.doc, { remove: [removed.id] })
    await waitFor('A to see the note gone', () => !a.hasNote(removed.id))

    a.doc.transact(() => {
      getDotsMap(a.doc).set('dot-3', dot(kept.id))
      getDotsMap(a.doc).set('dot-4', dot(kept.id))
    })
    await waitFor('B to receive the dots given back', () => getDotsMap(b.doc).has('dot-4'))
    getDotsMap(a.doc).set('dot-5', dot(kept.id))
    expect((await a.closedWith(4001)).reason).toMatch(/only 2 dots/)
    a.destroy()
    const fresh = client(session.id, { participant: anna.participantToken })
    await fresh.synced()
    // The removed note's dots stay in the document (they count again should the note come back).
    expect([...getDotsMap(fresh.doc).keys()].sort()).toEqual(['dot-1', 'dot-2', 'dot-3', 'dot-4'])
  })
})
