import type * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { getRecordStore, readRecords, writeRecords } from '../../shared/doc/documentLayout.ts'
import { richTextToPlain } from '../../shared/text/richTextToPlain.ts'
import { NOTE_SLOT_CAPACITY } from '../../shared/workshop/boardLayout.ts'
import { recordSize } from '../../shared/workshop/recordSize.ts'
import { freeNotePosition, isBoard, isNote, type NoteShape } from '../../shared/workshop/workshopRecords.ts'

/** Closer than this (page units) counts as the very same spot. */
const SAME_SPOT = 1

/**
 * Notes posted at the same moment from several devices: each device puts its note into the first
 * free slot of ITS copy of the board, the same slot for all, and the notes lay exactly on top of
 * each other (twelve phones sending at once showed seven notes). The server sees them one after
 * the other and moves a new note that lies on an older one to the board's first free slot, as
 * its own change (`origin`), which every client then receives.
 *
 * Only notes that arrive with their text (phone, list): a canvas note arrives empty and its
 * author types into it right away, so a move then could undo a keystroke.
 * Returns the function that stops watching.
 */
export function spreadStackedNotes(doc: Y.Doc, origin: unknown): () => void {
  const store = getRecordStore(doc)
  const onChange = (changes: Map<string, { action: 'add' | 'update' | 'delete'; newValue?: TLRecord }>, transaction: Y.Transaction) => {
    if (transaction.origin === origin) return
    const added: NoteShape[] = []
    for (const change of changes.values()) {
      const record = change.newValue
      if (change.action === 'add' && record && isNote(record) && richTextToPlain(record.props.richText).trim() !== '') added.push(record)
    }
    // After the transaction that brought them, as a change of its own.
    if (added.length > 0) queueMicrotask(() => moveOffOthers(doc, added, origin))
  }
  store.on('change', onChange)
  return () => store.off('change', onChange)
}

function moveOffOthers(doc: Y.Doc, added: readonly NoteShape[], origin: unknown): void {
  if (doc.isDestroyed) return // the room was unloaded meanwhile
  const records = readRecords(doc)
  const byId = new Map(records.map((record) => [record.id, record]))
  const moved: NoteShape[] = []
  for (const { id } of added) {
    const note = byId.get(id)
    if (!note || !isNote(note)) continue
    const board = byId.get(note.parentId)
    if (!board || !isBoard(board)) continue
    const others = records.filter((other): other is NoteShape => other.id !== note.id && isNote(other) && other.parentId === note.parentId)
    // A full board piles its notes by design (see noteSlotPosition); there is no free spot to go to.
    if (others.length >= NOTE_SLOT_CAPACITY) continue
    if (!others.some((other) => Math.abs(other.x - note.x) < SAME_SPOT && Math.abs(other.y - note.y) < SAME_SPOT)) continue
    const spot = freeNotePosition(board, records.filter((record) => record.id !== note.id), recordSize(note))
    const next = { ...note, ...spot }
    moved.push(next)
    // Later notes of the same batch see this one where it goes.
    records[records.findIndex((record) => record.id === note.id)] = next
  }
  if (moved.length > 0) writeRecords(doc, { put: moved }, origin)
}
