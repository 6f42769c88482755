import { computed, FrameShapeUtil, type Computed, type SvgExportContext, type TLFrameShape, type TLShape } from 'tldraw'
import { isBoard, isCluster } from '../../shared/workshop/workshopRecords.ts'
import { translate } from '../i18n/translate.ts'
import type { Language } from '../stores/languageStore.ts'
import { mayEditText } from './boardRules.ts'
import { clusterHeadings } from './clusterHeadings.ts'
import { fitClusterToNotes, placeDroppedNotesInCluster } from './clusterActions.ts'
import { notePictureDetails } from './notePictureDetails.ts'
import { DotCountSvg } from './NotePictureExtras.tsx'

/**
 * Frames as Pinnwand uses them. A board's name is its guiding question and its size comes from
 * the layout, so boards are neither renamed nor resized on the canvas; clusters stay ordinary frames,
 * renamed by moderators only.
 */
export class BoardFrameShapeUtil extends FrameShapeUtil {
  /** Each cluster's heading (clusterHeadings.ts), recomputed only when a frame or the language changes. */
  private headings: Computed<Map<string, string>> | undefined
  /** Props with the heading as name, kept per props object so tldraw's heading measurement cache still hits. */
  private readonly shownProps = new WeakMap<TLFrameShape['props'], TLFrameShape['props']>()

  private headingsNow(): Map<string, string> {
    const editor = this.editor
    if (!this.headings) {
      const $frames = computed('pinnwand frames', () => editor.getCurrentPageShapes().filter((shape) => shape.type === 'frame'), {
        // Notes change all the time; the headings only need recomputing when a frame does.
        isEqual: (a: TLShape[], b: TLShape[]) => a.length === b.length && a.every((shape, i) => shape === b[i]),
      })
      this.headings = computed('pinnwand cluster headings', () =>
        clusterHeadings($frames.get(), translate(editor.user.getLocale() as Language, 'list.unnamedCluster')),
      )
    }
    return this.headings.get()
  }

  /**
   * The frame as tldraw should draw it: a cluster with its heading as name (tldraw writes
   * "Frame" for an empty one). Not while its name is being typed: the field shows the name itself.
   */
  private shown(shape: TLFrameShape): TLFrameShape {
    if (!isCluster(shape) || this.editor.getEditingShapeId() === shape.id) return shape
    const heading = this.headingsNow().get(shape.id)
    if (heading === undefined || heading === shape.props.name) return shape
    let props = this.shownProps.get(shape.props)
    if (props?.name !== heading) {
      props = { ...shape.props, name: heading }
      this.shownProps.set(shape.props, props)
    }
    return { ...shape, props }
  }

  override component(shape: TLFrameShape) {
    return super.component(this.shown(shape))
  }

  override getGeometry(shape: TLFrameShape) {
    return super.getGeometry(this.shown(shape))
  }

  override getAriaDescriptor(shape: TLFrameShape) {
    return this.shown(shape).props.name
  }

  override canEdit(shape: TLFrameShape, info: Parameters<FrameShapeUtil['canEdit']>[1]): boolean {
    return !isBoard(shape) && super.canEdit(shape, info) && mayEditText(this.editor, shape)
  }

  /**
   * A board does not clip its notes: a note on the bottom row that grows with a long text went
   * on below the board's edge, cut off; and tldraw gave every note on a board a clip-path
   * polygon of its own, computed and painted for each. Clusters still clip like frames.
   */
  override getClipPath(shape: TLFrameShape) {
    return isBoard(shape) ? undefined : super.getClipPath(shape)
  }

  override canResize(shape: TLFrameShape): boolean {
    return !isBoard(shape) && super.canResize(shape)
  }

  override hideResizeHandles(shape: TLFrameShape): boolean {
    return isBoard(shape) || super.hideResizeHandles(shape)
  }

  override hideRotateHandle(shape: TLFrameShape): boolean {
    return isBoard(shape) || super.hideRotateHandle(shape)
  }

  /**
   * Notes dropped into a cluster, or moved in it, are held by it: the cluster grows around them
   * (at the drop, not while dragging: a frame growing under the pointer could not be left).
   * Only who may change the cluster (rename it: moderators) grows it; a participant regrouping
   * own notes in the clustering phase may not change the frame, so the notes go to a free spot in
   * it, or where the server grows it around them (placeDroppedNotesInCluster).
   */
  override onDropShapesOver(shape: TLFrameShape, shapes: TLShape[]): void {
    if (!isCluster(shape)) return
    if (mayEditText(this.editor, shape)) fitClusterToNotes(this.editor, shape.id)
    else placeDroppedNotesInCluster(this.editor, shape.id, shapes.map((dropped) => dropped.id))
  }

  /** A cluster's picture carries the dots on the cluster itself, as its notes' pictures do theirs (AuthoredNoteShapeUtil.toSvg). */
  override toSvg(shape: TLFrameShape, ctx: SvgExportContext) {
    const frame = super.toSvg(this.shown(shape), ctx)
    const dots = isCluster(shape) ? (notePictureDetails(this.editor).dotsOf(shape.id) ?? 0) : 0
    if (dots === 0) return frame
    return (
      <>
        {frame}
        <DotCountSvg count={dots} width={shape.props.w} />
      </>
    )
  }
}
