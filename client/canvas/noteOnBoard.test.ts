import type { TLRecord } from '@tldraw/tlschema'
import { getIndexAbove } from '@tldraw/utils'
import { describe, expect, it } from 'vitest'
import { defaultTemplate } from '../../shared/template/defaultTemplate.ts'
import { boardsInOrder, buildNoteRecord, buildSeedRecords, PAGE_ID } from '../../shared/workshop/workshopRecords.ts'
import { NOTE_SIZE } from '../../shared/workshop/boardLayout.ts'
import { keepNoteOnBoard, type BoardLookup } from './noteOnBoard.ts'

function setup() {
  const records = new Map<string, TLRecord>(buildSeedRecords(defaultTemplate).map((record) => [record.id, record]))
  const boards = boardsInOrder(records.values())
  const lookup: BoardLookup = { get: (id) => records.get(id), boards, indexAbove: () => getIndexAbove() }
  const note = buildNoteRecord({ board: boards[0]!, author: { authorId: 'p-anna', authorName: 'Anna' }, text: 'Idee', siblings: [] })
  return { boards, lookup, note }
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

  it('keeps a change that does not move the note, even when its text makes it grow past the board', () => {
    const { lookup, note, boards } = setup()
    const low = { ...note, y: boards[0]!.props.h - 250 }
    const grown = { ...low, props: { ...low.props, growY: 2000 } }
    expect(keepNoteOnBoard(low, grown, lookup)).toBe(grown)
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
