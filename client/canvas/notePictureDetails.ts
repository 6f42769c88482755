import type { Editor } from 'tldraw'

/**
 * What a note's picture (tldraw's export, `AuthoredNoteShapeUtil.toSvg`) shows besides tldraw's
 * own note: its dots and its author, which the canvas draws as HTML (DotOverlay, NoteAuthorLine)
 * and tldraw's export therefore leaves out.
 */
export interface NotePictureDetails {
  /** The dots on a note or cluster as the exporting person sees them on the canvas; null: none shown. */
  dotsOf: (targetId: string) => number | null
  /** The name at the bottom of a note, given the author's name on screen; undefined: none. */
  authorOf: (noteId: string, onScreen: string | undefined) => string | undefined
}

/** Options of one picture export. */
export interface NotePictureOptions {
  /**
   * An anonymised export's author names by note id ("Teilnehmer:in N", as in its files, see
   * shared/export's exportedAuthorNames); null: the names as on screen.
   */
  authorNames: ReadonlyMap<string, string> | null
}

/**
 * The counts DotOverlay shows, per editor. Only it knows the dots (they live in the Yjs document,
 * not in tldraw's store) and whether this person may see them, so it hands the picture exactly
 * what is on screen: a participant whose round hides the results exports no counts.
 */
const shownDots = new WeakMap<Editor, (targetId: string) => number | null>()
/** Options of the export running now (the export panel's), per editor. */
const exportOptions = new WeakMap<Editor, NotePictureOptions>()

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
 * Runs an export of `editor` whose notes show their authors as on screen or as an anonymised
 * export names them. Outside such a run (tldraw's own copy / export) notes show their authors, as on screen.
 */
export async function withNotePictureOptions<T>(editor: Editor, options: NotePictureOptions, run: () => Promise<T>): Promise<T> {
  exportOptions.set(editor, options)
  try {
    return await run()
  } finally {
    if (exportOptions.get(editor) === options) exportOptions.delete(editor)
  }
}

export function notePictureDetails(editor: Editor): NotePictureDetails {
  const authorNames = exportOptions.get(editor)?.authorNames ?? null
  return {
    dotsOf: shownDots.get(editor) ?? NO_DOTS,
    authorOf: (noteId, onScreen) => (authorNames ? authorNames.get(noteId) : onScreen),
  }
}
