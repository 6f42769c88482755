import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type FileChild } from 'docx'
import { describe, expect, it } from 'vitest'
import { readDocxPart } from '../testing/docxText.ts'
import { PartShape, PreparedParagraph, PreparedTable, slot } from './preparedDocxParts.ts'

async function documentXml(children: FileChild[]): Promise<string> {
  const document = new Document({ sections: [{ children }] })
  return readDocxPart(new Uint8Array(await Packer.toArrayBuffer(document)))
}

/** A bulleted paragraph of texts as separate lines, the last one in small italics. */
function noteParagraph(texts: readonly string[]): Paragraph {
  return new Paragraph({
    bullet: { level: 0 },
    spacing: { after: 120 },
    children: texts.map(
      (text, line) =>
        new TextRun({ text, break: line === 0 ? undefined : 1, ...(line === texts.length - 1 ? { italics: true, size: 18 } : {}) }),
    ),
  })
}

const awkwardTexts = [
  ['eine Zeile', 'Anna · 26.11.2026, 10:05'],
  ['<b>fett</b> & "Zitat" \'x\'', '  eingerückt  ', ''],
  ['🙈 Ölförderung', '\uE000 not a slot, just text', 'Öztürk, Jürgen "Jo"'],
]

describe('prepared docx parts', () => {
  it('write the same XML as the paragraphs built directly', async () => {
    const shapes = new Map<number, PartShape>()
    const shapeFor = (count: number) => {
      let shape = shapes.get(count)
      if (!shape) {
        shape = new PartShape(() => noteParagraph(Array.from({ length: count }, (_, index) => slot(index))), count)
        shapes.set(count, shape)
      }
      return shape
    }
    const direct = await documentXml(awkwardTexts.map((texts) => noteParagraph(texts)))
    const prepared = await documentXml(awkwardTexts.map((texts) => new PreparedParagraph(shapeFor(texts.length), texts)))
    expect(prepared).toBe(direct)
    expect(prepared).toContain('&lt;b&gt;fett&lt;/b&gt; &amp; &quot;Zitat&quot;')
  })

  it('write a table with one row per entry, as the table built directly', async () => {
    const row = (texts: readonly string[], header = false) =>
      new TableRow({
        tableHeader: header || undefined,
        children: texts.map(
          (text, column) =>
            new TableCell({
              children: [
                new Paragraph({
                  alignment: column === 0 ? AlignmentType.RIGHT : AlignmentType.LEFT,
                  children: [new TextRun({ text, bold: header || undefined })],
                }),
              ],
            }),
        ),
      })
    const table = (rows: TableRow[]) =>
      new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: [1000, 8000], rows })
    const entries = [
      ['1', 'Mehr Bürgerhaushalt, „sofort“!'],
      ['1', '<Cluster> & Co'],
      ['3', ''],
    ]
    const header = ['Platz', 'Inhalt']
    const shape = new PartShape(() => table([row(header, true), row([slot(0), slot(1)])]), 2)
    const direct = await documentXml([table([row(header, true), ...entries.map((entry) => row(entry))])])
    expect(await documentXml([new PreparedTable(shape, entries)])).toBe(direct)
  })

  it('refuse a shape whose slots docx did not write', async () => {
    const shape = new PartShape(() => new Paragraph({ children: [new TextRun(slot(0))] }), 2)
    await expect(documentXml([new PreparedParagraph(shape, ['a', 'b'])])).rejects.toThrow(/1 of the 2 slots/)
  })
})
