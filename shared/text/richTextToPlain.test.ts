import { describe, expect, it } from 'vitest'
import { toRichText, type TLRichText } from '@tldraw/tlschema'
import { richTextToPlain } from './richTextToPlain.ts'

const text = (value: string, marks?: unknown[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) })
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content })
const item = (...content: unknown[]) => ({ type: 'listItem', content })
const bullets = (...items: unknown[]) => ({ type: 'bulletList', content: items })
const ordered = (items: unknown[], start?: number) => ({
  type: 'orderedList',
  ...(start === undefined ? {} : { attrs: { start } }),
  content: items,
})
const doc = (...content: unknown[]): TLRichText => ({ type: 'doc', content })

describe('richTextToPlain', () => {
  it('is the inverse of tldraw’s toRichText, with umlauts and emoji intact', () => {
    for (const plain of ['', 'Mehr Bürgerhaushalt', 'Zeile 1\nZeile 2', 'Absatz\n\nnach Leerzeile', 'Grüße 👋🏽 aus Köln, „Straße“ 🇩🇪', '\n']) {
      expect(richTextToPlain(toRichText(plain))).toBe(plain)
    }
  })

  it('separates paragraphs and headings by one newline and keeps hard breaks', () => {
    const rich = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('Überschrift')] },
      paragraph(text('erste Zeile'), { type: 'hardBreak' }, text('zweite Zeile')),
      paragraph(text('Schluss')),
    )
    expect(richTextToPlain(rich)).toBe('Überschrift\nerste Zeile\nzweite Zeile\nSchluss')
  })

  it('drops marks but keeps their text', () => {
    const rich = doc(paragraph(text('fett', [{ type: 'bold' }]), text(' und '), text('Link', [{ type: 'link', attrs: { href: 'https://example.org' } }])))
    expect(richTextToPlain(rich)).toBe('fett und Link')
  })

  it('writes bullet and ordered lists with two spaces per nesting level', () => {
    const rich = doc(
      paragraph(text('Ideen:')),
      bullets(
        item(paragraph(text('Bürgerrat 🗳️'))),
        item(
          paragraph(text('Ehrenamt')),
          ordered([item(paragraph(text('Vereine'))), item(paragraph(text('Initiativen')), bullets(item(paragraph(text('Tafel')))))]),
        ),
      ),
      ordered([item(paragraph(text('drei'))), item(paragraph(text('vier')))], 3),
    )
    expect(richTextToPlain(rich)).toBe(
      ['Ideen:', '- Bürgerrat 🗳️', '- Ehrenamt', '  1. Vereine', '  2. Initiativen', '    - Tafel', '3. drei', '4. vier'].join('\n'),
    )
  })

  it('indents further paragraphs and hard breaks of a list item like nested content', () => {
    const rich = doc(
      bullets(item(paragraph(text('eins'), { type: 'hardBreak' }, text('weiter')), paragraph(text('zweiter Absatz'))), item(paragraph())),
    )
    expect(richTextToPlain(rich)).toBe('- eins\n  weiter\n  zweiter Absatz\n-')
  })

  it('gives unknown nodes their text content, inline or as blocks', () => {
    const rich = doc(
      paragraph(text('Hallo '), { type: 'mention', attrs: { id: 'u1' }, content: [text('@Anna')] }, text('!')),
      { type: 'blockquote', content: [paragraph(text('Zitat'))] },
      { type: 'taskList', content: [{ type: 'taskItem', content: [paragraph(text('Aufgabe'))] }] },
      { type: 'horizontalRule' },
      paragraph(text('Ende')),
    )
    expect(richTextToPlain(rich)).toBe('Hallo @Anna!\nZitat\nAufgabe\nEnde')
  })

  it('reads malformed input as far as possible instead of throwing', () => {
    expect(richTextToPlain(undefined)).toBe('')
    expect(richTextToPlain(null)).toBe('')
    expect(richTextToPlain('kein Objekt' as unknown as TLRichText)).toBe('')
    expect(richTextToPlain({ type: 'doc', content: [42, null, text('lose'), paragraph({ type: 'text', text: 7 })] } as TLRichText)).toBe('lose\n')
  })
})
