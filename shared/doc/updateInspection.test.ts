import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { defaultTemplate } from '../template/defaultTemplate.ts'
import { seedSessionDocument } from '../workshop/seedSession.ts'
import { boardsInOrder, buildNoteRecord } from '../workshop/workshopRecords.ts'
import { readRecords, writeRecords } from './documentLayout.ts'
import { inspectUpdate, recordChangesOf } from './updateInspection.ts'

/** A server document and a client document synced with it, like after y-websocket's handshake. */
function serverAndClient() {
  const server = new Y.Doc()
  seedSessionDocument(server, defaultTemplate)
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  return { server, client }
}

/** The update the client would send for `change`, as y-websocket does (the transaction's update). */
function updateOf(client: Y.Doc, change: () => void): Uint8Array {
  const updates: Uint8Array[] = []
  const collect = (update: Uint8Array) => updates.push(update)
  client.on('update', collect)
  change()
  client.off('update', collect)
  return Y.mergeUpdates(updates)
}

function noteOn(doc: Y.Doc, text: string, authorId = 'u-anna') {
  const board = boardsInOrder(readRecords(doc))[0]!
  return buildNoteRecord({ board, author: { authorId, authorName: 'Anna' }, text, siblings: readRecords(doc) })
}

describe('inspectUpdate', () => {
  it('reports a created record as put', () => {
    const { server, client } = serverAndClient()
    const note = noteOn(client, 'Hallo')
    const changes = recordChangesOf(inspectUpdate(server, updateOf(client, () => writeRecords(client, { put: [note] }))))
    expect([...changes.put.keys()]).toEqual([note.id])
    expect(changes.put.get(note.id)).toEqual(note)
    expect(changes.deleted.size).toBe(0)
  })

  it('reports a moved record as put, not as delete', () => {
    const { server, client } = serverAndClient()
    const note = noteOn(client, 'Hallo')
    Y.applyUpdate(server, updateOf(client, () => writeRecords(client, { put: [note] })))
    const moved = { ...note, x: note.x + 50 }
    const changes = recordChangesOf(inspectUpdate(server, updateOf(client, () => writeRecords(client, { put: [moved] }))))
    expect(changes.put.get(note.id)).toEqual(moved)
    expect(changes.deleted.size).toBe(0)
  })

  it('reports a removed record as deleted', () => {
    const { server, client } = serverAndClient()
    const note = noteOn(client, 'Hallo')
    Y.applyUpdate(server, updateOf(client, () => writeRecords(client, { put: [note] })))
    const changes = recordChangesOf(inspectUpdate(server, updateOf(client, () => writeRecords(client, { remove: [note.id] }))))
    expect([...changes.deleted]).toEqual([note.id])
    expect(changes.put.size).toBe(0)
  })

  it('attributes map writes to their root and key, also when the key already existed', () => {
    const { server, client } = serverAndClient()
    const first = updateOf(client, () => client.getMap('moderation').set('phase', 'collect'))
    expect(inspectUpdate(server, first).mapSets.get('moderation')?.get('phase')).toBe('collect')
    Y.applyUpdate(server, first)
    const second = updateOf(client, () => client.getMap('moderation').set('phase', 'vote'))
    const inspection = inspectUpdate(server, second)
    expect(inspection.mapSets.get('moderation')?.get('phase')).toBe('vote')
    expect(inspection.unresolvable).toEqual([])
    const removal = updateOf(client, () => client.getMap('moderation').delete('phase'))
    Y.applyUpdate(server, second)
    expect([...(inspectUpdate(server, removal).mapDeletes.get('moderation') ?? [])]).toEqual(['phase'])
  })

  it('sees nothing in a full state update of a client that has no changes', () => {
    const { server, client } = serverAndClient()
    const inspection = inspectUpdate(server, Y.encodeStateAsUpdate(client))
    expect(recordChangesOf(inspection).put.size).toBe(0)
    expect(inspection.removed.size + inspection.mapSets.size + inspection.unresolvable.length).toBe(0)
  })

  it('flags nested types as unresolvable', () => {
    const { server, client } = serverAndClient()
    const update = updateOf(client, () => client.getMap('meta').set('nested', new Y.Map()))
    const nestedWrite = updateOf(client, () => (client.getMap('meta').get('nested') as Y.Map<string>).set('a', 'b'))
    Y.applyUpdate(server, update)
    expect(inspectUpdate(server, nestedWrite).unresolvable.length).toBeGreaterThan(0)
  })

  it('flags updates with gaps, which Yjs would park and apply later unchecked', () => {
    const { server, client } = serverAndClient()
    updateOf(client, () => writeRecords(client, { put: [noteOn(client, 'eins')] })) // never sent
    const second = updateOf(client, () => writeRecords(client, { put: [noteOn(client, 'zwei')] }))
    expect(inspectUpdate(server, second).unresolvable.join()).toMatch(/gap/)
  })

  it('flags deletes of items the server has never seen, but not deletes within the same update', () => {
    const { server, client } = serverAndClient()
    const note = noteOn(client, 'eins')
    const create = updateOf(client, () => writeRecords(client, { put: [note] }))
    const remove = updateOf(client, () => writeRecords(client, { remove: [note.id] }))
    expect(inspectUpdate(server, Y.mergeUpdates([create, remove])).unresolvable).toEqual([])
    const deleteSetOnly = Y.diffUpdate(remove, Y.encodeStateVectorFromUpdate(remove))
    expect(inspectUpdate(server, deleteSetOnly).unresolvable.join()).toMatch(/unknown/)
  })
})
