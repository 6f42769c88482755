import type { TLRecord } from '@tldraw/tlschema'
import { toRichText } from './tldrawPrimitives.ts'

/**
 * How a tldraw record is kept in the session document: the JSON text of the record without what
 * the document knows anyway. Every client decodes every entry when it joins, and Yjs decodes an
 * object value key by key but a string in one go: 5,000 notes as full records take ≈ 75 ms of
 * Yjs alone, as compact objects ≈ 55 ms, as compact JSON text ≈ 16 ms (+ ≈ 10 ms to parse them
 * all), for ≈ 15 % more bytes than compact objects and ≈ 60 % fewer than full records.
 *
 * Left out when the record has them:
 * - `id`: the entry's key is the id;
 * - `typeName`: the id's prefix (`shape:…` is a shape);
 * - shape fields and note props holding the value in {@link STORED_DEFAULTS};
 * - note text as rich text: plain paragraphs are kept as one string (`props.richText`, a
 *   string where tldraw has an object, so the two cannot be confused).
 *
 * Earlier forms stay readable, so no document needs a migration: a full record as an object
 * (layout version 1) and the compact record as an object (layout version 2). Anything that
 * cannot be left out exactly (formatted text, other values) stays. The defaults are part of the
 * document format: changing one would change what stored records mean. New values get a new
 * layout version, never an edit here.
 */
export type StoredRecord = string

// The note props are the ones buildNoteRecord (shared/workshop) writes today, restated here on
// purpose rather than imported: a new look for new notes must not change what stored notes mean.
const STORED_DEFAULTS = {
  shape: { rotation: 0, isLocked: false, opacity: 1 },
  noteProps: {
    labelColor: 'black',
    size: 's',
    font: 'sans',
    fontSizeAdjustment: 1,
    align: 'middle',
    verticalAlign: 'middle',
    growY: 0,
    url: '',
    scale: 1,
    textLastEditedBy: null,
  },
} as const satisfies Record<string, Record<string, string | number | boolean | null>>

type Plain = Record<string, unknown>

function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function withoutDefaults(source: Plain, defaults: Plain): Plain {
  const result: Plain = {}
  for (const key in source) {
    if (!(key in defaults) || source[key] !== defaults[key]) result[key] = source[key]
  }
  return result
}

function withDefaults(stored: Plain, defaults: Plain): Plain {
  const result: Plain = { ...defaults }
  for (const key in stored) result[key] = stored[key]
  return result
}

/**
 * The text of rich text that is nothing but plain paragraphs, exactly as `toRichText` would
 * build it back; undefined for anything else (marks, links, line breaks inside a paragraph…).
 */
function plainTextOf(richText: unknown): string | undefined {
  if (!isPlainObject(richText) || richText.type !== 'doc' || !Array.isArray(richText.content)) return undefined
  if (Object.keys(richText).length !== 2 || richText.content.length === 0) return undefined
  const lines: string[] = []
  for (const paragraph of richText.content as unknown[]) {
    if (!isPlainObject(paragraph) || paragraph.type !== 'paragraph') return undefined
    const keys = Object.keys(paragraph).length
    if (keys === 1) {
      lines.push('')
      continue
    }
    const content = paragraph.content
    if (keys !== 2 || !Array.isArray(content) || content.length !== 1) return undefined
    const node = content[0] as unknown
    if (!isPlainObject(node) || node.type !== 'text' || typeof node.text !== 'string') return undefined
    if (Object.keys(node).length !== 2 || node.text === '' || node.text.includes('\n')) return undefined
    lines.push(node.text)
  }
  return lines.join('\n')
}

/** The form in which `record` is written to the document. */
export function toStoredRecord(record: TLRecord): StoredRecord {
  return JSON.stringify(compactRecord(record))
}

function compactRecord(record: TLRecord): Plain {
  const { id, typeName, ...rest } = record as unknown as Plain & { id: string; typeName: string }
  const stored: Plain = id.startsWith(`${typeName}:`) ? rest : { typeName, ...rest }
  if (typeName !== 'shape') return stored
  const shape = withoutDefaults(stored, STORED_DEFAULTS.shape)
  if (shape.type === 'note' && isPlainObject(shape.props)) {
    const props = withoutDefaults(shape.props, STORED_DEFAULTS.noteProps)
    const text = plainTextOf(props.richText)
    if (text !== undefined) props.richText = text
    shape.props = props
  }
  return shape
}

/**
 * The tldraw record an entry of the document holds, in any of its stored forms. Accepts any
 * value (a broken client may write anything): what is not a stored record comes back unchanged
 * (text that is no JSON) or as parsed, for validation to refuse.
 */
export function fromStoredRecord(key: string, stored: unknown): TLRecord {
  if (typeof stored !== 'string') return expandRecord(key, stored)
  let parsed: unknown
  try {
    parsed = JSON.parse(stored)
  } catch {
    return stored as unknown as TLRecord
  }
  return expandRecord(key, parsed)
}

function expandRecord(key: string, stored: unknown): TLRecord {
  if (!isPlainObject(stored)) return stored as TLRecord
  const typeName = typeof stored.typeName === 'string' ? stored.typeName : key.slice(0, Math.max(0, key.indexOf(':')))
  // A full record keeps its id: one that differs from the key is refused by validation.
  const record: Plain = { id: 'id' in stored ? stored.id : key, typeName }
  if (typeName !== 'shape') {
    for (const field in stored) if (field !== 'id' && field !== 'typeName') record[field] = stored[field]
    return record as unknown as TLRecord
  }
  const shape = withDefaults(stored, STORED_DEFAULTS.shape)
  if (shape.type === 'note' && isPlainObject(shape.props)) {
    const props = withDefaults(shape.props, STORED_DEFAULTS.noteProps)
    if (typeof props.richText === 'string') props.richText = toRichText(props.richText)
    shape.props = props
  }
  for (const field in shape) if (field !== 'id' && field !== 'typeName') record[field] = shape[field]
  return record as unknown as TLRecord
}
