import { toRichText, type TLRichText } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { plainParagraphs } from './plainRichText.ts'

describe('plainParagraphs', () => {
  it('reads the plain text tldraw and the phone view write, one paragraph per line', () => {
    expect(plainParagraphs(toRichText('Idee\n\nnoch eine'))).toEqual([
      { dir: 'auto', runs: ['Idee'] },
      { dir: 'auto', runs: [] },
      { dir: 'auto', runs: ['noch eine'] },
    ])
  })

  it('keeps hard breaks, split text runs and an explicit direction', () => {
    const richText = {
      type: 'doc',
      content: [{ type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text: 'a' }, { type: 'hardBreak' }, { type: 'text', text: 'b', marks: [] }] }],
    } as TLRichText
    expect(plainParagraphs(richText)).toEqual([{ dir: 'rtl', runs: ['a', null, 'b'] }])
  })

  it('leaves empty notes and anything formatted to tldraw', () => {
    expect(plainParagraphs(toRichText(''))).toBeUndefined()
    expect(plainParagraphs({ type: 'doc', content: [] })).toBeUndefined()
    const bold = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'bold' }] }] }] } as TLRichText
    const list = { type: 'doc', content: [{ type: 'bulletList', content: [] }] } as TLRichText
    const aligned = { type: 'doc', content: [{ type: 'paragraph', attrs: { textAlign: 'left' }, content: [{ type: 'text', text: 'x' }] }] } as TLRichText
    const link = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] }] }] } as TLRichText
    for (const richText of [bold, list, aligned, link]) expect(plainParagraphs(richText)).toBeUndefined()
  })
})
