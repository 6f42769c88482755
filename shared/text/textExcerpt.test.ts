import { describe, expect, it } from 'vitest'
import { EXCERPT_MAX_CHARS, textExcerpt } from './textExcerpt.ts'

describe('textExcerpt', () => {
  it('keeps a short one-line text as it is, without surrounding space', () => {
    expect(textExcerpt('  Mehr Bänke am Marktplatz ')).toBe('Mehr Bänke am Marktplatz')
  })

  it('takes the first line of several and marks the rest as left out', () => {
    expect(textExcerpt('Spielplatz\nmit Schatten\nund Wasser')).toBe('Spielplatz …')
  })

  it('cuts a long line at the last word boundary within the limit', () => {
    const text = 'Wir wünschen uns einen regelmäßigen Bürgerstammtisch im Rathaus mit allen Fraktionen'
    const excerpt = textExcerpt(text)
    expect(excerpt).toBe('Wir wünschen uns einen regelmäßigen Bürgerstammtisch im…')
    expect(Array.from(excerpt).length).toBeLessThanOrEqual(EXCERPT_MAX_CHARS + 1)
    expect(text.startsWith(excerpt.slice(0, -1))).toBe(true)
  })

  it('cuts one overlong word where the limit is', () => {
    expect(textExcerpt('x'.repeat(100), 10)).toBe(`${'x'.repeat(10)}…`)
  })

  it('never splits a character made of two code units', () => {
    expect(textExcerpt('🙂'.repeat(20), 5)).toBe(`${'🙂'.repeat(5)}…`)
  })

  it('collapses runs of spaces and tabs so the count is of visible words', () => {
    expect(textExcerpt('a\t\t b    c')).toBe('a b c')
  })

  it('leaves an empty text empty', () => {
    expect(textExcerpt('   ')).toBe('')
  })
})
