import { useCallback, useRef, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'

/**
 * Changes counted per document from its first use on, so a snapshot knows whether it is stale
 * even for changes that happened before its component subscribed.
 */
const versions = new WeakMap<Y.Doc, { value: number }>()

function versionOf(doc: Y.Doc): { value: number } {
  let version = versions.get(doc)
  if (!version) {
    const counter = { value: 0 }
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (changedDocument(transaction)) counter.value += 1
    })
    versions.set(doc, counter)
    version = counter
  }
  return version
}

/**
 * Whether a transaction changed the document: the test Yjs makes before emitting `update`.
 * Views follow `afterTransaction` rather than `update`: an `update` listener makes Yjs encode
 * every transaction, and the sync answer is applied without that event (syncAnswerAsReceived.ts).
 */
function changedDocument(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true
  for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true
  return false
}

/** How long updates are gathered before the view re-derives. */
const COALESCE_MS = 50

/**
 * A value derived from a live Yjs document, recomputed after every transaction that changed the
 * document (local or remote) and stable in between, so React re-renders only on real changes.
 *
 * Listens to the document's `afterTransaction` event: Yjs emits it after the transaction's
 * observers ran, so derived structures such as the records' YKeyValue are already up to date.
 * Changes within {@link COALESCE_MS} re-render once. `select` should be stable (module-level or
 * memoised); a new `select` recomputes once.
 */
export function useDocSnapshot<T>(doc: Y.Doc, select: (doc: Y.Doc) => T): T {
  const cache = useRef<{ version: number; doc: Y.Doc; select: (doc: Y.Doc) => T; value: T } | null>(null)
  const version = versionOf(doc)

  const subscribe = useCallback(
    (onChange: () => void) => {
      // Remote drags arrive as many small updates per second; re-deriving once per batch keeps a
      // phone responsive. Changes are never lost: the version above counts every update.
      let pending: ReturnType<typeof setTimeout> | undefined
      const schedule = () => {
        pending ??= setTimeout(() => {
          pending = undefined
          onChange()
        }, COALESCE_MS)
      }
      const onTransaction = (transaction: Y.Transaction) => {
        if (changedDocument(transaction)) schedule()
      }
      doc.on('afterTransaction', onTransaction)
      return () => {
        doc.off('afterTransaction', onTransaction)
        clearTimeout(pending)
      }
    },
    [doc],
  )

  const getSnapshot = () => {
    const cached = cache.current
    if (cached && cached.version === version.value && cached.doc === doc && cached.select === select) return cached.value
    const value = select(doc)
    cache.current = { version: version.value, doc, select, value }
    return value
  }

  return useSyncExternalStore(subscribe, getSnapshot)
}
