import { createRoot } from 'react-dom/client'
import { Box, createTLStore, defaultShapeUtils, Tldraw, type Editor, type TLRecord } from 'tldraw'
import 'tldraw/tldraw.css'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { boardsCamera } from '../../../client/canvas/boardsCamera.ts'

/**
 * The canvas reference of the browser workload: stock tldraw 5.4.2 with the same records as the
 * benchmarked Pinnwand session (boards as frames, 1,000 notes), no sync, no custom shapes.
 * Records come from ./records.json, written by the bench beside the built page, and are put
 * into the store in one batch before tldraw mounts.
 *
 * Same canvas as Pinnwand's: `?canvas=x,y,w,h` places tldraw where Pinnwand's canvas sits below
 * its header (measured by the bench in our page), and the camera starts where Pinnwand's does,
 * with Pinnwand's own arithmetic (boardsCamera). The zoom decides how tldraw draws every note
 * (shadows only from 25 % up), so a different zoom would compare different drawing work.
 */
const assetUrls = getAssetUrlsByImport()

function canvasBox(): { left: number; top: number; width: number; height: number } | undefined {
  const [x, y, w, h] = (new URLSearchParams(location.search).get('canvas') ?? '').split(',').map(Number)
  if ([x, y, w, h].some((value) => value === undefined || !Number.isFinite(value))) return undefined
  return { left: x!, top: y!, width: w!, height: h! }
}

async function start(): Promise<void> {
  const records = (await (await fetch('./records.json')).json()) as TLRecord[]
  const store = createTLStore({ shapeUtils: defaultShapeUtils })
  store.mergeRemoteChanges(() => store.put(records))
  const onMount = (editor: Editor) => {
    const boards = editor.getCurrentPageShapes().filter((shape) => shape.type === 'frame' && (shape.meta as { kind?: string }).kind === 'board')
    if (boards.length === 0) return
    const bounds = Box.Common(boards.map((board) => editor.getShapePageBounds(board.id)!).filter(Boolean))
    editor.setCamera(boardsCamera(bounds, editor.getViewportScreenBounds(), editor.getCameraOptions().zoomSteps))
  }
  const box = canvasBox()
  createRoot(document.getElementById('root')!).render(
    <div style={box ? { position: 'fixed', ...box } : { position: 'fixed', inset: 0 }}>
      <Tldraw store={store} assetUrls={assetUrls} onMount={onMount} />
    </div>,
  )
}

void start()
