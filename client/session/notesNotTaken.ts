import type * as Y from 'yjs'
import { readRecords } from '../../shared/doc/documentLayout.ts'
import { richTextToPlain } from '../../shared/text/richTextToPlain.ts'
import { isNote } from '../../shared/workshop/workshopRecords.ts'

/** The texts of one author's notes in a document, by note id (notes without text left out). */
export type NoteTexts = ReadonlyMap<string, string>

export function noteTextsOf(doc: Y.Doc, authorId: string): NoteTexts {
  const texts = new Map<string, string>()
  for (const record of readRecords(doc)) {
    if (!isNote(record) || record.meta.authorId !== authorId) continue
    const text = richTextToPlain(record.props.richText)
    if (text.trim() !== '') texts.set(record.id, text)
  }
  return texts
}

/**
 * The texts of `kept` that `doc` (the server's state) does not hold as they were: notes it lacks
 * or whose text differs. What a refused device copy had that went with it.
 */
export function textsNotIn(doc: Y.Doc, kept: NoteTexts): string[] {
  if (kept.size === 0) return []
  const present = new Map<string, string>()
  for (const record of readRecords(doc)) if (isNote(record) && kept.has(record.id)) present.set(record.id, richTextToPlain(record.props.richText))
  return [...kept].filter(([id, text]) => present.get(id) !== text).map(([, text]) => text)
}
