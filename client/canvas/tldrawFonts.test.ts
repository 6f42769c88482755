import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { allDefaultFontFaces } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { TLDRAW_FONT_FACES } from './tldrawFonts.ts'

describe('TLDRAW_FONT_FACES', () => {
  it('is tldraw’s own list of default font faces, with the URLs tldraw is given for them', () => {
    const fontUrls = getAssetUrlsByImport().fonts as Record<string, string>
    const tldraws = allDefaultFontFaces.map((face) => ({
      family: face.family,
      weight: face.weight ?? 'normal',
      style: face.style ?? 'normal',
      url: fontUrls[face.src.url],
      // Everything else tldraw's FontManager compares is left at the CSS default by both.
      others: [face.stretch, face.unicodeRange, face.featureSettings, face.ascentOverride, face.descentOverride, face.lineGapOverride],
    }))
    const key = (face: { family: string; weight: string; style: string }) => `${face.family} ${face.weight} ${face.style}`
    expect(TLDRAW_FONT_FACES.map(key).sort()).toEqual(tldraws.map(key).sort())
    for (const face of tldraws) {
      expect(face.others.every((value) => value === undefined)).toBe(true)
      expect(face.url).toMatch(/\.woff2/)
      expect(TLDRAW_FONT_FACES.find((ours) => key(ours) === key(face))?.url).toBe(face.url)
    }
  })
})
