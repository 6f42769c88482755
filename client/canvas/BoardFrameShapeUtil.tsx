import { FrameShapeUtil, type SvgExportContext, type TLFrameShape, type TLShape } from 'tldraw'
import { isBoard, isCluster } from '../../shared/workshop/workshopRecords.ts'
import { mayEditText } from './boardRules.ts'
import { fitClusterToNotes, placeDroppedNotesInCluster } from './clusterActions.ts'
import { notePictureDetails } from './notePictureDetails.ts'
import { DotCountSvg } from './NotePictureExtras.tsx'

/**
 * Frames as Pinnwand uses them. A board's name is its guiding question and its size comes from
 * the layout, so boards are neither renamed nor resized on the canvas; clusters stay ordinary frames,
 * renamed by moderators only.
 */
export class BoardFrameShapeUtil extends FrameShapeUtil {
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
    const frame = super.toSvg(shape, ctx)
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
