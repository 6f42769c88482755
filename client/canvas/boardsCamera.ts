import type { BoxModel, VecModel } from 'tldraw'

/** Screen pixels kept free around the boards (tldraw's `inset` of zoomToBounds). */
export const BOARD_INSET = 48
/** Screen pixels kept free below the boards for tldraw's toolbar. */
const TOOLBAR_RESERVE = 72
/**
 * The same on a canvas narrower than tldraw's tablet breakpoint (PORTRAIT_BREAKPOINT.TABLET, 840 px
 * wide), where tldraw puts undo, redo and the other quick actions on a row above its toolbar: the
 * toolbar is then about 100 px high and covered the bottom board and its "+ Karte".
 */
const NARROW_TOOLBAR_RESERVE = 96
const TLDRAW_TABLET_BREAKPOINT = 840
/** tldraw's default `cameraOptions.zoomSteps` (DEFAULT_CAMERA_OPTIONS, not exported by `tldraw`). */
const TLDRAW_ZOOM_STEPS: readonly number[] = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8]

/**
 * Where the camera shows every board on arrival, so every question can be read, with room for
 * the toolbar below: tldraw's `zoomToBounds` arithmetic, done once for the boards and once more
 * with the toolbar's reserve in page units at that zoom. Kept pure so the canvas can place the
 * camera before tldraw first draws the notes (see WorkshopCanvas) and again on mount, with the
 * same result: tldraw then sees no camera move, which with over 500 shapes would otherwise
 * re-render every note once the "moving" state ends.
 */
export function boardsCamera(
  boards: BoxModel,
  viewport: { w: number; h: number },
  zoomSteps: readonly number[] = TLDRAW_ZOOM_STEPS,
): VecModel & { z: number } {
  const minZoom = zoomSteps[0]!
  const maxZoom = zoomSteps[zoomSteps.length - 1]!
  const fit = (box: BoxModel) => clamp(Math.min((viewport.w - BOARD_INSET) / box.w, (viewport.h - BOARD_INSET) / box.h), minZoom, maxZoom)
  const toolbar = viewport.w < TLDRAW_TABLET_BREAKPOINT ? NARROW_TOOLBAR_RESERVE : TOOLBAR_RESERVE
  const reserved = { ...boards, h: boards.h + toolbar / fit(boards) }
  const z = fit(reserved)
  return {
    x: -reserved.x + (viewport.w - reserved.w * z) / 2 / z,
    y: -reserved.y + (viewport.h - reserved.h * z) / 2 / z,
    z,
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}
