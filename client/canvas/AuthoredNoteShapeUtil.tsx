import { NoteShapeUtil, useValue, type TLNoteShape } from 'tldraw'
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
    // tldraw re-renders a shape when its props or meta change, not when it moves to another
    // board, so the board is read reactively from the store.
    const questionIndex = useValue('note board', () => this.questionIndexOf(shape.id), [shape.id])
    return (
      <div className="pinnwand-note" data-testid="note" data-question-index={questionIndex}>
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
  private questionIndexOf(id: TLNoteShape['id']): number | undefined {
    const note = this.editor.getShape(id)
    let parent = note && this.editor.getShape(note.parentId)
    for (let depth = 0; parent && depth < 4; depth++) {
      const board = readBoardMeta(parent.meta)
      if (board) return board.questionIndex
      parent = this.editor.getShape(parent.parentId)
    }
    return undefined
  }
}
