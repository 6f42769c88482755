import {
  DefaultFontFaces,
  getDisplayValues,
  Group2d,
  NoteShapeUtil,
  Rectangle2d,
  track,
  useComputed,
  useSvgExportContext,
  useValue,
  type SvgExportContext,
  type TLDefaultFonts,
  type TLNoteShape,
} from 'tldraw'
import { mayAddNoteBeside } from './adjacentNotes.ts'
import { asDuplicatorsNote } from './duplicatedNotes.ts'
import { mayEditText } from './boardRules.ts'
import { LazyGeometry2d } from './lazyGeometry.ts'
import { NoteAuthorLine } from './NoteAuthorLine.tsx'
import { notePictureDetails } from './notePictureDetails.ts'
import { NoteAuthorSvg, DotCountSvg } from './NotePictureExtras.tsx'
import { plainParagraphs } from './plainRichText.ts'
import { readBoardMeta, readNoteMeta } from '../../shared/workshop/recordMeta.ts'
import { SealedNoteCover } from './SealedNoteCover.tsx'
import { StaticNote, type StaticNoteView } from './StaticNote.tsx'

/**
 * tldraw's own note component, as a component of its own: it reads editor state while
 * rendering (which note is selected), so it is tracked like tldraw tracks shape components.
 */
const TldrawNote = track(function TldrawNote({ util, shape }: { util: AuthoredNoteShapeUtil; shape: TLNoteShape }) {
  return util.tldrawComponent(shape)
})

interface NoteView extends StaticNoteView {
  questionIndex: number | undefined
  labelInUse: boolean
}

function sameView(a: NoteView, b: NoteView): boolean {
  return (
    a.questionIndex === b.questionIndex &&
    a.labelInUse === b.labelInUse &&
    a.colorMode === b.colorMode &&
    a.rotation === b.rotation &&
    a.hideShadows === b.hideShadows
  )
}

/**
 * tldraw's sticky note plus its author's name, from the note's meta (set once when it was
 * posted), so everyone sees who wrote what without tldraw's own per-edit attribution.
 * The wrapper (display: contents, no box of its own) marks the note for tests and assistive tech
 * apart from tldraw's hidden text-measuring copy of the same text.
 */
export class AuthoredNoteShapeUtil extends NoteShapeUtil {
  /**
   * tldraw's geometry with the label part computed on first use: tldraw measures each note's
   * text in the DOM for it, and it builds every note's geometry when the canvas opens, which
   * for 1,000 notes took longer than everything else there together. The note's own rectangle,
   * i.e. its bounds, is the same as tldraw's; the label (where a click starts editing) is
   * tldraw's own, measured when a pointer first needs it.
   */
  /** tldraw's "+" handles beside a selected note, for whom may post a note there (adjacentNotes.ts). */
  override getHandles(shape: TLNoteShape) {
    return mayAddNoteBeside(this.editor, shape) ? super.getHandles(shape) : []
  }

  override getGeometry(shape: TLNoteShape) {
    const { noteWidth, noteHeight } = getDisplayValues(this, shape)
    const { scale, growY } = shape.props
    const label = new LazyGeometry2d(() => super.getGeometry(shape).children.find((child) => child.isLabel)!, {
      isFilled: true,
      isClosed: true,
      isLabel: true,
      excludeFromShapeBounds: true,
    })
    return new Group2d({
      children: [new Rectangle2d({ width: noteWidth * scale, height: (noteHeight + growY) * scale, isFilled: true }), label],
    })
  }

  /**
   * tldraw reads the fonts of a note from its rich text, parsed into a ProseMirror document,
   * for every note on the page when the canvas opens. Plain text (see plainParagraphs) is set in
   * the note's font alone, which is what tldraw's reading finds for it; anything else is tldraw's.
   */
  override getFontFaces(shape: TLNoteShape) {
    const family = `tldraw_${shape.props.font}`
    if (shape.props.textLastEditedBy || !(family in DefaultFontFaces) || !plainParagraphs(shape.props.richText)) return super.getFontFaces(shape)
    return [DefaultFontFaces[family as keyof TLDefaultFonts].normal.normal]
  }

  /** A duplicate is the duplicating person's note, not a second one of the original's author (duplicatedNotes.ts). */
  override onBeforeDuplicate(original: TLNoteShape, copy: TLNoteShape): TLNoteShape {
    return asDuplicatorsNote(this.editor, super.onBeforeDuplicate(original, copy) ?? copy)
  }

  /** Only one's own notes (moderators: every note), see boardRules. */
  override canEdit(shape: TLNoteShape): boolean {
    return super.canEdit(shape) && mayEditText(this.editor, shape)
  }

  override component(shape: TLNoteShape) {
    const meta = readNoteMeta(shape.meta)
    const author = meta?.authorName
    const exportContext = useSvgExportContext()
    const { id } = shape
    const { scale } = shape.props
    // Everything a note reads from the editor, in ONE reactive value: with 1,000 notes every
    // subscription is a thousand, and opening a board paid for five per note.
    const viewSignal = useComputed(
      'note view',
      (): NoteView => ({
        // tldraw re-renders a shape when its props or meta change, not when it moves to another
        // board, so the board is read reactively from the store.
        questionIndex: this.questionIndexOf(id),
        // While nobody selects or edits a note of plain text, StaticNote draws it; otherwise tldraw.
        labelInUse: this.isLabelInUse(id),
        colorMode: exportContext?.colorMode ?? this.editor.getColorMode(),
        rotation: this.editor.getShapePageTransform(id)?.rotation() ?? 0,
        // tldraw hides the shadows when zoomed out far enough; a border takes over.
        hideShadows: this.editor.getEfficientZoomLevel() < 0.25 / scale,
      }),
      { isEqual: sameView },
      [id, scale, exportContext],
    )
    const view = useValue(viewSignal)
    const { url, textLastEditedBy } = shape.props
    const paragraphs = view.labelInUse || url || textLastEditedBy ? undefined : plainParagraphs(shape.props.richText)
    return (
      <div className="pinnwand-note" data-testid="note" data-question-index={view.questionIndex}>
        {paragraphs ? <StaticNote shape={shape} util={this} paragraphs={paragraphs} view={view} /> : <TldrawNote util={this} shape={shape} />}
        {meta?.sealed === true && <SealedNoteCover shape={shape} />}
        {author && <NoteAuthorLine name={author} scale={scale} />}
      </div>
    )
  }

  /**
   * The note in pictures (the Fotoprotokoll's PNG and SVG, tldraw's copy as image): tldraw's own
   * note plus what the canvas draws beside it as HTML, which tldraw's export cannot see: the
   * author's name ("Teilnehmer:in N" in an anonymised export) and the dots, as far as the person exporting
   * sees them on the canvas (see notePictureDetails).
   */
  override toSvg(shape: TLNoteShape, ctx: SvgExportContext) {
    const note = super.toSvg(shape, ctx)
    const details = notePictureDetails(this.editor)
    const meta = readNoteMeta(shape.meta)
    const author = details.authorOf(shape.id, meta?.authorName)
    const dots = details.dotsOf(shape.id) ?? 0
    if (!author && dots === 0) return note
    // tldraw's note picture is drawn in these bounds (the note's unscaled size).
    const { noteWidth, noteHeight } = getDisplayValues(this, shape, ctx.colorMode)
    return (
      <>
        {note}
        {author && <NoteAuthorSvg name={author} width={noteWidth} height={noteHeight + shape.props.growY} />}
        {dots > 0 && <DotCountSvg count={dots} width={noteWidth} />}
      </>
    )
  }

  /** tldraw's note component (see TldrawNote). */
  tldrawComponent(shape: TLNoteShape) {
    return super.component(shape)
  }

  /** tldraw's own condition for showing its label (and its editor) on a note with text, bar "has text". */
  private isLabelInUse(id: TLNoteShape['id']): boolean {
    const editing = this.editor.getEditingShapeId()
    return this.editor.getOnlySelectedShapeId() === id || (editing !== null && (editing === id || this.editor.getHoveredShapeId() === id))
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
