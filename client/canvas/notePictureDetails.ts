import type { Editor } from 'tldraw'

/**
 * What a note's picture (tldraw's export, `AuthoredNoteShapeUtil.toSvg`) shows besides tldraw's
 * own note: its dots and its author, which the canvas draws as HTML (DotOverlay, NoteAuthorLine)
 * and tldraw's export therefore leaves out.
 */
export interface NotePictureDetails {
  /** The dots on a note or cluster as the exporting person sees them on the canvas; null: none shown. */
  dotsOf: (targetId: string) => number | null
  /** The author's name at the bottom of each note (not in an anonymised export). */
  showAuthors: boolean
}

/**
 * The counts DotOverlay shows, per editor. Only it knows the dots (they live in the Yjs document,
 * not in tldraw's store) and whether this person may see them, so it hands the picture exactly
 * what is on screen: a participant whose round hides the results exports no counts.
 */
const shownDots = new WeakMap<Editor, (targetId: string) => number | null>()
/** Options of the export running now (the export panel's), per editor. */
const exportOptions = new WeakMap<Editor, { showAuthors: boolean }>()

const NO_DOTS = () => null

/** DotOverlay: these are the counts on screen now (null: none); returns the withdrawal. */
export function showDotCountsInPictures(editor: Editor, dotsOf: ((targetId: string) => number | null) | null): () => void {
  const shown = dotsOf ?? NO_DOTS
  shownDots.set(editor, shown)
  return () => {
    if (shownDots.get(editor) === shown) shownDots.delete(editor)
  }
}

/**
 * Runs an export of `editor` whose notes show their authors or not. Outside such a run (tldraw's
 * own copy / export) notes show their authors, as on screen.
 */
export async function withNotePictureOptions<T>(editor: Editor, options: { showAuthors: boolean }, run: () => Promise<T>): Promise<T> {
  exportOptions.set(editor, options)
  try {
    return await run()
  } finally {
    if (exportOptions.get(editor) === options) exportOptions.delete(editor)
  }
}

export function notePictureDetails(editor: Editor): NotePictureDetails {
  return { dotsOf: shownDots.get(editor) ?? NO_DOTS, showAuthors: exportOptions.get(editor)?.showAuthors ?? true }
}
