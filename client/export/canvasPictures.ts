import type { Editor, TLShapeId } from 'tldraw'
import { boardsInOrder } from '../../shared/workshop/workshopRecords.ts'
import { withNotePictureOptions } from '../canvas/notePictureDetails.ts'

export type PictureFormat = 'png' | 'svg'

export interface PictureOptions {
  /** Leave the authors' names off the notes (the export panel's "anonymise"). */
  anonymise: boolean
}

/** Room around the exported shapes, in page pixels. */
const PADDING = 32

/**
 * Pictures for the Fotoprotokoll, rendered by tldraw's own export (`editor.toImage`) in the
 * browser: the same shapes as on screen, always light, with the canvas background. Fonts come
 * from the bundled tldraw assets on our origin and are embedded, so no network is needed.
 * Loaded on demand: only the export panel needs it, and only with a canvas on screen.
 *
 * Notes carry what the canvas draws beside them as HTML: their authors' names (unless
 * anonymised) and their dots as the person exporting sees them (AuthoredNoteShapeUtil.toSvg).
 */
export async function boardPicture(editor: Editor, questionIndex: number, format: PictureFormat, options: PictureOptions): Promise<Blob> {
  const board = boardsInOrder(editor.getCurrentPageShapes()).find((shape) => shape.meta.questionIndex === questionIndex)
  if (!board) throw new Error(`no board for question ${questionIndex + 1}`)
  return render(editor, [board.id], format, options)
}

/** Everything on the page (all boards, and notes dragged off them) as one SVG. */
export async function canvasPicture(editor: Editor, options: PictureOptions): Promise<Blob> {
  const ids = editor.getSortedChildIdsForParent(editor.getCurrentPageId())
  if (ids.length === 0) throw new Error('the canvas is empty')
  return render(editor, ids, 'svg', options)
}

async function render(editor: Editor, ids: TLShapeId[], format: PictureFormat, options: PictureOptions): Promise<Blob> {
  const { blob } = await withNotePictureOptions(editor, { showAuthors: !options.anonymise }, () =>
    editor.toImage(ids, { format, background: true, padding: PADDING, darkMode: false }),
  )
  return blob
}
