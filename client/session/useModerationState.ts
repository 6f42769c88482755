import type * as Y from 'yjs'
import { getModerationMap, readModerationState, type ModerationState } from '../../shared/moderation/moderationState.ts'
import { useMapSnapshot } from './useMapSnapshot.ts'

/** The moderator's settings (phase, locked boards, …) as they change in the document. */
export function useModerationState(doc: Y.Doc): ModerationState {
  return useMapSnapshot(doc, getModerationMap, readModerationState)
}
