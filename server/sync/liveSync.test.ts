import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { createSession, join, type Joined } from '../testing/apiClient.ts'
import type { AwarenessUser } from '../../shared/presence/awarenessUser.ts'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as authProtocol from 'y-protocols/auth'
import { refusal, refusalText } from '../../shared/permissions/refusal.ts'
import { CLOSE_CODES } from './closeCodes.ts'
import { encodeAwarenessEntries, encodeAwarenessMessage, encodeSyncStep2, encodeUpdateMessage, MESSAGE_AUTH } from './protocolMessages.ts'
import { addNote } from '../testing/notes.ts'
import { serverForThisFile } from '../testing/serverForThisFile.ts'
import { waitFor } from '../testing/syncClient.ts'

const fixture = serverForThisFile()
const client = fixture.client

/** A raw websocket to /yjs, for what a stock client never sends. */
function rawSocket(path: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(fixture.server.origin.replace(/^http/, 'ws') + path)
    socket.once('open', () => resolve(socket))
    socket.once('error', reject)
  })
}

function closeOf(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })))
}

/** The awareness `user` a client of this joined participant announces (see shared/presence). */
function claimOf(joined: Joined, role: 'participant' | 'moderator' = 'participant'): AwarenessUser {
  return { participantId: joined.participantId, name: joined.name, color: '#4ba1f1', role }
}

function userNameOf(observer: ReturnType<typeof client>, clientId: number): string | undefined {
  return (observer.provider.awareness.getStates().get(clientId) as { user?: AwarenessUser } | undefined)?.user?.name
}

describe('live sync with stock y-websocket clients', () => {
  it('delivers a note from A to B', async () => {
    const session = await createSession(fixture.server.origin)
    const anna = await join(fixture.server.origin, session.id, 'Anna')
    const a = client(session.id, { participant: anna.participantToken })
    const b = client(session.id)
    await Promise.all([a.synced(), b.synced()])
    const note = addNote(a.doc, { authorId: anna.participantId, authorName: 'Anna' }, 'Mehr Bürgerhaushalt')
    await waitFor('B to receive the note', () => b.hasNote(note.id))
    expect(b.noteTexts().join()).toContain('Mehr Bürgerhaushalt')
  })

  it('refuses an unknown session with 4404, a malformed id with 4400, a wrong token with 4403', async () => {
    const session = await createSession(fixture.server.origin)
    const unknown = client('AAAAAAAAAAAAAAAAAAAAAA')
    expect((await unknown.closedWith(4404)).reason).toMatch(/unknown session/)
    const wrongToken = client(session.id, { token: 'not-the-token' })
    await wrongToken.closedWith(4403)
    const forged = client(session.id, { participant: 'someone.AAAA' })
    await forged.closedWith(4403)

    const malformed = await rawSocket('/yjs/bad%2F..%2Fid')
    expect((await closeOf(malformed)).code).toBe(4400)
    // Never created implicitly: still unknown over HTTP.
    expect((await fetch(`${fixture.server.origin}/api/sessions/AAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(404)
  })

  it('closes only the sender of garbage (1007) or oversized frames (1009); others keep syncing', async () => {
    const session = await createSession(fixture.server.origin)
    const anna = await join(fixture.server.origin, session.id, 'Anna')
    const a = client(session.id, { participant: anna.participantToken })
    const b = client(session.id)
    await Promise.all([a.synced(), b.synced()])

    const garbage = await rawSocket(`/yjs/${session.id}`)
    const garbageClosed = closeOf(garbage)
    garbage.send(Buffer.from([0, 2, 200, 1, 2, 3, 4, 5]))
    expect((await garbageClosed).code).toBe(1007)

    const unknownType = await rawSocket(`/yjs/${session.id}`)
    const unknownClosed = closeOf(unknownType)
    unknownType.send(Buffer.from([9, 9, 9]))
    expect((await unknownClosed).code).toBe(1007)

    const text = await rawSocket(`/yjs/${session.id}`)
    const textClosed = closeOf(text)
    text.send('hello')
    expect((await textClosed).code).toBe(1007)

    const oversized = await rawSocket(`/yjs/${session.id}`)
    const oversizedClosed = closeOf(oversized)
    oversized.send(Buffer.alloc(2 * 1024 * 1024, 1))
    expect((await oversizedClosed).code).toBe(1009)

    const note = addNote(a.doc, { authorId: anna.participantId, authorName: 'Anna' }, 'nach dem Müll')
    await waitFor('B to keep syncing', () => b.hasNote(note.id))
    expect(a.closes).toEqual([])
    expect(b.closes).toEqual([])
  })

  it('shares presence, and a connection cannot speak for another client id', async () => {
    const session = await createSession(fixture.server.origin)
    const anna = await join(fixture.server.origin, session.id, 'Anna')
    const ben = await join(fixture.server.origin, session.id, 'Ben')
    const a = client(session.id, { participant: anna.participantToken })
    const b = client(session.id, { participant: ben.participantToken })
    await Promise.all([a.synced(), b.synced()])
    a.provider.awareness.setLocalStateField('user', claimOf(anna))
    await waitFor('B to see Anna', () => userNameOf(b, a.doc.clientID) === 'Anna')

    // B claims A's client id with a newer clock: the server ignores that entry.
    const forged = encodeAwarenessEntries([{ clientId: a.doc.clientID, clock: 1000, state: JSON.stringify({ user: claimOf(ben) }) }])
    b.provider.ws!.send(encodeAwarenessMessage(forged))
    // Then something legitimate from B, which A sees only after the forged part was processed.
    b.provider.awareness.setLocalStateField('user', claimOf(ben))
    const c = client(session.id)
    await c.synced()
    await waitFor('C to see Ben', () => userNameOf(c, b.doc.clientID) === 'Ben')
    expect(userNameOf(c, a.doc.clientID)).toBe('Anna')
  })

  it('shares a presence only under the identity its connection joined with', async () => {
    const session = await createSession(fixture.server.origin)
    const moderator = await join(fixture.server.origin, session.id, 'Moderation')
    const mallory = await join(fixture.server.origin, session.id, 'Mallory')
    const m = client(session.id, { participant: mallory.participantToken })
    const anonymous = client(session.id)
    const observer = client(session.id)
    await Promise.all([m.synced(), anonymous.synced(), observer.synced()])
    const clientId = m.doc.clientID
    const everSeen: AwarenessUser[] = []
    observer.provider.awareness.on('change', () => {
      for (const state of observer.provider.awareness.getStates().values()) if ((state as any).user) everSeen.push((state as any).user)
    })
    const send = (socket: { send(data: Uint8Array): void }, clock: number, state: unknown) =>
      socket.send(encodeAwarenessMessage(encodeAwarenessEntries([{ clientId, clock, state: JSON.stringify(state) }])))

    // What follow mode would follow, and what the online list would show: all ignored.
    send(m.provider.ws!, 100, { user: { ...claimOf(mallory), role: 'moderator' } })
    send(m.provider.ws!, 101, { user: { ...claimOf(moderator), role: 'moderator' } })
    send(m.provider.ws!, 102, { user: { ...claimOf(mallory), name: 'Moderation' } })
    send(m.provider.ws!, 103, { user: { name: 'Moderation' } })
    // A connection that never joined claims nobody, but may share a state without a name.
    anonymous.provider.awareness.setLocalStateField('user', claimOf(mallory))
    anonymous.provider.awareness.setLocalState({ cursor: { x: 1, y: 2 } })
    // Last, Mallory as herself.
    send(m.provider.ws!, 104, { user: claimOf(mallory) })

    await waitFor('the observer to see Mallory as herself', () => userNameOf(observer, clientId) === 'Mallory')
    await waitFor('the observer to see the nameless cursor', () => (observer.provider.awareness.getStates().get(anonymous.doc.clientID) as any)?.cursor?.x === 1)
    const seen = [...observer.provider.awareness.getStates().values()].map((state: any) => state.user).filter(Boolean)
    expect(seen).toEqual([claimOf(mallory)])
    // The refused claims never reached the observer, not even for a moment.
    expect(everSeen.length).toBeGreaterThan(0)
    expect(everSeen.every((user) => JSON.stringify(user) === JSON.stringify(claimOf(mallory)))).toBe(true)
  })

  it('accepts offline notes even when a new edit overtakes them on reconnect', async () => {
    const session = await createSession(fixture.server.origin)
    const anna = await join(fixture.server.origin, session.id, 'Anna')
    const author = { authorId: anna.participantId, authorName: 'Anna' }
    const a = client(session.id, { participant: anna.participantToken })
    const b = client(session.id)
    await Promise.all([a.synced(), b.synced()])
    a.provider.disconnect()
    const offline = addNote(a.doc, author, 'offline geschrieben')
    let overtaking: ReturnType<typeof addNote> | undefined
    // 'connected' fires before the client sends its sync step 1: this edit reaches the server
    // before the offline note it builds on.
    const onStatus = ({ status }: { status: string }) => {
      if (status !== 'connected' || overtaking) return
      overtaking = addNote(a.doc, author, 'gleich nach dem Verbinden')
    }
    a.provider.on('status', onStatus)
    a.provider.connect()
    await waitFor('B to receive both notes', () => overtaking && b.hasNote(offline.id) && b.hasNote(overtaking.id))
    a.provider.off('status', onStatus)
    expect(a.closes).toEqual([])
  })

  it('refuses, by its refusal code, a client whose updates keep building on changes it never sends', async () => {
    const session = await createSession(fixture.server.origin)
    const anna = await join(fixture.server.origin, session.id, 'Anna')
    // A copy of the session (its boards), then two notes of which only the second is sent.
    const reader = client(session.id)
    await reader.synced()
    const local = new Y.Doc()
    Y.applyUpdate(local, Y.encodeStateAsUpdate(reader.doc))
    const updates: Uint8Array[] = []
    local.on('update', (update: Uint8Array) => updates.push(update))
    const author = { authorId: anna.participantId, authorName: 'Anna' }
    addNote(local, author, 'nie gesendet')
    addNote(local, author, 'baut darauf auf')
    const gapped = encodeUpdateMessage(updates[1]!)
    const nothing = encodeSyncStep2(Y.encodeStateAsUpdate(new Y.Doc()))

    const socket = await rawSocket(`/yjs/${session.id}?participant=${encodeURIComponent(anna.participantToken)}`)
    const denied: string[] = []
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(decoder) !== MESSAGE_AUTH) return
      authProtocol.readAuthMessage(decoder, local, (_doc, reason) => denied.push(reason))
    })
    const closed = closeOf(socket)
    // Each gapped update makes the server ask for what is missing; the answer never has it.
    socket.send(nothing)
    for (let attempt = 0; attempt < 4; attempt++) {
      socket.send(gapped)
      socket.send(nothing)
    }
    const reason = refusalText(refusal('missingPrerequisites'))
    expect(await closed).toEqual({ code: CLOSE_CODES.updateRefused, reason: `update refused: ${reason}` })
    expect(denied).toEqual([reason])
  })

  it('lets no one else take a departed participant\'s presence id by reporting it gone', async () => {
    const session = await createSession(fixture.server.origin)
    const anna = await join(fixture.server.origin, session.id, 'Anna')
    const ben = await join(fixture.server.origin, session.id, 'Ben')
    const state = (label: string) => JSON.stringify({ user: claimOf(anna), label })
    const first = await rawSocket(`/yjs/${session.id}?participant=${encodeURIComponent(anna.participantToken)}`)
    first.send(encodeAwarenessMessage(encodeAwarenessEntries([{ clientId: 4343, clock: 1, state: state('vorher') }])))
    const observer = client(session.id)
    await waitFor('the observer to see Anna', () => (observer.provider.awareness.getStates().get(4343) as any)?.label === 'vorher')
    // Anna's network drops; her socket closes and the server forgets who owned her id.
    first.close()
    await waitFor('the observer to see Anna gone', () => !observer.provider.awareness.getStates().has(4343))
    // Ben's client still held her state and dropped it as outdated: y-protocols sends that on as
    // a removal (state null) of her id.
    const bens = await rawSocket(`/yjs/${session.id}?participant=${encodeURIComponent(ben.participantToken)}`)
    bens.send(encodeAwarenessMessage(encodeAwarenessEntries([{ clientId: 4343, clock: 2, state: 'null' }])))
    // Anna is back with her id: she is seen again (Ben's report did not make her id his).
    const second = await rawSocket(`/yjs/${session.id}?participant=${encodeURIComponent(anna.participantToken)}`)
    second.send(encodeAwarenessMessage(encodeAwarenessEntries([{ clientId: 4343, clock: 3, state: state('zurück') }])))
    await waitFor('the observer to see Anna back', () => (observer.provider.awareness.getStates().get(4343) as any)?.label === 'zurück')
    second.close()
    bens.close()
  })

  it('lets a participant who reconnects take over presence from its dead connection', async () => {
    const session = await createSession(fixture.server.origin)
    const anna = await join(fixture.server.origin, session.id, 'Anna')
    const first = await rawSocket(`/yjs/${session.id}?participant=${encodeURIComponent(anna.participantToken)}`)
    const state = (label: string) => JSON.stringify({ user: claimOf(anna), label })
    first.send(encodeAwarenessMessage(encodeAwarenessEntries([{ clientId: 4242, clock: 1, state: state('alt') }])))
    // The same participant on a new socket while the first one still looks alive to the fixture.server.
    const second = await rawSocket(`/yjs/${session.id}?participant=${encodeURIComponent(anna.participantToken)}`)
    second.send(encodeAwarenessMessage(encodeAwarenessEntries([{ clientId: 4242, clock: 2, state: state('neu') }])))
    // Someone else may not.
    const mallory = await rawSocket(`/yjs/${session.id}`)
    mallory.send(encodeAwarenessMessage(encodeAwarenessEntries([{ clientId: 4242, clock: 3, state: JSON.stringify({ label: 'Mallory' }) }])))
    const observer = client(session.id)
    await waitFor('the observer to see Anna’s new state', () => (observer.provider.awareness.getStates().get(4242) as any)?.label === 'neu')
    first.close()
    await new Promise((resolve) => first.once('close', resolve))
    // Closing the old socket does not remove the state its successor owns.
    const later = client(session.id)
    await later.synced()
    await waitFor('a later client to see Anna', () => (later.provider.awareness.getStates().get(4242) as any)?.label === 'neu')
    second.close()
    mallory.close()
  })
})
