import {
  AlignmentType,
  convertInchesToTwip,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import type { ExportNote, RankingEntry, WorkshopExport } from '../exportSchema.ts'
import { PartShape, PreparedParagraph, PreparedTable, slot } from './preparedDocxParts.ts'
import {
  clusterHeading,
  noteByline,
  otherRoundRankings,
  PROTOCOL_TEXT,
  protocolNotices,
  protocolStatusLine,
  questionHeading,
  rankingHeading,
  rankingKindText,
  rankingLabel,
  roundsExplanation,
  roundSummary,
  showsRanking,
  type ProtocolRenderOptions,
} from './protocolText.ts'

/**
 * The Protokoll as a Word document, the same content as the Markdown one: Word's Title and
 * Heading styles (so the navigation pane and a table of contents work), one bulleted paragraph
 * per note with its lines kept, and the ranking as a table (after several voting rounds: an
 * overview of the rounds first, and each earlier round's ranking after the board's ranking). Returns the .docx bytes; uses
 * `Packer.toArrayBuffer` rather than `toBuffer` so it also runs outside Node (shared/ code).
 *
 * Notes and ranking rows, thousands in a big workshop, are written as prepared parts (see
 * preparedDocxParts.ts): docx builds each shape once, each note is a copy with its texts.
 */
export async function toDocx(model: WorkshopExport, options: ProtocolRenderOptions = {}): Promise<Uint8Array> {
  const notes = new NoteParagraphs(options)
  const children: Array<Paragraph | Table | PreparedParagraph | PreparedTable> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(model.workshop.title)] }),
  ]
  if (model.workshop.subtitle.trim() !== '')
    children.push(new Paragraph({ children: [new TextRun({ text: model.workshop.subtitle.trim(), italics: true })] }))
  children.push(new Paragraph({ children: [new TextRun(protocolStatusLine(model, options))] }))
  for (const notice of protocolNotices(model))
    children.push(new Paragraph({ children: [new TextRun({ text: notice, bold: true })] }))
  if (model.rounds) {
    children.push(heading(HeadingLevel.HEADING_1, PROTOCOL_TEXT.rounds))
    for (const round of model.rounds) children.push(new Paragraph({ children: [new TextRun(roundSummary(round, options))] }))
    children.push(remark(roundsExplanation(model)))
  }

  for (const board of model.boards) {
    children.push(heading(HeadingLevel.HEADING_1, questionHeading(board)))
    if (board.clusters.length === 0 && board.unclusteredNotes.length === 0) children.push(remark(PROTOCOL_TEXT.noNotes))
    for (const cluster of board.clusters) {
      children.push(heading(HeadingLevel.HEADING_2, clusterHeading(cluster.label, cluster.dots)))
      if (cluster.notes.length === 0) children.push(remark(PROTOCOL_TEXT.emptyCluster))
      for (const note of cluster.notes) children.push(notes.paragraph(note))
    }
    if (board.unclusteredNotes.length > 0) {
      if (board.clusters.length > 0) children.push(heading(HeadingLevel.HEADING_2, PROTOCOL_TEXT.unclustered))
      for (const note of board.unclusteredNotes) children.push(notes.paragraph(note))
    }
    if (showsRanking(model, board)) {
      children.push(heading(HeadingLevel.HEADING_2, rankingHeading(model)))
      children.push(board.ranking.length > 0 ? rankingTable(board.ranking) : remark(PROTOCOL_TEXT.noDots))
    }
    for (const { heading: title, ranking } of otherRoundRankings(model, board)) {
      children.push(heading(HeadingLevel.HEADING_2, title))
      children.push(rankingTable(ranking))
    }
  }

  if (model.notesOutsideBoards.length > 0) {
    children.push(heading(HeadingLevel.HEADING_1, PROTOCOL_TEXT.notesOutsideBoards))
    for (const note of model.notesOutsideBoards) children.push(notes.paragraph(note))
  }

  const document = new Document({
    title: model.workshop.title,
    subject: 'Protokoll',
    creator: 'Pinnwand',
    description: `Export der Sitzung ${model.sessionId}`,
    styles: {
      default: { document: { run: { language: { value: 'de-DE' } } } },
      paragraphStyles: [
        {
          id: NOTE_STYLE,
          name: 'Karte',
          basedOn: 'ListParagraph',
          next: NOTE_STYLE,
          quickFormat: true,
          // The bullet and the space after each note, set once for all notes.
          paragraph: { numbering: { reference: NOTE_BULLETS, level: 0 }, spacing: { after: 120 } },
        },
      ],
      characterStyles: [{ id: NOTE_BYLINE_STYLE, name: 'Kartenangaben', run: { italics: true, size: 18, color: '595959' } }],
    },
    numbering: {
      // The note style's bullet: docx's own first bullet level (what `bullet: { level: 0 }` draws).
      config: [
        {
          reference: NOTE_BULLETS,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '●',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: convertInchesToTwip(0.5), hanging: convertInchesToTwip(0.25) } } },
            },
          ],
        },
      ],
    },
    sections: [{ children }],
  })
  return new Uint8Array(await Packer.toArrayBuffer(document))
}

function heading(level: (typeof HeadingLevel)[keyof typeof HeadingLevel], text: string): Paragraph {
  return new Paragraph({ heading: level, children: [new TextRun(text.replace(/\s*\n\s*/g, ' '))] })
}

function remark(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, italics: true })] })
}

/** Paragraph style of notes (Word: "Karte"): a bullet and the space after, so Word users restyle all notes at once. */
const NOTE_STYLE = 'Note'
const NOTE_BULLETS = 'note-bullets'

/** Character style of a note's author, time and dots (small grey italics), so Word users restyle all at once. */
const NOTE_BYLINE_STYLE = 'NoteByline'

/**
 * Note paragraphs: a bullet with the note's lines as runs separated by line breaks, then the
 * byline. One shape per number of lines (and one for an empty note). Formatting comes from
 * styles (List Paragraph's spacing, the byline's character style) rather than from each
 * paragraph: the same look, a third fewer XML elements per note for docx to write.
 */
class NoteParagraphs {
  private readonly shapes = new Map<number, PartShape>()

  constructor(private readonly options: ProtocolRenderOptions) {}

  paragraph(note: ExportNote): PreparedParagraph {
    const byline = noteByline(note, this.options)
    if (note.text === '') return new PreparedParagraph(this.shape(0), [byline])
    const texts = note.text.split('\n')
    const lineCount = texts.length
    texts.push(byline)
    return new PreparedParagraph(this.shape(lineCount), texts)
  }

  /** The shape for notes of `lineCount` lines; 0 is the empty note, shown with a placeholder. */
  private shape(lineCount: number): PartShape {
    let shape = this.shapes.get(lineCount)
    if (!shape) {
      shape = new PartShape(() => {
        const lines =
          lineCount === 0
            ? [new TextRun({ text: PROTOCOL_TEXT.emptyNote, italics: true })]
            : Array.from({ length: lineCount }, (_, line) => new TextRun({ text: slot(line), break: line === 0 ? undefined : 1 }))
        const byline = new TextRun({ text: slot(lineCount), style: NOTE_BYLINE_STYLE, break: 1 })
        return new Paragraph({ style: NOTE_STYLE, children: [...lines, byline] })
      }, lineCount + 1)
      this.shapes.set(lineCount, shape)
    }
    return shape
  }
}

const rankingTableShape = new PartShape(() => {
  const cell = (text: string, options: { bold?: boolean; right?: boolean } = {}) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: options.bold })],
        }),
      ],
    })
  const [place, dots, kind, content] = PROTOCOL_TEXT.rankingColumns
  const header = new TableRow({
    tableHeader: true,
    children: [
      cell(place, { bold: true, right: true }),
      cell(dots, { bold: true, right: true }),
      cell(kind, { bold: true }),
      cell(content, { bold: true }),
    ],
  })
  const entry = new TableRow({
    children: [cell(slot(0), { right: true }), cell(slot(1), { right: true }), cell(slot(2)), cell(slot(3))],
  })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [900, 1000, 1300, 5800],
    rows: [header, entry],
  })
}, 4)

/** Place, dots, kind and content of each entry; a header row repeated on every page. */
function rankingTable(ranking: readonly RankingEntry[]): PreparedTable {
  return new PreparedTable(
    rankingTableShape,
    ranking.map((entry) => [String(entry.place), String(entry.dots), rankingKindText(entry), rankingLabel(entry)]),
  )
}
