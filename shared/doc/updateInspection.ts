import * as Y from 'yjs'
import { RECORDS_ARRAY_NAME } from './documentLayout.ts'
import type { RecordEntry } from './recordStore.ts'
import { fromStoredRecord } from './storedRecord.ts'

/**
 * What an incoming Yjs update would do to a document, in the terms of our layout, found by
 * decoding it (without applying it) and looking deleted items up in the document. The server's
 * gate asks shared/permissions about this before anything is applied, stored or broadcast.
 *
 * Our layout only has root-level types holding plain JSON (YKeyValue entries, map values), so
 * every change is "an entry was added to / removed from root type X". Anything else (nested
 * types, items whose position cannot be resolved) is reported as `unresolvable`.
 */
export interface UpdateInspection {
  /** Entries added to root arrays, by root name (for `records`: `{key, val}` entries). */
  added: Map<string, unknown[]>
  /** Values set on root maps, by root name and key. */
  mapSets: Map<string, Map<string, unknown>>
  /** Entries of root arrays that the update deletes, by root name (only ones still alive). */
  removed: Map<string, unknown[]>
  /** Keys of root maps that the update deletes (only live values). */
  mapDeletes: Map<string, Set<string>>
  /** Why part of the update could not be attributed to a root type; empty when all could. */
  unresolvable: string[]
}

type ItemPosition = { root: string; key: string | null } | { nested: true } | undefined

function emptyInspection(): UpdateInspection {
  return { added: new Map(), mapSets: new Map(), removed: new Map(), mapDeletes: new Map(), unresolvable: [] }
}

function push<V>(map: Map<string, V[]>, key: string, values: V[]) {
  const list = map.get(key)
  if (list) list.push(...values)
  else map.set(key, [...values])
}

/** Root name (and map key) of an item already integrated into `doc`. */
function positionOfIntegrated(item: Y.Item): ItemPosition {
  const parent = item.parent as Y.AbstractType<unknown> | null
  if (!parent || parent._item !== null) return { nested: true }
  return { root: Y.findRootTypeKey(parent), key: item.parentSub }
}

function findIntegrated(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | undefined {
  const structs = doc.store.clients.get(id.client)
  if (!structs || Y.getState(doc.store, id.client) <= id.clock) return undefined
  return structs[Y.findIndexSS(structs, id.clock)]
}

function contentValues(item: Y.Item): unknown[] | undefined {
  const content = item.content
  if (content instanceof Y.ContentAny) return content.arr
  if (content instanceof Y.ContentJSON) return content.arr
  if (content instanceof Y.ContentDeleted) return []
  return undefined
}

export function inspectUpdate(doc: Y.Doc, update: Uint8Array): UpdateInspection {
  const result = emptyInspection()
  const { structs, ds } = Y.decodeUpdate(update)
  const incoming = new Map<number, Y.Item[]>()
  for (const struct of structs) {
    if (struct instanceof Y.Item) {
      const list = incoming.get(struct.id.client)
      if (list) list.push(struct)
      else incoming.set(struct.id.client, [struct])
    }
  }

  const findIncoming = (id: Y.ID): Y.Item | undefined =>
    incoming.get(id.client)?.find((item) => item.id.clock <= id.clock && id.clock < item.id.clock + item.length)

  // Items without parent info inherit it from their neighbour; follow origins (bounded) to a known item.
  const positionOfIncoming = (item: Y.Item, depth = 0): ItemPosition => {
    if (typeof item.parent === 'string') return { root: item.parent, key: item.parentSub }
    if (item.parent) return { nested: true }
    if (depth > 10_000) return undefined
    const neighbourId = item.origin ?? item.rightOrigin
    if (!neighbourId) return undefined
    const known = findIntegrated(doc, neighbourId)
    if (known instanceof Y.Item) return positionOfIntegrated(known)
    if (known) return undefined // a garbage-collected neighbour tells nothing about the parent
    const sibling = findIncoming(neighbourId)
    return sibling && sibling !== item ? positionOfIncoming(sibling, depth + 1) : undefined
  }

  // How far each client's structs reach once this update is applied without gaps.
  const reach = new Map<number, number>()
  for (const [client, items] of incoming) {
    const known = Y.getState(doc.store, client)
    let expected = known
    items.sort((a, b) => a.id.clock - b.id.clock)
    for (const item of items) {
      if (item.id.clock + item.length <= known) continue // already integrated: applying is a no-op
      if (item.id.clock > expected) {
        // Yjs would park it as pending and integrate it later, unchecked.
        result.unresolvable.push(`item ${client}:${item.id.clock} leaves a gap after ${expected}`)
        continue
      }
      expected = Math.max(expected, item.id.clock + item.length)
      const position = positionOfIncoming(item)
      const values = contentValues(item)
      if (!position || 'nested' in position || values === undefined) {
        result.unresolvable.push(`item ${item.id.client}:${item.id.clock} has no resolvable root-level parent`)
        continue
      }
      const fresh = values.slice(Math.max(0, known - item.id.clock))
      if (item.content instanceof Y.ContentDeleted) continue
      if (position.key === null) push(result.added, position.root, fresh)
      else {
        let sets = result.mapSets.get(position.root)
        if (!sets) result.mapSets.set(position.root, (sets = new Map()))
        sets.set(position.key, fresh[fresh.length - 1])
      }
    }
    reach.set(client, expected)
  }

  for (const [client, deletes] of ds.clients) {
    const structsOfClient = doc.store.clients.get(client) ?? []
    const known = Y.getState(doc.store, client)
    for (const { clock, len } of deletes) {
      const end = clock + len
      if (end > (reach.get(client) ?? known)) {
        // Deleting what the server has not seen would be applied later, unchecked, when it arrives.
        result.unresolvable.push(`delete of unknown items ${client}:${clock}+${len}`)
      }
      if (clock >= known) continue
      for (let index = Y.findIndexSS(structsOfClient, clock); index < structsOfClient.length; index++) {
        const struct = structsOfClient[index]!
        if (struct.id.clock >= end) break
        if (!(struct instanceof Y.Item) || struct.deleted) continue
        const position = positionOfIntegrated(struct)
        const values = contentValues(struct)
        if (!position || 'nested' in position || values === undefined) {
          result.unresolvable.push(`delete of nested item ${client}:${struct.id.clock}`)
          continue
        }
        const from = Math.max(clock, struct.id.clock) - struct.id.clock
        const to = Math.min(end, struct.id.clock + struct.length) - struct.id.clock
        if (position.key === null) push(result.removed, position.root, values.slice(from, to))
        else {
          let keys = result.mapDeletes.get(position.root)
          if (!keys) result.mapDeletes.set(position.root, (keys = new Set()))
          keys.add(position.key)
        }
      }
    }
  }
  return result
}

/** Record-level view of an inspection: which records the update puts and which it removes. */
export interface RecordChanges {
  /** Records written (created or replaced), by id, as tldraw records; the last write of a key wins. */
  put: Map<string, unknown>
  /** Ids whose live entry is removed and not written again in the same update: real deletes. */
  deleted: Set<string>
  /** Entries that do not have the `{key, val}` shape of our layout. */
  malformed: number
}

export function recordChangesOf(inspection: UpdateInspection): RecordChanges {
  const put = new Map<string, unknown>()
  let malformed = 0
  for (const entry of inspection.added.get(RECORDS_ARRAY_NAME) ?? []) {
    const candidate = entry as Partial<RecordEntry> | null
    if (!candidate || typeof candidate !== 'object' || typeof candidate.key !== 'string' || !('val' in candidate)) {
      malformed++
      continue
    }
    put.set(candidate.key, fromStoredRecord(candidate.key, candidate.val))
  }
  const deleted = new Set<string>()
  for (const entry of inspection.removed.get(RECORDS_ARRAY_NAME) ?? []) {
    const key = (entry as Partial<RecordEntry> | null)?.key
    if (typeof key === 'string' && !put.has(key)) deleted.add(key)
  }
  return { put, deleted, malformed }
}
