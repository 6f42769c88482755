/// <reference types="vite/client" />
import drawBoldItalicUrl from '@tldraw/assets/fonts/Shantell_Sans-Informal_Bold_Italic.woff2?url'
import drawBoldUrl from '@tldraw/assets/fonts/Shantell_Sans-Informal_Bold.woff2?url'
import drawItalicUrl from '@tldraw/assets/fonts/Shantell_Sans-Informal_Regular_Italic.woff2?url'
import drawUrl from '@tldraw/assets/fonts/Shantell_Sans-Informal_Regular.woff2?url'
import monoBoldItalicUrl from '@tldraw/assets/fonts/IBMPlexMono-BoldItalic.woff2?url'
import monoBoldUrl from '@tldraw/assets/fonts/IBMPlexMono-Bold.woff2?url'
import monoItalicUrl from '@tldraw/assets/fonts/IBMPlexMono-MediumItalic.woff2?url'
import monoUrl from '@tldraw/assets/fonts/IBMPlexMono-Medium.woff2?url'
import sansBoldItalicUrl from '@tldraw/assets/fonts/IBMPlexSans-BoldItalic.woff2?url'
import sansBoldUrl from '@tldraw/assets/fonts/IBMPlexSans-Bold.woff2?url'
import sansItalicUrl from '@tldraw/assets/fonts/IBMPlexSans-MediumItalic.woff2?url'
import sansUrl from '@tldraw/assets/fonts/IBMPlexSans-Medium.woff2?url'
import serifBoldItalicUrl from '@tldraw/assets/fonts/IBMPlexSerif-BoldItalic.woff2?url'
import serifBoldUrl from '@tldraw/assets/fonts/IBMPlexSerif-Bold.woff2?url'
import serifItalicUrl from '@tldraw/assets/fonts/IBMPlexSerif-MediumItalic.woff2?url'
import serifUrl from '@tldraw/assets/fonts/IBMPlexSerif-Medium.woff2?url'

/**
 * tldraw 5.4.2's default font faces (its `DefaultFontFaces`) with the URLs Vite gives the same
 * files for tldraw (bundled from @tldraw/assets, served from our own origin). Written out here,
 * not read from tldraw, so that loading them does not wait for tldraw's 1.7 MB chunk: this
 * module is a few hundred bytes. tldrawFonts.test.ts checks it against tldraw's own list.
 */
export interface TldrawFontFace {
  family: string
  weight: 'normal' | 'bold'
  style: 'normal' | 'italic'
  url: string
}

const faces = (family: string, urls: { normal: string; bold: string; italic: string; boldItalic: string }): TldrawFontFace[] => [
  { family, weight: 'normal', style: 'normal', url: urls.normal },
  { family, weight: 'bold', style: 'normal', url: urls.bold },
  { family, weight: 'normal', style: 'italic', url: urls.italic },
  { family, weight: 'bold', style: 'italic', url: urls.boldItalic },
]

export const TLDRAW_FONT_FACES: readonly TldrawFontFace[] = [
  ...faces('tldraw_draw', { normal: drawUrl, bold: drawBoldUrl, italic: drawItalicUrl, boldItalic: drawBoldItalicUrl }),
  ...faces('tldraw_sans', { normal: sansUrl, bold: sansBoldUrl, italic: sansItalicUrl, boldItalic: sansBoldItalicUrl }),
  ...faces('tldraw_serif', { normal: serifUrl, bold: serifBoldUrl, italic: serifItalicUrl, boldItalic: serifBoldItalicUrl }),
  ...faces('tldraw_mono', { normal: monoUrl, bold: monoBoldUrl, italic: monoItalicUrl, boldItalic: monoBoldItalicUrl }),
]

let fontsLoading: Promise<void> | undefined

/**
 * Loads all of tldraw's default font faces into the document, as tldraw's FontManager would:
 * same family and descriptors (it compares style, weight, stretch, unicode range, feature
 * settings and the three metric overrides, all left at their defaults here), so it finds and
 * reuses these faces instead of adding its own.
 *
 * Why before the editor mounts: tldraw waits for the fonts the page uses before it draws
 * anything, then, once mounted, loads all the other default faces in the background. Each face
 * that arrives changes the document's fonts, and the browser lays out and paints every note's
 * text again: with 1,000 notes on the board that was a second of work right after they had been
 * drawn. Loaded while the session loads and syncs, the fonts are there before the first note is.
 */
export function preloadTldrawFonts(): Promise<void> {
  fontsLoading ??= Promise.all(
    TLDRAW_FONT_FACES.map((face) => {
      const fontFace = new FontFace(face.family, `url(${JSON.stringify(face.url)})`, { weight: face.weight, style: face.style, display: 'swap' })
      document.fonts.add(fontFace)
      return fontFace.load()
    }),
  ).then(
    () => undefined,
    () => undefined, // a font that fails is tldraw's to report; the board opens anyway
  )
  return fontsLoading
}
