import type { Editor, TLShape } from 'tldraw'
import { isCluster, isNote } from '../../shared/workshop/workshopRecords.ts'
import { mayEditText } from './boardRules.ts'
import { fitClusterToNotes, isFormingCluster, keepNotesInsideCluster } from './clusterActions.ts'
import { replayingHistory } from './undoOwnChanges.ts'

/**
 * A cluster keeps holding a note of its own that grows while someone types in it (the text wraps,
 * the note gets taller) or that is nudged with the arrow keys: clusters clip their notes, so the
 * note hung out of the frame, cut off. Drops are handled where tldraw reports them
 * (BoardFrameShapeUtil.onDropShapesOver); this covers the changes in between.
 *
 * Only the client whose own change it is reacts (`source === 'user'`): others' changes reach
 * everyone else through the document, so no moderator's client writes the growth for a
 * participant's typing into its own undo history, and nothing is written twice. Not during a
 * drag (the drop decides, a frame growing under the pointer could not be left), nor during an
 * undo or redo (taking back a change takes back its growth too: both are one history step), nor
 * while a cluster is formed (it takes its spot among the others once its notes are arranged).
 *
 * A moderator's cluster grows (`fitClusterToNotes`), moving neighbouring clusters aside.
 * Participants may not change clusters (structure), so a participant's note moves up or left
 * inside the frame as far as there is room (`keepNotesInsideCluster`); a note that got taller
 * than the cluster's inside stays at its top, and the server grows the cluster around it
 * (server/sync/clustersAroundGrownNotes.ts), as everyone's change and nobody's to undo.
 */
export function registerClusterGrowth(editor: Editor): () => void {
  let fitting = false
  return editor.sideEffects.registerAfterChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user' || fitting || !isNote(next) || !movedOrResized(prev, next)) return
    if (editor.isIn('select.translating') || replayingHistory(editor) || isFormingCluster(editor)) return
    const cluster = editor.getShape(next.parentId)
    if (!cluster || !isCluster(cluster)) return
    fitting = true
    try {
      if (mayEditText(editor, cluster)) fitClusterToNotes(editor, cluster.id)
      else keepNotesInsideCluster(editor, cluster.id, [next.id])
    } finally {
      fitting = false
    }
  })
}

/** A change that can take a note past its cluster's edge: moved, its size (text, growY) changed, or put into the cluster. */
function movedOrResized(prev: TLShape, next: TLShape): boolean {
  return prev.x !== next.x || prev.y !== next.y || prev.props !== next.props || prev.parentId !== next.parentId
}
