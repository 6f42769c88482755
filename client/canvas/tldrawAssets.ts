import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'

/**
 * tldraw's fonts, icons and translations, bundled by Vite and served from our own origin:
 * the page never asks a CDN for anything. Module-level, as tldraw wants a stable object.
 */
export const tldrawAssetUrls = getAssetUrlsByImport()

/**
 * Fetches tldraw's translations for `locale` (and English, which tldraw always fetches first)
 * so that tldraw's own requests for them, made when it mounts, are answered from the cache
 * (our assets are immutable). tldraw renders in English until they arrive.
 */
export function prefetchTldrawTranslations(locale: string): void {
  const urls = tldrawAssetUrls.translations as Record<string, string | undefined>
  for (const url of [urls['en'], urls[locale]]) {
    if (!url || prefetched.has(url)) continue
    prefetched.add(url)
    void fetch(url).then((response) => response.arrayBuffer()).catch(() => prefetched.delete(url))
  }
}

const prefetched = new Set<string>()
