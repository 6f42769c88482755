import { createTLStore } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { pinnwandSchema } from '../../shared/doc/tldrawSchema.ts'
import type { FrameScheduler } from './frameScheduler.ts'
import { bindPresence, presenceRecordOf } from './presenceBinding.ts'

const ben = { participantId: 'p-ben', name: 'Ben', color: '#4ba1f1', role: 'participant' as const }
const cursor = { x: 10, y: 20, type: 'default', rotation: 0 }
const peerPresence = {
  currentPageId: 'page:page',
  cursor,
  camera: { x: 0, y: 0, z: 1 },
  selectedShapeIds: [],
  brush: null,
  scribbles: [],
  screenBounds: { x: 0, y: 0, w: 800, h: 600 },
  followingUserId: null,
  chatMessage: '',
  lastActivityTimestamp: 1,
  meta: {},
  // A peer cannot choose these: they come from its `user` field and client id.
  userName: 'Mallory',
  userId: 'user:someone-else',
  id: 'instance_presence:0',
}

describe('presenceRecordOf', () => {
  it('builds a cursor record named and coloured after the peer’s user field', () => {
    const record = presenceRecordOf(7, { user: ben, presence: peerPresence })
    expect(record).toMatchObject({
      id: 'instance_presence:7',
      userId: 'user:p-ben',
      userName: 'Ben',
      color: '#4ba1f1',
      cursor,
    })
  })

  it('shows no cursor for Beamer views, malformed or cursor-less peers', () => {
    expect(presenceRecordOf(1, { user: { ...ben, role: 'viewer' }, presence: peerPresence })).toBeUndefined()
    expect(presenceRecordOf(1, { user: ben })).toBeUndefined()
    expect(presenceRecordOf(1, { user: ben, presence: { cursor: 'nope' } })).toBeUndefined()
  })
})

describe('bindPresence', () => {
  it('mirrors peers’ awareness into presence records and removes them when they leave', () => {
    const store = createTLStore({ schema: pinnwandSchema() })
    const ours = new Awareness(new Y.Doc())
    const theirs = new Awareness(new Y.Doc())
    const now: FrameScheduler = (flush) => {
      flush()
      return () => {}
    }
    const dispose = bindPresence({ store, awareness: ours, user: null, schedule: now })
    theirs.setLocalState({ user: ben, presence: peerPresence })
    // What y-websocket does with a peer's awareness message:
    ours.states.set(theirs.clientID, theirs.getLocalState()!)
    ours.emit('change', [{ added: [theirs.clientID], updated: [], removed: [] }, 'remote'])
    expect(store.get(`instance_presence:${theirs.clientID}` as never)).toMatchObject({ userName: 'Ben' })

    ours.states.delete(theirs.clientID)
    ours.emit('change', [{ added: [], updated: [], removed: [theirs.clientID] }, 'remote'])
    expect(store.query.records('instance_presence').get()).toHaveLength(0)
    dispose()
  })
})
