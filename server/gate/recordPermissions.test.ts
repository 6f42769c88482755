import type { TLFrameShape, TLShapeId } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { describe, expect, it } from 'vitest'
import { getRecordStore, readRecords, writeRecords } from '../../shared/doc/documentLayout.ts'
import { boardsInOrder, type ClusterShape, type NoteShape } from '../../shared/workshop/workshopRecords.ts'
import { createSession, join, moderate } from '../testing/apiClient.ts'
import { addNote } from '../testing/notes.ts'
import { serverForThisFile } from '../testing/serverForThisFile.ts'
import { SyncTestClient, waitFor } from '../testing/syncClient.ts'

/**
 * The permission list, each refusal by a stock y-websocket client that writes the
 * document directly (nothing of our client's UI in the way): deletes and edits of other
 * people's notes, forged author ids and names, clusters moved into outside the clustering
 * phase. The moderator may do all of it.
 */
const fixture = serverForThisFile()
const client = fixture.client

/** Anna has posted a note; Ben (joined) and an observer are connected and have it. */
async function workshopWithAnnasNote() {
  const session = await createSession(fixture.server.origin)
  const anna = await join(fixture.server.origin, session.id, 'Anna')
  const ben = await join(fixture.server.origin, session.id, 'Ben')
  const a = client(session.id, { participant: anna.participantToken })
  const b = client(session.id, { participant: ben.participantToken })
  const observer = client(session.id)
  await Promise.all([a.synced(), b.synced(), observer.synced()])
  const note = addNote(a.doc, { authorId: anna.participantId, authorName: 'Anna' }, 'Mehr Radwege')
  await waitFor('everyone to have Anna’s note', () => b.hasNote(note.id) && observer.hasNote(note.id))
  return { session, anna, ben, a, b, observer, note }
}

function noteIn(client: SyncTestClient, id: string): NoteShape | undefined {
  return getRecordStore(client.doc).get(id) as NoteShape | undefined
}

/** A fresh reader's view of a note: what the server holds. */
async function storedNote(sessionId: string, id: string): Promise<NoteShape | undefined> {
  const reader = client(sessionId)
  await reader.synced()
  const note = noteIn(reader, id)
  reader.destroy()
  return note
}

function clusterOn(board: { id: TLShapeId }, id: string): ClusterShape {
  const frame: TLFrameShape = {
    id: `shape:${id}` as TLShapeId,
    typeName: 'shape',
    type: 'frame',
    parentId: board.id,
    index: 'a9' as IndexKey,
    x: 40,
    y: 220,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    props: { w: 500, h: 500, name: 'Verkehr', color: 'black' },
    meta: { kind: 'cluster' },
  }
  return frame as ClusterShape
}

describe('per-record permissions against stock clients', () => {
  it('refuses deleting and editing someone else’s note; the moderator may delete it', async () => {
    const { session, b, observer, note } = await workshopWithAnnasNote()
    writeRecords(b.doc, { remove: [note.id] })
    expect((await b.closedWith(4001)).reason).toMatch(/only delete their own notes/)
    b.destroy()

    const carla = await join(fixture.server.origin, session.id, 'Carla')
    const editor = client(session.id, { participant: carla.participantToken })
    await editor.synced()
    const annas = noteIn(editor, note.id)!
    writeRecords(editor.doc, { put: [{ ...annas, props: { ...annas.props, color: 'red' } }] })
    expect((await editor.closedWith(4001)).reason).toMatch(/only change their own notes/)
    editor.destroy()

    expect(observer.hasNote(note.id)).toBe(true)
    expect((await storedNote(session.id, note.id))?.props.color).toBe(note.props.color)

    const moderator = client(session.id, { token: session.moderatorToken })
    await moderator.synced()
    writeRecords(moderator.doc, { remove: [note.id] })
    await waitFor('the observer to see the moderator’s delete', () => !observer.hasNote(note.id))
    expect(moderator.closes).toEqual([])
  })

  it('refuses forged author ids and names, and a note handed over to someone else', async () => {
    const { session, anna, ben, a, observer, note } = await workshopWithAnnasNote()
    // Anna's own note, rewritten to be Ben's.
    const handedOver = { ...noteIn(a, note.id)!, meta: { ...note.meta, authorId: ben.participantId, authorName: 'Ben' } }
    writeRecords(a.doc, { put: [handedOver] })
    expect((await a.closedWith(4001)).reason).toMatch(/author cannot change/)
    a.destroy()

    // A new note in Ben's name from Anna's connection.
    const again = client(session.id, { participant: anna.participantToken })
    await again.synced()
    const forgedId = addNote(again.doc, { authorId: ben.participantId, authorName: 'Ben' }, 'Ben war es')
    expect((await again.closedWith(4001)).reason).toMatch(/authored by its writer/)
    again.destroy()

    // Her own id, but somebody else's name.
    const third = client(session.id, { participant: anna.participantToken })
    await third.synced()
    const forgedName = addNote(third.doc, { authorId: anna.participantId, authorName: 'Bürgermeister' }, 'amtlich')
    expect((await third.closedWith(4001)).reason).toMatch(/name its writer joined with/)
    third.destroy()

    // A participant token from another session is no identity here.
    const elsewhere = await createSession(fixture.server.origin)
    const stranger = await join(fixture.server.origin, elsewhere.id, 'Fremd')
    await client(session.id, { participant: stranger.participantToken }).closedWith(4403)

    expect(noteIn(observer, note.id)?.meta.authorId).toBe(anna.participantId)
    expect(observer.hasNote(forgedId.id) || observer.hasNote(forgedName.id)).toBe(false)
    const stored = await storedNote(session.id, note.id)
    expect(stored?.meta.authorId).toBe(anna.participantId)
  })

  it('lets participants move their notes into clusters only in the clustering phase', async () => {
    const { session, anna, b, observer, note } = await workshopWithAnnasNote()
    const moderator = client(session.id, { token: session.moderatorToken })
    await moderator.synced()
    const board = boardsInOrder(readRecords(moderator.doc))[1]!
    const cluster = clusterOn(board, 'cluster-verkehr')
    writeRecords(moderator.doc, { put: [cluster] })
    await waitFor('the observer to see the cluster', () => observer.hasNote(cluster.id))

    const intoCluster = (writer: SyncTestClient) => {
      const current = noteIn(writer, note.id)!
      writeRecords(writer.doc, { put: [{ ...current, parentId: cluster.id, x: 20, y: 60 }] })
    }
    // Collecting: moving on the board is fine, into a cluster is not.
    const collecting = client(session.id, { participant: anna.participantToken })
    await collecting.synced()
    intoCluster(collecting)
    expect((await collecting.closedWith(4001)).reason).toMatch(/clusters only in phase "cluster"/)
    collecting.destroy()
    expect(noteIn(observer, note.id)?.parentId).toBe(board.id)

    // A participant may not build clusters either.
    const builder = client(session.id, { participant: anna.participantToken })
    await builder.synced()
    writeRecords(builder.doc, { put: [clusterOn(board, 'cluster-eigen')] })
    expect((await builder.closedWith(4001)).reason).toMatch(/only write notes/)
    builder.destroy()

    expect((await moderate(fixture.server.origin, session.id, session.moderatorToken, { action: 'setPhase', phase: 'cluster' })).status).toBe(200)
    // Ben may not move Anna's note even now.
    await waitFor('Ben to see the clustering phase', () => b.doc.getMap('moderation').get('phase') === 'cluster')
    intoCluster(b)
    expect((await b.closedWith(4001)).reason).toMatch(/only change their own notes/)

    const clustering = client(session.id, { participant: anna.participantToken })
    await clustering.synced()
    intoCluster(clustering)
    await waitFor('the observer to see the note in the cluster', () => noteIn(observer, note.id)?.parentId === cluster.id)
    expect(clustering.closes).toEqual([])
    expect((await storedNote(session.id, note.id))?.parentId).toBe(cluster.id)
  })
})
