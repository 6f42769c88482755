import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'

/**
 * tldraw's fonts, icons and translations, bundled by Vite and served from our own origin:
 * the page never asks a CDN for anything. Module-level, as tldraw wants a stable object.
 */
export const tldrawAssetUrls = getAssetUrlsByImport()
