import {
  atom,
  createPresenceStateDerivation,
  createUserId,
  InstancePresenceRecordType,
  react,
  UserRecordType,
  type TLInstancePresence,
  type TLStore,
} from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { readAwarenessUser, type AwarenessUser, type PinnwandAwarenessState } from '../../shared/presence/awarenessUser.ts'
import type { FrameScheduler } from './frameScheduler.ts'

/**
 * A peer's awareness state as a tldraw `instance_presence` record (live cursor with name), or
 * undefined when the peer shows no cursor. Identity (name, colour, id) comes from the peer's
 * `user` field, one id per awareness client so two tabs of one person are two cursors.
 */
export function presenceRecordOf(clientId: number, state: unknown): TLInstancePresence | undefined {
  const user = readAwarenessUser(state)
  const presence = (state as PinnwandAwarenessState | undefined)?.presence
  if (!user || user.role === 'viewer' || !presence || typeof presence !== 'object') return undefined
  try {
    return InstancePresenceRecordType.validate({
      ...presence,
      id: InstancePresenceRecordType.createId(String(clientId)),
      typeName: 'instance_presence',
      userId: createUserId(user.participantId),
      userName: user.name,
      color: user.color,
    })
  } catch {
    return undefined
  }
}

export interface PresenceBindingOptions {
  store: TLStore
  awareness: Awareness
  /** Who this client is; null (Beamer) announces no cursor. */
  user: AwarenessUser | null
  schedule: FrameScheduler
}

/**
 * Presence through Yjs awareness: our cursor, selection and camera go out at most once per
 * frame; peers' states come in as `instance_presence` records (merged as remote changes).
 */
export function bindPresence({ store, awareness, user, schedule }: PresenceBindingOptions): () => void {
  const disposers: Array<() => void> = []

  if (user) {
    const $user = atom(
      'pinnwand user',
      UserRecordType.create({ id: createUserId(user.participantId), name: user.name, color: user.color }),
    )
    const $presence = createPresenceStateDerivation($user, {
      instanceId: InstancePresenceRecordType.createId(String(awareness.clientID)),
    })(store)
    let cancel: (() => void) | undefined
    disposers.push(
      react('presence to awareness', () => {
        const presence = $presence.get()
        cancel?.()
        cancel = schedule(() => {
          cancel = undefined
          awareness.setLocalStateField('presence', presence)
        })
      }),
      () => {
        cancel?.()
        awareness.setLocalStateField('presence', null)
      },
    )
  }

  const idOf = (clientId: number) => InstancePresenceRecordType.createId(String(clientId))
  const apply = (changed: number[], removed: number[]) => {
    const states = awareness.getStates()
    const put: TLInstancePresence[] = []
    const remove: TLInstancePresence['id'][] = []
    for (const clientId of changed) {
      if (clientId === awareness.clientID) continue
      const record = presenceRecordOf(clientId, states.get(clientId))
      if (record) put.push(record)
      else if (store.has(idOf(clientId))) remove.push(idOf(clientId))
    }
    for (const clientId of removed) if (store.has(idOf(clientId))) remove.push(idOf(clientId))
    if (put.length === 0 && remove.length === 0) return
    store.mergeRemoteChanges(() => {
      if (remove.length > 0) store.remove(remove)
      if (put.length > 0) store.put(put)
    })
  }
  const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) =>
    apply([...added, ...updated], removed)
  awareness.on('change', onChange)
  apply([...awareness.getStates().keys()], [])
  disposers.push(() => {
    awareness.off('change', onChange)
    const peers = store.query.records('instance_presence').get().map((record) => record.id)
    if (peers.length > 0) store.mergeRemoteChanges(() => store.remove(peers))
  })

  return () => disposers.splice(0).forEach((dispose) => dispose())
}
