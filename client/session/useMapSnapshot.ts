import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'

/**
 * A value read from one root map of the document, re-read only when that map changes (not on
 * every dragged note), so React re-renders on real changes. `getMap` and `read` must be stable
 * (module-level functions).
 */
export function useMapSnapshot<T>(doc: Y.Doc, getMap: (doc: Y.Doc) => Y.Map<unknown>, read: (doc: Y.Doc) => T): T {
  const source = useMemo(() => {
    let snapshot = read(doc)
    return {
      subscribe(onChange: () => void) {
        const map = getMap(doc)
        const observer = () => {
          snapshot = read(doc)
          onChange()
        }
        map.observe(observer)
        return () => map.unobserve(observer)
      },
      getSnapshot: () => snapshot,
    }
  }, [doc, getMap, read])
  return useSyncExternalStore(source.subscribe, source.getSnapshot)
}
