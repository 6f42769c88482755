import { createShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecords, writeRecords } from '../../shared/doc/documentLayout.ts'
import { defaultTemplate } from '../../shared/template/defaultTemplate.ts'
import { seedSessionDocument } from '../../shared/workshop/seedSession.ts'
import { boardsInOrder, buildNoteRecord } from '../../shared/workshop/workshopRecords.ts'
import { encodeUpdateMessage } from '../../server/sync/protocolMessages.ts'
import { markerId, parseMarkerText, scanFrame } from './postMarker.ts'

/** The document updates of posting one note per marker, as a bench sender writes them. */
function postUpdates(markers: Array<{ sender: number; seq: number; sentNs: number }>): Uint8Array[] {
  const doc = new Y.Doc()
  seedSessionDocument(doc, defaultTemplate)
  const board = boardsInOrder(readRecords(doc))[0]!
  const author = { authorId: 'p1', authorName: 'Anna' }
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (const { sender, seq, sentNs } of markers) {
    const id = createShapeId(markerId(sender, seq, sentNs))
    writeRecords(doc, { put: [buildNoteRecord({ board, author, text: `Beitrag ${seq}`, siblings: [], id })] })
  }
  return updates
}

/** An update as the server broadcasts it: a y-websocket sync update frame. */
const frameOf = (update: Uint8Array) => Buffer.from(encodeUpdateMessage(update))

function hits(frame: Buffer): Array<[string, number]> {
  const found: Array<[string, number]> = []
  scanFrame(frame, (key, sentNs) => found.push([key, sentNs]))
  return found
}

describe('post markers', () => {
  it('are found once per note in the raw frame of a real note update, with the send time intact', () => {
    const sentNs = 123_456_789_012_345
    const [update] = postUpdates([{ sender: 3, seq: 7, sentNs }])
    expect(hits(frameOf(update!))).toEqual([['3.7', sentNs]])
  })

  it('are all found in one frame when the server merges several posts into it', () => {
    const updates = postUpdates([
      { sender: 1, seq: 0, sentNs: 1_000 },
      { sender: 2, seq: 0, sentNs: 2_000 },
    ])
    const merged = frameOf(Y.mergeUpdates(updates))
    expect(hits(merged).sort()).toEqual([
      ['1.0', 1_000],
      ['2.0', 2_000],
    ])
  })

  it('are absent from frames without a post, and parse from a record id', () => {
    expect(hits(Buffer.from('no marker here PBMK but no end'))).toEqual([])
    expect(parseMarkerText(`shape:${markerId(4, 12, 99)}`)).toEqual({ key: '4.12', sentNs: 99 })
    expect(parseMarkerText('shape:plain-note')).toBeUndefined()
  })
})
