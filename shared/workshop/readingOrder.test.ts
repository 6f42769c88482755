import { describe, expect, it } from 'vitest'
import { inReadingOrder, type ReadingPlace } from './readingOrder.ts'

interface Item extends ReadingPlace {
  name: string
}

const note = (name: string, x: number, y: number, h = 200): Item => ({ name, x, y, h })
const read = (items: Item[]) =>
  inReadingOrder(items, (item) => item, (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((item) => item.name)

describe('inReadingOrder', () => {
  it('reads rows top to bottom and each row left to right, whatever the input order', () => {
    const items = [note('d', 224, 224), note('b', 224, 0), note('c', 0, 224), note('a', 0, 0)]
    expect(read(items)).toEqual(['a', 'b', 'c', 'd'])
    expect(read([...items].reverse())).toEqual(['a', 'b', 'c', 'd'])
  })

  it('keeps notes pinned a little higher or lower in their row', () => {
    // b sits 60 px higher than a but beside it: the same row, read after a.
    expect(read([note('a', 0, 60), note('b', 224, 0), note('c', 448, 90)])).toEqual(['a', 'b', 'c'])
  })

  it('starts a new row for a note mostly below the row’s first note', () => {
    // c's top is 120 px (more than half a note) below a's: it is under a, not beside it.
    expect(read([note('c', 0, 120), note('b', 224, 0), note('a', 0, 0)])).toEqual(['a', 'b', 'c'])
  })

  it('does not chain a staircase of notes into one row', () => {
    expect(read([note('a', 0, 0), note('b', 224, 60), note('c', 448, 120), note('d', 672, 180)])).toEqual(['a', 'b', 'c', 'd'])
    expect(read([note('d', 0, 180), note('c', 224, 120), note('b', 448, 60), note('a', 672, 0)])).toEqual(['b', 'a', 'd', 'c'])
  })

  it('measures the row by the height of its first note (taller notes, larger scale)', () => {
    expect(read([note('a', 0, 0, 400), note('b', 224, 150)])).toEqual(['a', 'b'])
    expect(read([note('a', 0, 0, 200), note('b', 224, 150)])).toEqual(['a', 'b'])
    expect(read([note('b', 0, 150), note('a', 224, 0, 200)])).toEqual(['a', 'b'])
  })

  it('orders notes on the same spot (a pile) by the tie-break', () => {
    expect(read([note('b', 32, 180), note('a', 32, 180)])).toEqual(['a', 'b'])
  })
})
