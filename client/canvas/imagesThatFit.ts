import { downsizeImage, FileHelpers, MediaHelpers, type Editor, type TLAssetStore, type TLImageShape } from 'tldraw'
import { translateNow } from '../i18n/translate.ts'
import { showToast } from '../stores/toastStore.ts'

/** Room in the message for the rest of the image's record and the Yjs update around it. */
const MESSAGE_HEADROOM_BYTES = 16 * 1024
/** Longest sides tried, largest first, when an image has to shrink to fit. */
const SIDES_TO_TRY = [2400, 1800, 1400, 1000, 700, 500]
const SHRUNK_QUALITY = 0.85

/**
 * Where the canvas keeps pasted, dropped or inserted images: inside the session document, as
 * data URLs, like tldraw's default, but never larger than one websocket message may be.
 *
 * Why: tldraw inlined a photo as it came, and a 2 MB one made an update larger than the server's
 * message limit. The server cut the connection, the client sent the same update again on every
 * reconnect, and the moderator stayed "reconnecting" for good, the photo never arriving. Now a
 * photo too large is shrunk (longest side 2400 px, then smaller) until it fits; one that cannot
 * fit (an animated GIF, a large drawing) is refused with a message and tldraw's "upload failed"; the
 * image tldraw placed meanwhile goes too (removeImagesWithoutAsset).
 */
export function imagesThatFit(maxMessageBytes: number): TLAssetStore {
  const budget = maxMessageBytes - MESSAGE_HEADROOM_BYTES
  return {
    async upload(_asset, file) {
      const fitted = await fittingCopy(file, budget)
      if (!fitted) {
        showToast(translateNow('board.imageTooLarge', { limit: `${Math.floor(budget / 1024)} KB` }), 'error')
        throw new Error(`${file.name} does not fit into one message of ${maxMessageBytes} bytes`)
      }
      return { src: await FileHelpers.blobToDataUrl(fitted) }
    },
  }
}

/**
 * tldraw shows an image while it uploads, and when the upload fails (see imagesThatFit) it
 * deletes the image's asset but leaves the shape: an empty grey box on everyone's board. Such a
 * shape goes with its asset. Returns the unregister function.
 */
export function removeImagesWithoutAsset(editor: Editor): () => void {
  return editor.sideEffects.registerAfterDeleteHandler('asset', (asset, source) => {
    if (source !== 'user') return // the device that deleted it removes the shape, and syncs that
    const orphans = editor
      .getCurrentPageShapes()
      .filter((shape): shape is TLImageShape => editor.isShapeOfType<TLImageShape>(shape, 'image') && shape.props.assetId === asset.id)
    if (orphans.length > 0) editor.deleteShapes(orphans)
  })
}

/** The file itself if its data URL fits `budget`, else the largest tried smaller copy that does. */
async function fittingCopy(file: File, budget: number): Promise<Blob | undefined> {
  if (dataUrlBytes(file) <= budget) return file
  if (!MediaHelpers.isStaticImageType(file.type)) return undefined
  const size = await MediaHelpers.getImageSize(file)
  // JPEG stays JPEG; anything else becomes WebP, which keeps transparency.
  const type = file.type === 'image/jpeg' ? 'image/jpeg' : 'image/webp'
  for (const side of SIDES_TO_TRY) {
    const scale = Math.min(1, side / Math.max(size.w, size.h))
    const copy = await downsizeImage(file, Math.max(1, Math.round(size.w * scale)), Math.max(1, Math.round(size.h * scale)), { type, quality: SHRUNK_QUALITY })
    if (dataUrlBytes(copy) <= budget) return copy
  }
  return undefined
}

/** Bytes of a blob as a base64 data URL (64 covers the `data:<type>;base64,` header). */
function dataUrlBytes(blob: Blob): number {
  return Math.ceil(blob.size / 3) * 4 + 64
}
