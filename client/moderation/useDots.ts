import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { getRecordStore } from '../../shared/doc/documentLayout.ts'
import { getModerationMap } from '../../shared/moderation/moderationState.ts'
import { getDotsMap, readDotStanding, type Dot, type DotStanding } from '../../shared/workshop/dots.ts'

/**
 * The dots on notes and clusters that exist, split into those that count and those beyond their
 * voter's budget (shared/workshop/dots.ts `dotStanding`), for the canvas's dot controls and the
 * budget in the phase bar. Re-read when the dots map changes, a record appears or goes (a removed
 * note gives its dots back, an undo brings them back) or the moderation changes (the rounds'
 * budgets); not on every note being dragged, and the snapshot stays the same object while the
 * dots do, so React re-renders on real changes only.
 */
export function useDots(doc: Y.Doc): DotStanding {
  const source = useMemo(() => {
    let snapshot = readDotStanding(doc)
    const reread = () => {
      const next = readDotStanding(doc)
      if (sameDots(next, snapshot)) return false
      snapshot = next
      return true
    }
    return {
      subscribe(onChange: () => void) {
        const dots = getDotsMap(doc)
        const records = getRecordStore(doc)
        const moderation = getModerationMap(doc)
        const onDots = () => {
          if (reread()) onChange()
        }
        const onRecords = (changes: Map<string, { action: 'add' | 'update' | 'delete' }>) => {
          for (const change of changes.values()) {
            if (change.action === 'update') continue
            if (reread()) onChange()
            return
          }
        }
        dots.observe(onDots)
        moderation.observe(onDots)
        records.on('change', onRecords)
        // Changes between the first read and this subscription are not missed.
        if (reread()) onChange()
        return () => {
          dots.unobserve(onDots)
          moderation.unobserve(onDots)
          records.off('change', onRecords)
        }
      },
      getSnapshot: () => snapshot,
    }
  }, [doc])
  return useSyncExternalStore(source.subscribe, source.getSnapshot)
}

/** Dots are never changed in place (only added or removed), so equal ids mean equal dots. */
function sameDots(a: DotStanding, b: DotStanding): boolean {
  return sameIds(a.counting, b.counting) && sameIds(a.beyondBudget, b.beyondBudget)
}

function sameIds(a: ReadonlyMap<string, Dot>, b: ReadonlyMap<string, Dot>): boolean {
  if (a.size !== b.size) return false
  for (const id of a.keys()) if (!b.has(id)) return false
  return true
}
