import { readAwarenessUser } from '../../shared/presence/awarenessUser.ts'
import type { OnlinePerson } from '../stores/onlineStore.ts'

/**
 * The online list: one entry per participant (several tabs of one person count once),
 * without read-only Beamer views, self first, then by name.
 */
export function onlinePeople(states: ReadonlyMap<number, unknown>, selfClientId: number): OnlinePerson[] {
  const byParticipant = new Map<string, OnlinePerson>()
  for (const [clientId, state] of states) {
    const user = readAwarenessUser(state)
    if (!user || user.role === 'viewer') continue
    const isSelf = clientId === selfClientId
    const known = byParticipant.get(user.participantId)
    if (!known || isSelf) byParticipant.set(user.participantId, { ...user, isSelf: isSelf || (known?.isSelf ?? false) })
  }
  return [...byParticipant.values()].sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name, 'de'),
  )
}

/**
 * Follows the online list through awareness changes without recomputing it for every cursor
 * move: peers' presence (cursor, camera) changes many times a second while panning or
 * dragging, their `user` field almost never. `update` returns the new list when it changed,
 * otherwise undefined.
 */
export class OnlinePeopleTracker {
  private readonly users = new Map<number, string>()
  private people: OnlinePerson[] | undefined

  update(states: ReadonlyMap<number, unknown>, selfClientId: number, changed?: { added: number[]; updated: number[]; removed: number[] }): OnlinePerson[] | undefined {
    const touched = changed ? [...changed.added, ...changed.updated, ...changed.removed] : [...states.keys()]
    let userChanged = this.people === undefined
    for (const clientId of touched) {
      const user = readAwarenessUser(states.get(clientId))
      const key = user ? JSON.stringify(user) : undefined
      if (this.users.get(clientId) === key) continue
      userChanged = true
      if (key === undefined) this.users.delete(clientId)
      else this.users.set(clientId, key)
    }
    if (!userChanged) return undefined
    const people = onlinePeople(states, selfClientId)
    if (this.people && samePeople(this.people, people)) return undefined
    this.people = people
    return people
  }
}

function samePeople(a: readonly OnlinePerson[], b: readonly OnlinePerson[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (person, index) =>
        person.participantId === b[index]!.participantId &&
        person.name === b[index]!.name &&
        person.color === b[index]!.color &&
        person.role === b[index]!.role &&
        person.isSelf === b[index]!.isSelf,
    )
  )
}
