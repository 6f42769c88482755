import type { TLNoteShape, TLShape } from '@tldraw/tlschema'
import { NOTE_SIZE } from './boardLayout.ts'
import type { Size } from './clusterLayout.ts'
import type { ClusterShape } from './workshopRecords.ts'

/** How big a shape is drawn; on the canvas tldraw's geometry, elsewhere {@link recordSize}. */
export type SizeOf = (shape: TLShape) => Size

/**
 * A shape's size read from its record: a frame's props; a note as tldraw's note draws it (its
 * width, taller by `growY` as its text wraps, both times its scale). Other shapes count as notes.
 */
export function recordSize(shape: TLShape): Size {
  if (shape.type === 'frame') {
    const { w, h } = (shape as ClusterShape).props
    return { w, h }
  }
  const { growY = 0, scale = 1 } = (shape as TLNoteShape).props
  return { w: NOTE_SIZE * scale, h: (NOTE_SIZE + growY) * scale }
}
