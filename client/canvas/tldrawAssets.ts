import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { allDefaultFontFaces, type TLFontFace } from 'tldraw'

/**
 * tldraw's fonts, icons and translations, bundled by Vite and served from our own origin:
 * the page never asks a CDN for anything. Module-level, as tldraw wants a stable object.
 * No embed icons: the canvas has no embeds (linksWithoutPreview.ts), and tldraw would otherwise
 * download and decode all twenty of them while the notes are first drawn.
 */
export const tldrawAssetUrls = withoutEmbedIcons(getAssetUrlsByImport())

function withoutEmbedIcons<Urls extends { embedIcons: Record<string, string> }>(urls: Urls): Urls {
  return { ...urls, embedIcons: Object.fromEntries(Object.keys(urls.embedIcons).map((type) => [type, ''])) }
}

/** The descriptors tldraw's FontManager compares when it looks for a face already in the document. */
const FONT_FACE_DEFAULTS = {
  style: 'normal',
  weight: 'normal',
  stretch: 'normal',
  unicodeRange: 'U+0-10FFFF',
  featureSettings: 'normal',
  ascentOverride: 'normal',
  descentOverride: 'normal',
  lineGapOverride: 'normal',
} as const

let fontsLoading: Promise<void> | undefined

/**
 * Loads all of tldraw's default font faces into the document, as tldraw's FontManager would
 * (same family and descriptors, so it finds and reuses them instead of adding its own).
 *
 * Why before the editor mounts: tldraw waits for the fonts the page uses before it draws
 * anything, then, once mounted, loads all the other default faces in the background. Each face
 * that arrives changes the document's fonts, and the browser lays out and paints every note's
 * text again: with 1,000 notes on the board that was a second of work right after they had been
 * drawn. Loaded while the session syncs, the fonts are there before the first note is.
 */
export function preloadTldrawFonts(): Promise<void> {
  fontsLoading ??= Promise.all(allDefaultFontFaces.map(loadFontFace)).then(
    () => undefined,
    () => undefined, // a font that fails is tldraw's to report; the board opens anyway
  )
  return fontsLoading
}

function loadFontFace(font: TLFontFace): Promise<FontFace> {
  const url = (tldrawAssetUrls.fonts as Record<string, string | undefined>)[font.src.url] ?? font.src.url
  const descriptors: FontFaceDescriptors = { display: 'swap' }
  for (const key of Object.keys(FONT_FACE_DEFAULTS) as Array<keyof typeof FONT_FACE_DEFAULTS>) {
    descriptors[key] = font[key] ?? FONT_FACE_DEFAULTS[key]
  }
  const face = new FontFace(font.family, `url(${JSON.stringify(url)})`, descriptors)
  document.fonts.add(face)
  return face.load()
}

/** Translation URLs already asked for (a failed fetch is forgotten, so a later call retries). */
const prefetched = new Set<string>()

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

