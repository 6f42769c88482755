import type * as Y from 'yjs'
import { getDotsMap, readDots, type Dot } from '../../shared/workshop/dots.ts'
import { useMapSnapshot } from '../session/useMapSnapshot.ts'

/**
 * All dots of the document by dot id, re-read only when the dots map changes (not on every note
 * being dragged), for the canvas's dot controls and the budget in the phase bar.
 */
export function useDots(doc: Y.Doc): ReadonlyMap<string, Dot> {
  return useMapSnapshot(doc, getDotsMap, readDots)
}
