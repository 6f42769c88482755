import type { Editor, TLShapeId } from 'tldraw'
import { boardsInOrder } from '../../shared/workshop/workshopRecords.ts'

export type PictureFormat = 'png' | 'svg'

/** Room around the exported shapes, in page pixels. */
const PADDING = 32

/**
 * Pictures for the Fotoprotokoll, rendered by tldraw's own export (`editor.toImage`) in the
 * browser: the same shapes as on screen, always light, with the canvas background. Fonts come
 * from the bundled tldraw assets on our origin and are embedded, so no network is needed.
 * Loaded on demand: only the export panel needs it, and only with a canvas on screen.
 */
export async function boardPicture(editor: Editor, questionIndex: number, format: PictureFormat): Promise<Blob> {
  const board = boardsInOrder(editor.getCurrentPageShapes()).find((shape) => shape.meta.questionIndex === questionIndex)
  if (!board) throw new Error(`no board for question ${questionIndex + 1}`)
  return render(editor, [board.id], format)
}

/** Everything on the page (all boards, and notes dragged off them) as one SVG. */
export async function canvasPicture(editor: Editor): Promise<Blob> {
  const ids = editor.getSortedChildIdsForParent(editor.getCurrentPageId())
  if (ids.length === 0) throw new Error('the canvas is empty')
  return render(editor, ids, 'svg')
}

async function render(editor: Editor, ids: TLShapeId[], format: PictureFormat): Promise<Blob> {
  const { blob } = await editor.toImage(ids, { format, background: true, padding: PADDING, darkMode: false })
  return blob
}
