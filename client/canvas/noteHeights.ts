import { isEqual } from '@tldraw/utils'
import type { Editor, NoteShapeUtil, TLNoteShape, TLShape, TLShapeId } from 'tldraw'
import { recordSize } from '../../shared/workshop/recordSize.ts'
import { isBoard, isNote, placeForSize } from '../../shared/workshop/workshopRecords.ts'
import type { TextChangedOffCanvas } from '../docView/textsChangedOffCanvas.ts'

/**
 * A note as tall as its text, also when the text did not come from a canvas here.
 *
 * tldraw sizes a note for its text (its `growY`, and a smaller font for a long word:
 * `fontSizeAdjustment`) only when the text changes through its own editor; a note typed on
 * another canvas arrives with the size that canvas measured. The list and phone views change
 * the text alone (they have no tldraw to measure with), so such a note was cut off at its old
 * height on every canvas, and the cluster around it did not grow (the server grows clusters
 * around notes whose height the document says grew, server/sync/clustersAroundGrownNotes.ts).
 *
 * So a canvas measures, with tldraw's own measurement (what its note does for a new note), the
 * notes whose text changes from elsewhere, and the notes whose text this page changed without a
 * canvas (`measureNow`, given when the canvas opens). Never all notes: a 1,000-note canvas does
 * not measure notes nobody edits (README › Performance); a remote text change costs one
 * measurement of that note.
 *
 * Who writes the height into the document: every canvas that may change the note (`mayWrite`,
 * i.e. the permission rules: its author's and the moderators'), as a change nobody undoes. They
 * measure the same text the same way, so they write the same numbers; one that arrives before
 * a canvas sends its own drops it (the store binding sends nothing the document holds already),
 * so a few moderators and the author online write it once or twice, not once per canvas in the
 * room. The author may be on her phone, so the moderators' canvases matter; a participant's
 * canvas may not write others' notes, and the Beamer none. Canvases that may not write show the
 * measured height for themselves only (as a remote change, which the binding never sends) and
 * keep it while the document has not caught up.
 *
 * A note posted with its text without a canvas lies in a slot free for an empty note: nothing
 * there can measure text (tldraw's measurement is the only one of a note's height, and the phone
 * view does without tldraw), and measured it reached down over the notes below it. So a note
 * that arrives already written (any note created elsewhere: one posted on a canvas arrives
 * measured and is left alone) or that this page posted without a canvas goes, with the height
 * written here, where all of it fits (shared `placeForSize`: the slot rule of posting, at its
 * real size), in the same change. Notes whose text was only changed elsewhere stay where they
 * are, as when their text is typed on the canvas.
 */
export function registerNoteHeights(editor: Editor, mayWrite: (note: TLNoteShape) => boolean, measureNow: readonly TextChangedOffCanvas[]): () => void {
  const queued = new Set<TLShapeId>()
  /** Queued notes that arrived written: placed for their measured size (see above). */
  const toPlace = new Set<TLShapeId>()
  /** Notes measured here that the document still holds at another height. */
  const shownOnlyHere = new Set<TLShapeId>()
  let scheduled = false
  /** While this canvas puts the sizes it may only show (a remote change, but its own). */
  let showing = false
  const queue = (id: TLShapeId, arrivedWritten = false) => {
    queued.add(id)
    if (arrivedWritten) toPlace.add(id)
    if (scheduled) return
    scheduled = true
    // After the remote change that brought the text has been applied, as a change of its own.
    queueMicrotask(measureQueued)
  }
  // A page whose offline copy is old gets many notes at once when it syncs: measured a batch per
  // frame, so the canvas stays responsive meanwhile.
  const measureQueued = () => {
    const ids = [...queued].slice(0, NOTES_PER_FRAME)
    for (const id of ids) queued.delete(id)
    measure(ids)
    if (queued.size > 0 && !editor.isDisposed) requestAnimationFrame(measureQueued)
    else scheduled = false
  }

  const measure = (ids: readonly TLShapeId[]) => {
    if (editor.isDisposed) return
    const util = editor.getShapeUtil<NoteShapeUtil>('note')
    const written: TLNoteShape[] = []
    const shown: TLNoteShape[] = []
    for (const id of ids) {
      const place = toPlace.delete(id)
      const note = editor.getShape(id)
      if (!note || !isNote(note)) continue
      // tldraw's own sizing of a note for its text (undefined: it has the size already).
      const sized = util.onBeforeCreate(note)
      if (!sized || sameSize(note, sized)) {
        shownOnlyHere.delete(id)
        continue
      }
      const { growY, fontSizeAdjustment } = sized.props
      const measured: TLNoteShape = { ...note, props: { ...note.props, growY, fontSizeAdjustment } }
      const next = place ? placedForItsSize(measured, written) : measured
      if (mayWrite(next)) {
        shownOnlyHere.delete(id)
        written.push(next)
      } else {
        shownOnlyHere.add(id)
        shown.push(next)
      }
    }
    if (written.length > 0)
      editor.run(() => editor.updateShapes(written.map(({ id, type, x, y, props }) => ({ id, type, x, y, props }))), { history: 'ignore' })
    if (shown.length === 0) return
    showing = true
    try {
      editor.store.mergeRemoteChanges(() => editor.store.put(shown))
    } finally {
      showing = false
    }
  }

  /** `note` where all of it fits on its board, among its siblings and the notes written before it in this batch. */
  const placedForItsSize = (note: TLNoteShape, before: readonly TLNoteShape[]): TLNoteShape => {
    const board = editor.getShape(note.parentId)
    if (!board || !isBoard(board)) return note
    const siblings = editor
      .getSortedChildIdsForParent(board.id)
      .map((id) => before.find((other) => other.id === id) ?? editor.getShape(id))
      .filter((shape): shape is TLShape => shape !== undefined)
    const spot = placeForSize(board, note, siblings, recordSize(note))
    return spot.x === note.x && spot.y === note.y ? note : { ...note, ...spot }
  }

  const stopCreate = editor.sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
    if (source === 'remote' && isNote(shape)) queue(shape.id, true)
  })
  const stopChange = editor.sideEffects.registerAfterChangeHandler('shape', (prev, next, source) => {
    if (source !== 'remote' || showing || !isNote(next) || !isNote(prev)) return
    if (!isEqual(prev.props.richText, next.props.richText) || (shownOnlyHere.has(next.id) && sizeChanged(prev, next))) queue(next.id)
  })
  const stopDelete = editor.sideEffects.registerAfterDeleteHandler('shape', (shape) => {
    shownOnlyHere.delete(shape.id)
  })
  for (const { noteId, posted } of measureNow) queue(noteId as TLShapeId, posted)
  return () => {
    stopCreate()
    stopChange()
    stopDelete()
  }
}

/** Notes measured per frame (see measureQueued). */
const NOTES_PER_FRAME = 25

/**
 * Whether a measured size is the note's: browsers' fonts can differ by a pixel, and that is no
 * reason for a moderator's canvas to write every note another browser measured.
 */
function sameSize(note: TLNoteShape, measured: TLNoteShape): boolean {
  return Math.abs(note.props.growY - measured.props.growY) < 2 && note.props.fontSizeAdjustment === measured.props.fontSizeAdjustment
}

function sizeChanged(prev: TLShape, next: TLShape): boolean {
  const a = (prev as TLNoteShape).props
  const b = (next as TLNoteShape).props
  return a.growY !== b.growY || a.fontSizeAdjustment !== b.fontSizeAdjustment
}
