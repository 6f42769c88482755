import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { getDotsMap, readDots, type Dot } from '../../shared/workshop/dots.ts'

/**
 * All dots of the document by dot id, re-read only when the dots map changes (not on every note
 * being dragged), for the canvas's dot controls and the budget in the phase bar.
 */
export function useDots(doc: Y.Doc): ReadonlyMap<string, Dot> {
  const source = useMemo(() => {
    let snapshot = readDots(doc)
    return {
      subscribe(onChange: () => void) {
        const map = getDotsMap(doc)
        const observer = () => {
          snapshot = readDots(doc)
          onChange()
        }
        map.observe(observer)
        return () => map.unobserve(observer)
      },
      getSnapshot: () => snapshot,
    }
  }, [doc])
  return useSyncExternalStore(source.subscribe, source.getSnapshot)
}
