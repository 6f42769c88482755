import { Box, react, type Editor, type TLCamera } from 'tldraw'
import { boardsCamera } from './boardsCamera.ts'
import { pageBoards } from './pageBoards.ts'

/** All boards in view, so every question can be read on arrival. */
export function fitBoardsInView(editor: Editor): void {
  const boxes = pageBoards(editor)
    .map((board) => editor.getShapePageBounds(board.id))
    .filter((box): box is Box => box !== undefined)
  if (boxes.length === 0) return
  editor.setCamera(boardsCamera(Box.Common(boxes), editor.getViewportScreenBounds(), editor.getCameraOptions().zoomSteps))
}

/**
 * Fits the boards in view now and again whenever the canvas changes size, until the camera
 * moves for another reason (the person pans or zooms, "Alle zu mir", following). The canvas
 * can mount before the moderator panel beside it has loaded and taken its width; the first fit
 * was then centred on the whole window, with the right-hand boards under the panel.
 * Once the camera has moved, a change of size (the voting results column opening beside the
 * canvas, the moderator panel hidden) keeps the page area that was in view in view, zooming out
 * if need be: tldraw keeps the camera, so a column opening on the left pushed the right-hand
 * boards out of sight behind the moderator panel.
 * While the person follows the moderation (the Beamer), the view is the moderator's: tldraw fits
 * her viewport into the new size itself, and a camera move of ours would end the following
 * (any setCamera stops it), so the Beamer left follow mode when the results opened on it.
 * Returns the function that stops watching.
 */
export function keepBoardsInViewOnResize(editor: Editor): () => void {
  // Our own camera changes; the reactor may run inside them and must ignore them.
  let adjusting = false
  const adjust = (move: () => void) => {
    adjusting = true
    try {
      move()
    } finally {
      adjusting = false
    }
    return editor.getCamera()
  }
  let fitted: TLCamera | null = adjust(() => fitBoardsInView(editor))
  let size = editor.getViewportScreenBounds()
  let visible = editor.getViewportPageBounds()
  // Its first run is inside `react` itself, with the camera just fitted.
  return react('pinnwand keep boards in view on resize', () => {
    const camera = editor.getCamera()
    const bounds = editor.getViewportScreenBounds()
    if (adjusting) return
    if (fitted && !sameCamera(camera, fitted)) fitted = null
    const following = editor.getInstanceState().followingUserId !== null
    if (bounds.w !== size.w || bounds.h !== size.h) {
      size = bounds
      const before = visible
      if (following) fitted = null
      else if (fitted) fitted = adjust(() => fitBoardsInView(editor))
      else adjust(() => editor.zoomToBounds(before, { inset: 0, immediate: true }))
    }
    visible = editor.getViewportPageBounds()
  })
}

function sameCamera(a: TLCamera, b: TLCamera): boolean {
  return a.x === b.x && a.y === b.y && a.z === b.z
}
