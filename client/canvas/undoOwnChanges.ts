import type { Editor, TLShape } from 'tldraw'

/**
 * Undo and redo take back one's own changes only, as Yjs' own undo manager does.
 *
 * tldraw's history records local changes only (the Yjs binding applies everybody else's with
 * `mergeRemoteChanges`), but an undo writes back whole shapes as they were before the change.
 * So after the moderator's "Aufräumen", a note a participant then moved jumped back to where it
 * lay before tidying when the moderator pressed Ctrl+Z: the undo overwrote the participant's move.
 *
 * Here a shape that someone else changed after the change being undone (or redone) is theirs:
 * undo and redo leave it as it is, and take back the rest; one they deleted since stays deleted. Times are a counter of changes; a
 * change is known by the record objects tldraw keeps in its history (the shape before the change
 * for an undo, after it for a redo), which are the very objects the store held.
 */
export function registerUndoOfOwnChanges(editor: Editor): () => void {
  let clock = 0
  /** When a shape version arrived from someone else. */
  const arrivedAt = new WeakMap<TLShape, number>()
  /** When an own change made a shape version, and when an own change replaced it. */
  const madeAt = new WeakMap<TLShape, number>()
  const replacedAt = new WeakMap<TLShape, number>()
  /** When someone else deleted a shape. */
  const deletedAt = new Map<TLShape['id'], number>()
  const isReplaying = () => replayingHistory(editor)
  /** When the change being undone (its version before) or redone (its version after) was made. */
  const changedAt = (target: TLShape) => replacedAt.get(target) ?? madeAt.get(target)

  const stopAfterCreate = editor.sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
    clock++
    if (source === 'remote') arrivedAt.set(shape, clock)
    else if (!isReplaying()) madeAt.set(shape, clock)
    else if ((deletedAt.get(shape.id) ?? -1) > (changedAt(shape) ?? Infinity)) {
      // Someone deleted it after our change: undoing that change does not bring it back.
      editor.store.remove([shape.id])
    }
  })
  const stopAfterDelete = editor.sideEffects.registerAfterDeleteHandler('shape', (shape, source) => {
    clock++
    if (source === 'remote') deletedAt.set(shape.id, clock)
  })
  const stopAfterChange = editor.sideEffects.registerAfterChangeHandler('shape', (prev, next, source) => {
    clock++
    if (source === 'remote') arrivedAt.set(next, clock)
    else if (!isReplaying()) {
      madeAt.set(next, clock)
      replacedAt.set(prev, clock)
    }
  })
  const stopBeforeChange = editor.sideEffects.registerBeforeChangeHandler('shape', (current, target, source) => {
    if (source !== 'user' || !isReplaying()) return target
    const arrived = arrivedAt.get(current)
    if (arrived === undefined) return target
    const changed = changedAt(target)
    if (changed === undefined) return target
    return arrived > changed ? current : target
  })
  return () => {
    stopAfterCreate()
    stopAfterDelete()
    stopAfterChange()
    stopBeforeChange()
  }
}

/**
 * Whether tldraw is applying an undo or redo. `Editor.isReplayingHistory` is tldraw's own answer
 * but left out of its published types; without it, undo behaves as tldraw's does.
 */
export function replayingHistory(editor: Editor): boolean {
  const { isReplayingHistory } = editor as unknown as { isReplayingHistory?: () => boolean }
  return isReplayingHistory?.call(editor) ?? false
}
