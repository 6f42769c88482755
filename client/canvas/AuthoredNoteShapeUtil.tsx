import { NoteShapeUtil, type TLNoteShape } from 'tldraw'
import { readBoardMeta, readNoteMeta } from '../../shared/workshop/recordMeta.ts'
import { SealedNoteCover } from './SealedNoteCover.tsx'

/**
 * tldraw's sticky note plus its author's name, from the note's meta (set once when it was
 * posted), so everyone sees who wrote what without tldraw's own per-edit attribution.
 * The wrapper (display: contents, no box of its own) marks the note for tests and assistive tech
 * apart from tldraw's hidden text-measuring copy of the same text.
 */
export class AuthoredNoteShapeUtil extends NoteShapeUtil {
  override component(shape: TLNoteShape) {
    const meta = readNoteMeta(shape.meta)
    const author = meta?.authorName
    return (
      <div className="pinnwand-note" data-testid="note" data-question-index={this.questionIndexOf(shape)}>
        {super.component(shape)}
        {meta?.sealed === true && <SealedNoteCover shape={shape} />}
        {author && (
          <div className="pinnwand-note-author" data-testid="note-author" style={{ transform: `scale(${shape.props.scale})` }}>
            {author}
          </div>
        )}
      </div>
    )
  }

  /** The guiding question whose board holds the note (directly or through a cluster). */
  private questionIndexOf(shape: TLNoteShape): number | undefined {
    let parent = this.editor.getShape(shape.parentId)
    for (let depth = 0; parent && depth < 4; depth++) {
      const board = readBoardMeta(parent.meta)
      if (board) return board.questionIndex
      parent = this.editor.getShape(parent.parentId)
    }
    return undefined
  }
}
