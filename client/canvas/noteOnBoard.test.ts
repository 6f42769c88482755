import { createShapeId, type TLRecord, type TLShape } from '@tldraw/tlschema'
import { getIndexAbove } from '@tldraw/utils'
import { describe, expect, it } from 'vitest'
import { clusterRecord } from '../../shared/export/testing/exportFixture.ts'
import { defaultTemplate } from '../../shared/template/defaultTemplate.ts'
import { boardsInOrder, buildNoteRecord, buildSeedRecords, PAGE_ID } from '../../shared/workshop/workshopRecords.ts'
import { BOARD_HEADER_HEIGHT, BOARD_PADDING, NOTE_COLUMNS, NOTE_SIZE, noteSlotPosition } from '../../shared/workshop/boardLayout.ts'
import { keepNoteOnBoard, type BoardLookup } from './noteOnBoard.ts'

function setup() {
  const records = new Map<string, TLRecord>(buildSeedRecords(defaultTemplate).map((record) => [record.id, record]))
  const boards = boardsInOrder(records.values())
  const lookup: BoardLookup = {
    get: (id) => records.get(id),
    boards,
    indexAbove: () => getIndexAbove(),
    childrenOf: (parentId) => [...records.values()].filter((record): record is TLShape => record.typeName === 'shape' && record.parentId === parentId),
  }
  const note = buildNoteRecord({ board: boards[0]!, author: { authorId: 'p-anna', authorName: 'Anna' }, text: 'Idee', siblings: [] })
  return { boards, lookup, note, records }
}

describe('keepNoteOnBoard', () => {
  it('accepts moves that keep the note on its board', () => {
    const { lookup, note } = setup()
    const next = { ...note, x: note.x + 300 }
    expect(keepNoteOnBoard(note, next, lookup)).toBe(next)
  })

  it('keeps the previous state when the note would leave every board', () => {
    const { lookup, note, boards } = setup()
    const intoTheGap = { ...note, x: boards[0]!.props.w + 40 }
    expect(keepNoteOnBoard(note, intoTheGap, lookup)).toBe(note)
    const onThePage = { ...note, parentId: PAGE_ID, x: -5000, y: -5000 }
    expect(keepNoteOnBoard(note, onThePage, lookup)).toBe(note)
  })

  it('keeps a change that does not move the note, even when its text makes it grow past the board: the text stays, the note at the first row', () => {
    const { lookup, note, boards } = setup()
    const low = { ...note, y: boards[0]!.props.h - 250 }
    const grown = { ...low, props: { ...low.props, growY: 2000 } }
    const kept = keepNoteOnBoard(low, grown, lookup)
    expect(kept.props).toBe(grown.props)
    expect(kept).toMatchObject({ parentId: low.parentId, x: low.x, y: BOARD_HEADER_HEIGHT })
  })

  it('moves a note of the last row up as its text makes it taller, so all of it stays on its board', () => {
    const { lookup, note, boards } = setup()
    const board = boards[0]!
    const lastRow = { ...note, y: noteSlotPosition(2 * NOTE_COLUMNS).y }
    const grown = { ...lastRow, props: { ...lastRow.props, growY: 250 } }
    const kept = keepNoteOnBoard(lastRow, grown, lookup)
    expect(kept.props).toBe(grown.props)
    expect(kept.x).toBe(lastRow.x)
    expect(kept.y + NOTE_SIZE + 250).toBe(board.props.h - BOARD_PADDING)
    // Its head is still on its board, so it stays with its question.
    expect(kept.parentId).toBe(board.id)
  })

  it('leaves a growing note where it is while it still fits above the board’s bottom edge', () => {
    const { lookup, note } = setup()
    const grown = { ...note, props: { ...note.props, growY: 250 } }
    expect(keepNoteOnBoard(note, grown, lookup)).toBe(grown)
  })

  it('does not move a growing note up over the note above it: the board’s other notes count', () => {
    const { lookup, note, boards, records } = setup()
    const board = boards[0]!
    const above = { ...note, id: createShapeId('r1'), ...noteSlotPosition(0) }
    records.set(above.id, above)
    const underIt = { ...note, ...noteSlotPosition(NOTE_COLUMNS) }
    records.set(underIt.id, underIt)
    const grown = { ...underIt, props: { ...underIt.props, growY: 440 } }
    const kept = keepNoteOnBoard(underIt, grown, lookup)
    expect(kept.props).toBe(grown.props)
    // R1 is the only other note: the column beside it has room for all of the grown note.
    expect(kept).toMatchObject({ parentId: board.id, ...noteSlotPosition(1) })
  })

  it('leaves a growing note in a cluster to the cluster, which grows around it', () => {
    const { lookup, note, boards, records } = setup()
    const cluster = clusterRecord(createShapeId('c-low'), boards[0]!, 'Radwege', 'a5', 32, 600)
    records.set(cluster.id, cluster)
    const inCluster = { ...note, parentId: cluster.id, x: 16, y: 16 }
    const grown = { ...inCluster, props: { ...inCluster.props, growY: 400 } }
    expect(keepNoteOnBoard(inCluster, grown, lookup)).toBe(grown)
  })

  it('moves a note dropped over another board into that board, at the same page position', () => {
    const { lookup, note, boards } = setup()
    const target = boards[1]!
    const pageX = target.x + 100
    const pageY = target.y + 300
    const released = { ...note, parentId: PAGE_ID, x: pageX, y: pageY }
    const kept = keepNoteOnBoard(note, released, lookup)
    expect(kept).toMatchObject({ parentId: target.id, x: pageX - target.x, y: pageY - target.y })
  })

  it('moves a note still parented to its old board into the board it is now over', () => {
    const { lookup, note, boards } = setup()
    const [from, to] = [boards[0]!, boards[1]!]
    const dragged = { ...note, x: to.x - from.x + 200, y: to.y - from.y + 400 }
    expect(keepNoteOnBoard(note, dragged, lookup)).toMatchObject({ parentId: to.id, x: 200, y: 400 })
  })
  it('keeps a long note on its board when it is moved low on it, though most of it then hangs over the board below', () => {
    // A cluster making room moved Anna's note of ~500 characters to the last row of the first board.
    const { lookup, note, boards } = setup()
    const [first, below] = [boards[0]!, boards[2]!]
    const long = { ...note, props: { ...note.props, growY: 700 } }
    const movedLow = { ...long, y: first.props.h - 232 }
    // The premise: the centre of the whole note lies on the board below.
    const centreY = first.y + movedLow.y + (NOTE_SIZE + 700) / 2
    expect(centreY).toBeGreaterThan(below.y)
    expect(centreY).toBeLessThan(below.y + below.props.h)
    expect(keepNoteOnBoard(long, movedLow, lookup)).toBe(movedLow)
  })

  it('moves a long note whose head is dragged over another board into that board', () => {
    const { lookup, note, boards } = setup()
    const [from, to] = [boards[0]!, boards[1]!]
    const long = { ...note, props: { ...note.props, growY: 700 } }
    const dragged = { ...long, x: to.x - from.x + 200, y: to.y - from.y + 400 }
    expect(keepNoteOnBoard(long, dragged, lookup)).toMatchObject({ parentId: to.id, x: 200, y: 400 })
  })
})
