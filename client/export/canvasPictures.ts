import type { Editor, TLShapeId } from 'tldraw'
import type * as Y from 'yjs'
import { exportedAuthorNames } from '../../shared/export/authorAliases.ts'
import { buildExport } from '../../shared/export/exportModel.ts'
import { boardsInOrder } from '../../shared/workshop/workshopRecords.ts'
import { withNotePictureOptions, type NotePictureOptions } from '../canvas/notePictureDetails.ts'

export type PictureFormat = 'png' | 'svg'

/** The export panel's choice: authors as on screen, or numbered as in its anonymised files. */
export type PictureOptions = NotePictureOptions

/**
 * The panel's options for pictures: anonymised, each note's author is named as in the files
 * exported with the same options ("Teilnehmer:in N"), read from the same export model built from
 * this browser's copy of the document, so numbers cannot drift apart from the files.
 */
export function pictureOptions(doc: Y.Doc, options: { sessionId: string; anonymise: boolean; includeEmpty: boolean }): PictureOptions {
  if (!options.anonymise) return { authorNames: null }
  const model = buildExport(doc, { sessionId: options.sessionId, exportedAt: new Date(), anonymise: true, includeEmpty: options.includeEmpty })
  return { authorNames: exportedAuthorNames(model) }
}

/** Room around the exported shapes, in page pixels. */
const PADDING = 32

/**
 * Pictures for the Fotoprotokoll, rendered by tldraw's own export (`editor.toImage`) in the
 * browser: the same shapes as on screen, always light, with the canvas background. Fonts come
 * from the bundled tldraw assets on our origin and are embedded, so no network is needed.
 * Loaded on demand: only the export panel needs it, and only with a canvas on screen.
 *
 * Notes carry what the canvas draws beside them as HTML: their authors' names ("Teilnehmer:in N"
 * when anonymised, numbered as in the files) and their dots as the person exporting sees them (AuthoredNoteShapeUtil.toSvg).
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
  const { blob } = await withNotePictureOptions(editor, options, () =>
    editor.toImage(ids, { format, background: true, padding: PADDING, darkMode: false }),
  )
  return blob
}
