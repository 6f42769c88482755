import { NoteShapeUtil, type TLNoteShape } from 'tldraw'
import { readNoteMeta } from '../../shared/workshop/recordMeta.ts'

/**
 * tldraw's sticky note plus its author's name, from the note's meta (set once when it was
 * posted), so everyone sees who wrote what without tldraw's own per-edit attribution.
 */
export class AuthoredNoteShapeUtil extends NoteShapeUtil {
  override component(shape: TLNoteShape) {
    const author = readNoteMeta(shape.meta)?.authorName
    return (
      <>
        {super.component(shape)}
        {author && (
          <div className="pinnwand-note-author" data-testid="note-author" style={{ transform: `scale(${shape.props.scale})` }}>
            {author}
          </div>
        )}
      </>
    )
  }
}
