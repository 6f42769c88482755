import { FrameShapeUtil, type TLFrameShape } from 'tldraw'
import { isBoard } from '../../shared/workshop/workshopRecords.ts'
import { mayEditText } from './boardRules.ts'

/**
 * Frames as Pinnwand uses them. A board's name is its guiding question and its size comes from
 * the layout, so boards are neither renamed nor resized on the canvas; clusters stay ordinary frames,
 * renamed by moderators only.
 */
export class BoardFrameShapeUtil extends FrameShapeUtil {
  override canEdit(shape: TLFrameShape, info: Parameters<FrameShapeUtil['canEdit']>[1]): boolean {
    return !isBoard(shape) && super.canEdit(shape, info) && mayEditText(this.editor, shape)
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
}
