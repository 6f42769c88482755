import * as Y from 'yjs'

interface CachedState {
  update: Uint8Array | null
}

const cached = new WeakMap<Y.Doc, CachedState>()

/**
 * The whole document as one update, encoded once and reused until the document changes.
 *
 * Encoding is O(document) (≈ 60–150 ms for 5,000 notes here) and a room needs it often with the
 * document unchanged: every client that joins without local state (a browser opening the link:
 * the whole workshop at the start of a session), the size guard's measurement, and compaction,
 * whose snapshot is then also what the next joiner gets.
 */
export function encodedStateOf(doc: Y.Doc): Uint8Array {
  // Inside a transaction the doc may already differ from what the last `update` event reported.
  if (doc._transaction !== null) return Y.encodeStateAsUpdate(doc)
  const entry = track(doc)
  entry.update ??= Y.encodeStateAsUpdate(doc)
  return entry.update
}

/**
 * Tells the cache an encoding of the doc's current state that is already at hand: a session's
 * stored log when it is a single update, applied to a fresh doc, is exactly that doc's state,
 * so loading a compacted session costs no encoding before its first client syncs.
 */
export function primeEncodedState(doc: Y.Doc, stateUpdate: Uint8Array): void {
  track(doc).update = stateUpdate
}

/**
 * The answer to a sync step 1 with `stateVector`: what the doc has beyond it. A client with an
 * empty document (state vector with no clients) gets the cached encoding of the whole state.
 */
export function stateUpdateSince(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  if (isEmptyStateVector(stateVector)) return encodedStateOf(doc)
  return Y.encodeStateAsUpdate(doc, stateVector)
}

/** A state vector of a client that has nothing yet (a fresh document). */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return Y.decodeStateVector(stateVector).size === 0
}

function track(doc: Y.Doc): CachedState {
  let entry = cached.get(doc)
  if (!entry) {
    const created: CachedState = { update: null }
    doc.on('update', () => {
      created.update = null
    })
    cached.set(doc, created)
    entry = created
  }
  return entry
}
