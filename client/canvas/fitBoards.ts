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
 * Returns the function that stops watching.
 */
export function fitBoardsUntilMoved(editor: Editor): () => void {
  // Our own fits move the camera too; the reactor may run inside them and must not stop then.
  let fitting = false
  const fit = () => {
    fitting = true
    try {
      fitBoardsInView(editor)
    } finally {
      fitting = false
    }
    return editor.getCamera()
  }
  let fitted = fit()
  let size = editor.getViewportScreenBounds()
  // Its first run is inside `react` itself, with the camera just fitted: it never stops there.
  const stop: () => void = react('pinnwand fit boards on resize', () => {
    const camera = editor.getCamera()
    const bounds = editor.getViewportScreenBounds()
    if (fitting) return
    if (!sameCamera(camera, fitted)) return stop()
    if (bounds.w === size.w && bounds.h === size.h) return
    size = bounds
    fitted = fit()
  })
  return stop
}

function sameCamera(a: TLCamera, b: TLCamera): boolean {
  return a.x === b.x && a.y === b.y && a.z === b.z
}
