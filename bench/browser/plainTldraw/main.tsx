import { createRoot } from 'react-dom/client'
import { Box, createTLStore, defaultShapeUtils, Tldraw, type Editor, type TLRecord } from 'tldraw'
import 'tldraw/tldraw.css'
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'

/**
 * The canvas reference of the browser workload: stock tldraw 5.4.2 with the same records as the
 * benchmarked Pinnwand session (boards as frames, 1,000 notes), no sync, no custom shapes. Its
 * camera starts like Pinnwand's: all boards in view with a 64 px inset. Records come from
 * ./records.json, written by the bench beside the built page.
 */
const assetUrls = getAssetUrlsByImport()

async function start(): Promise<void> {
  const records = (await (await fetch('./records.json')).json()) as TLRecord[]
  const store = createTLStore({ shapeUtils: defaultShapeUtils })
  store.mergeRemoteChanges(() => store.put(records))
  const onMount = (editor: Editor) => {
    const boards = editor.getCurrentPageShapes().filter((shape) => shape.type === 'frame' && (shape.meta as { kind?: string }).kind === 'board')
    const bounds = Box.Common(boards.map((board) => editor.getShapePageBounds(board.id)!).filter(Boolean))
    if (boards.length > 0) editor.zoomToBounds(bounds, { inset: 64 })
  }
  createRoot(document.getElementById('root')!).render(
    <div style={{ position: 'fixed', inset: 0 }}>
      <Tldraw store={store} assetUrls={assetUrls} onMount={onMount} />
    </div>,
  )
}

void start()
