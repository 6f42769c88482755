import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { getModerationMap, readModerationState, type ModerationState } from '../../shared/moderation/moderationState.ts'

/** The moderator's settings (phase, locked boards, …) as they change in the document. */
export function useModerationState(doc: Y.Doc): ModerationState {
  const source = useMemo(() => {
    let snapshot = readModerationState(doc)
    return {
      subscribe(onChange: () => void) {
        const map = getModerationMap(doc)
        const observer = () => {
          snapshot = readModerationState(doc)
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
