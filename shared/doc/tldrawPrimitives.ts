import type { TLDocument, TLRichText, TLShapeId } from '@tldraw/tlschema'
import { uniqueId } from '@tldraw/utils'

/**
 * tldraw's id and rich-text conventions, the same as `createShapeId`, `TLDOCUMENT_ID` and
 * `toRichText` of @tldraw/tlschema (tldrawPrimitives.test.ts compares them with tldraw's).
 * They are restated here because importing them from @tldraw/tlschema brings along the modules
 * that define them, with their record validators and migrations (~9 KB gzipped), which the phone
 * view, under a 150 KB budget, cannot afford. Everything else about records comes from tldraw.
 */
export function createShapeId(id?: string): TLShapeId {
  return `shape:${id ?? uniqueId()}` as TLShapeId
}

export const TLDOCUMENT_ID = 'document:document' as TLDocument['id']

/** Plain text as tldraw rich text: one paragraph per line, an empty line an empty paragraph. */
export function toRichText(text: string): TLRichText {
  return {
    type: 'doc',
    content: text.split('\n').map((line) => (line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' })),
  }
}
