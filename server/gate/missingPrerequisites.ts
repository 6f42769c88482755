import * as Y from 'yjs'

/**
 * Whether an update builds on changes the server has not received: structs that start beyond
 * what the server knows of their client, or deletes of such structs. Yjs would park them and
 * apply them later, unchecked, so the gate never applies such an update.
 *
 * They are not necessarily hostile: a y-websocket client that reconnects with offline changes
 * sends its next edit as an update before it has answered the server's sync step 1, so the
 * edit arrives ahead of the offline changes it builds on. The answer is a fresh sync step 1,
 * which makes the client send everything the server lacks in one sync step 2.
 */
export function hasMissingPrerequisites(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update)
  const reach = new Map<number, number>()
  const sorted = structs
    .filter((struct) => !(struct instanceof Y.Skip))
    .sort((a, b) => a.id.client - b.id.client || a.id.clock - b.id.clock)
  for (const struct of sorted) {
    const { client, clock } = struct.id
    const next = reach.get(client) ?? Y.getState(doc.store, client)
    if (clock > next) return true
    reach.set(client, Math.max(next, clock + struct.length))
  }
  for (const [client, deletes] of ds.clients) {
    const known = reach.get(client) ?? Y.getState(doc.store, client)
    if (deletes.some(({ clock, len }) => clock + len > known)) return true
  }
  return false
}
