import type { TLRecord } from '@tldraw/tlschema'
import { toStoredRecord } from '../../shared/doc/storedRecord.ts'

type RecordId = TLRecord['id']

/** Records to write and ids to remove: what one Yjs transaction, and so one websocket message, carries. */
export interface RecordBatch {
  put: TLRecord[]
  remove: RecordId[]
}

/** Bytes of the Yjs item around a record's content (ids, origins) and the deletion of its old entry, from above. */
const ITEM_BYTES = 64

/**
 * Bytes a record adds to an update, from above: the UTF-8 length of its id and of its stored
 * text (what Yjs writes, storedRecord.ts) and the item around them.
 */
export function recordBytes(record: TLRecord): number {
  return ITEM_BYTES + utf8Bytes(record.id) + utf8Bytes(toStoredRecord(record))
}

function utf8Bytes(text: string): number {
  let bytes = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4 // a surrogate pair: one character of four bytes
      index++
    } else bytes += 3
  }
  return bytes
}

/** What a removal adds to an update, from above (a delete-set entry). */
const REMOVE_BYTES = 32

/**
 * The bytes one update may carry when the server's messages may have `maxMessageBytes`: room
 * for the message's own header and the update's (client ids, delete set), from above.
 */
export function updateBudget(maxMessageBytes: number): number {
  return maxMessageBytes - Math.min(8 * 1024, Math.floor(maxMessageBytes / 8))
}

/**
 * Splits one frame's changes into batches of at most `budget` bytes each (by {@link recordBytes}),
 * in order, removals first. The server closes a connection whose message is larger than its limit,
 * and everything the client sent after it was lost with the connection; several notes duplicated
 * at once or photos pasted together went over it although each alone fits. Every record passed
 * must fit `budget` alone (the caller refuses larger ones).
 */
export function batchesWithin(put: readonly TLRecord[], remove: readonly RecordId[], budget: number, sizeOf: (record: TLRecord) => number = recordBytes): RecordBatch[] {
  const batches: RecordBatch[] = []
  let batch: RecordBatch = { put: [], remove: [] }
  let bytes = 0
  const room = (needed: number) => {
    if (bytes + needed > budget && (batch.put.length > 0 || batch.remove.length > 0)) {
      batches.push(batch)
      batch = { put: [], remove: [] }
      bytes = 0
    }
    bytes += needed
  }
  for (const id of remove) {
    room(REMOVE_BYTES)
    batch.remove.push(id)
  }
  for (const record of put) {
    room(sizeOf(record))
    batch.put.push(record)
  }
  if (batch.put.length > 0 || batch.remove.length > 0) batches.push(batch)
  return batches
}
