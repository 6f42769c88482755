import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { buildExport, type ExportOptions } from '../exportModel.ts'
import { exportJsonSchema, workshopExportSchema, type ExportNote, type WorkshopExport } from '../exportSchema.ts'
import { docxFileOutline, readDocxPart } from '../testing/docxText.ts'
import {
  buildExportFixture,
  FIXTURE_CLUSTER_IDS,
  FIXTURE_EXPORTED_AT,
  FIXTURE_NOTE_IDS,
  FIXTURE_SESSION_ID,
} from '../testing/exportFixture.ts'
import { buildSameNamedClustersFixture } from '../testing/sameNamedClustersFixture.ts'
import { escapeMarkdownHeading, escapeMarkdownInline, escapeMarkdownLine } from './markdownText.ts'
import { exportFileName, exportFormats, isExportFormatId } from './index.ts'
import { CSV_COLUMNS, CSV_FORMULA_PATTERN, CSV_ROW_KINDS, toCsv } from './toCsv.ts'
import { toDocx } from './toDocx.ts'
import { toJson } from './toJson.ts'
import { toMarkdown } from './toMarkdown.ts'

/**
 * Golden files: the fixture rendered in every format, reviewed by eye once. Regenerate after an
 * intended change with `UPDATE_GOLDEN=1 npx vitest run shared/export` and review the diff.
 */
const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '__golden__')
const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1'

function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name)
  if (UPDATE_GOLDEN) {
    mkdirSync(GOLDEN_DIR, { recursive: true })
    writeFileSync(path, actual, 'utf8')
  }
  expect(existsSync(path), `golden file ${name} missing; write it with UPDATE_GOLDEN=1`).toBe(true)
  expect(actual).toBe(readFileSync(path, 'utf8'))
}

/**
 * The fixture with one voting round: what every export looked like before rounds were exported,
 * so these tests and the golden files `fixture.*` show that one-round exports did not change.
 */
function exportFixture(options: Partial<ExportOptions> = {}): WorkshopExport {
  return buildExport(buildExportFixture({ earlierRound: false }), {
    sessionId: FIXTURE_SESSION_ID,
    exportedAt: FIXTURE_EXPORTED_AT,
    anonymise: false,
    includeEmpty: true,
    ...options,
  })
}

/** The fixture as it is: two voting rounds, r1 earlier, r2 current and ended. */
function twoRoundExport(options: Partial<ExportOptions> = {}): WorkshopExport {
  return buildExport(buildExportFixture(), {
    sessionId: FIXTURE_SESSION_ID,
    exportedAt: FIXTURE_EXPORTED_AT,
    anonymise: false,
    includeEmpty: true,
    ...options,
  })
}

/** The notes of a model in reading order, with the board, question and cluster they are listed under. */
function notesInOrder(model: WorkshopExport): Array<{ board: string; question: string; cluster: string; note: ExportNote }> {
  return [
    ...model.boards.flatMap((board) => [
      ...board.clusters.flatMap((cluster) =>
        cluster.notes.map((note) => ({
          board: String(board.questionIndex + 1),
          question: board.question,
          cluster: cluster.label || '(ohne Titel)',
          note,
        })),
      ),
      ...board.unclusteredNotes.map((note) => ({ board: String(board.questionIndex + 1), question: board.question, cluster: '', note })),
    ]),
    ...model.notesOutsideBoards.map((note) => ({ board: '', question: '', cluster: '', note })),
  ]
}

describe('golden files of the fixture', () => {
  it('JSON', () => expectGolden('fixture.json', toJson(exportFixture())))
  it('CSV', () => expectGolden('fixture.csv', toCsv(exportFixture())))
  it('Markdown', () => expectGolden('fixture.md', toMarkdown(exportFixture())))
  it('Markdown, anonymised and without empty notes', () =>
    expectGolden('fixture-anonymised-without-empty.md', toMarkdown(exportFixture({ anonymise: true, includeEmpty: false }))))
  it('JSON Schema of the format (linked from the README)', () =>
    expectGolden('workshop-export.schema.json', JSON.stringify(exportJsonSchema(), null, 2) + '\n'))
  it('DOCX (text outline of word/document.xml)', async () =>
    expectGolden('fixture.docx.txt', docxFileOutline(await toDocx(exportFixture()))))
})

describe('golden files of the fixture with two voting rounds', () => {
  it('JSON', () => expectGolden('fixture-rounds.json', toJson(twoRoundExport())))
  it('CSV', () => expectGolden('fixture-rounds.csv', toCsv(twoRoundExport())))
  it('Markdown', () => expectGolden('fixture-rounds.md', toMarkdown(twoRoundExport())))
  it('DOCX (text outline of word/document.xml)', async () =>
    expectGolden('fixture-rounds.docx.txt', docxFileOutline(await toDocx(twoRoundExport()))))
})

describe('clusters of the same name', () => {
  const model = () =>
    buildExport(buildSameNamedClustersFixture(), {
      sessionId: FIXTURE_SESSION_ID,
      exportedAt: FIXTURE_EXPORTED_AT,
      anonymise: false,
      includeEmpty: true,
    })
  const shownLabels = ['Verkehr', 'Verkehr (3)', 'verkehr (4)', 'Verkehr (2)', '(ohne Titel)', '(ohne Titel) (2)']

  it('golden files', async () => {
    expectGolden('same-named-clusters.json', toJson(model()))
    expectGolden('same-named-clusters.csv', toCsv(model()))
    expectGolden('same-named-clusters.md', toMarkdown(model()))
    expectGolden('same-named-clusters.docx.txt', docxFileOutline(await toDocx(model())))
  })

  it('CSV: every cluster and its notes under a label of their own', () => {
    const [, ...rows] = Papa.parse<string[]>(toCsv(model()).slice(1), { newline: '\r\n' }).data
    expect(rows.filter((row) => row[3] === CSV_ROW_KINDS.cluster).map((row) => row[2])).toEqual(shownLabels)
    // Grouped by the Cluster column (as a pivot table does), each label holds its cluster's one note.
    expect(rows.filter((row) => row[3] === CSV_ROW_KINDS.note).map((row) => [row[2], row[4]])).toEqual([
      ['Verkehr', 'Radweg Hauptstraße'],
      ['Verkehr (3)', 'Tempo 30 vor Schulen'],
      ['verkehr (4)', 'Parken im Zentrum'],
      ['Verkehr (2)', 'Busse am Sonntag'],
      ['(ohne Titel)', 'Bänke'],
      ['(ohne Titel) (2)', 'Trinkbrunnen'],
    ])
  })

  it('Markdown and DOCX: one heading per cluster, each its own, and the ranking names the same one', async () => {
    const markdown = toMarkdown(model())
    expect([...markdown.matchAll(/^### Cluster: (.*)$/gm)].map(([, label]) => label!.replace(/ · .*$/, ''))).toEqual(
      shownLabels.map(escapeMarkdownHeading),
    )
    expect(markdown).toContain('| 1 | 1 | Cluster | Verkehr (3) |')
    const outline = docxFileOutline(await toDocx(model()))
    expect([...outline.matchAll(/^\[Heading2\] Cluster: (.*)$/gm)].map(([, label]) => label!.replace(/ · .*$/, ''))).toEqual(shownLabels)
    expect(outline).toContain('| 1 | 1 | Cluster | Verkehr (3) |')
  })
})

describe('JSON', () => {
  it('parses back to the model and validates against the schema', () => {
    const model = exportFixture()
    const parsed = workshopExportSchema.parse(JSON.parse(toJson(model)))
    expect(parsed).toEqual(model)
    expect(parsed.schemaVersion).toBe(1)
  })
})

describe('CSV', () => {
  const csv = toCsv(exportFixture())

  it('is UTF-8 with BOM and CRLF between records', () => {
    expect(csv.startsWith('\uFEFFBoard,Frage,Cluster,Art,Text,Autor:in,Erstellt,Punkte\r\n')).toBe(true)
    const bytes = new TextEncoder().encode(csv)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)).toBe(csv)
    // Every record ends in CRLF except the last; bare LF only occurs inside quoted note texts.
    expect(csv.split('\r\n')).toHaveLength(Object.keys(FIXTURE_NOTE_IDS).length + Object.keys(FIXTURE_CLUSTER_IDS).length + 1)
  })

  it('parses back with papaparse to exactly the fixture’s notes, each cluster before its notes', () => {
    const result = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' })
    expect(result.errors).toEqual([])
    const [header, ...rows] = result.data
    expect(header).toEqual([...CSV_COLUMNS])
    const notes = rows.filter((row) => row[3] === CSV_ROW_KINDS.note)
    const expected = notesInOrder(exportFixture()).map(({ board, question, cluster, note }) => [
      board,
      question,
      cluster,
      CSV_ROW_KINDS.note,
      // Documented: cells that would start a formula carry a leading apostrophe.
      CSV_FORMULA_PATTERN.test(note.text) ? `'${note.text}` : note.text,
      note.authorName,
      expect.stringMatching(/^2026-11-26 \d\d:\d\d:\d\d$/),
      String(note.dots),
    ])
    expect(notes).toEqual(expected)
    expect(notes).toHaveLength(Object.keys(FIXTURE_NOTE_IDS).length)
    // Each cluster's row comes right before its first note.
    expect(rows.map((row) => `${row[3]} ${row[2]}`).slice(0, 4)).toEqual([
      'Cluster Verwaltung & Politik',
      'Karte Verwaltung & Politik',
      'Karte Verwaltung & Politik',
      'Cluster Vereine 🎉',
    ])
    const texts = notes.map((row) => row[4])
    expect(texts).toContain('Er sagte "Beteiligung"\nund dann: nichts 🙈')
    expect(texts).toContain("'=SUMME(A1:A3) ist keine Formel")
    expect(texts).toContain("'- Sportverein\n- Tafel\n  1. Lebensmittel retten\n  2. Fahrdienst, 2× pro Woche\nWichtig: alle fragen!")
  })

  it('shows wall-clock time of the organisers’ zone, or another zone when asked', () => {
    const firstNote = (text: string) => Papa.parse<string[]>(text.slice(1), { newline: '\r\n' }).data.find((row) => row[3] === CSV_ROW_KINDS.note)!
    expect(firstNote(csv)[6]).toBe('2026-11-26 10:07:00')
    expect(firstNote(toCsv(exportFixture(), { timeZone: 'UTC' }))[6]).toBe('2026-11-26 09:07:00')
  })

  it('gives every cluster a row with the dots on the cluster itself, so Punkte adds up to all counted dots', () => {
    const model = exportFixture()
    const [, ...rows] = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data
    const clusters = rows.filter((row) => row[3] === CSV_ROW_KINDS.cluster)
    expect(clusters).toEqual([
      ['1', model.boards[0]!.question, 'Verwaltung & Politik', 'Cluster', '', '', '', '0'],
      ['1', model.boards[0]!.question, 'Vereine 🎉', 'Cluster', '', '', '', '3'],
      ['1', model.boards[0]!.question, '(ohne Titel)', 'Cluster', '', '', '', '1'],
      ['2', model.boards[1]!.question, 'Schule | Kita', 'Cluster', '', '', '', '0'],
      ['2', model.boards[1]!.question, 'Ganztag', 'Cluster', '', '', '', '0'],
    ])
    // The fixture's 13 dots of the counted round, 4 of them on clusters.
    expect(rows.reduce((sum, row) => sum + Number(row[7]), 0)).toBe(13)
  })
})

describe('several voting rounds', () => {
  it('JSON parses back to the model with every round', () => {
    const model = twoRoundExport()
    const parsed = workshopExportSchema.parse(JSON.parse(toJson(model)))
    expect(parsed).toEqual(model)
    expect(parsed.rounds!.map((round) => [round.number, round.roundId, round.dotsCast])).toEqual([
      [1, 'r1', 4],
      [2, 'r2', 13],
    ])
  })

  it('CSV has one column per round after Punkte, in round order, with each note’s and cluster’s dots in it', () => {
    const csv = toCsv(twoRoundExport())
    const [header, ...rows] = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data
    expect(header).toEqual([...CSV_COLUMNS, 'Punkte Runde 1', 'Punkte Runde 2'])
    const row = (text: string) => rows.find((cells) => cells[4] === text)!.slice(7)
    expect(row('Mehr Bürgerhaushalt, „sofort“!')).toEqual(['3', '1', '3'])
    expect(row("'=SUMME(A1:A3) ist keine Formel")).toEqual(['0', '2', '0'])
    expect(row('Ökologische Ölförderung? Nein: ÄÖÜ äöü ß')).toEqual(['2', '0', '2'])
    const cluster = (label: string) => rows.find((cells) => cells[3] === CSV_ROW_KINDS.cluster && cells[2] === label)!.slice(7)
    expect(cluster('Vereine 🎉')).toEqual(['3', '0', '3'])
    expect(rows.every((cells) => cells.length === CSV_COLUMNS.length + 2)).toBe(true)
  })

  it('Markdown and DOCX list the rounds and give each board the earlier round’s ranking after the current one', async () => {
    const model = twoRoundExport()
    const markdown = toMarkdown(model)
    const docx = docxFileOutline(await toDocx(model))
    const overview = [
      'Runde 1: 4 Punkte von 3 Personen · 26.11.2026, 10:40–10:43 Uhr',
      'Runde 2 (aktuell, beendet): 13 Punkte von 4 Personen · 5 Punkte pro Person · 26.11.2026, 11:00–11:30 Uhr',
    ]
    for (const line of overview) {
      expect(markdown).toContain(`- ${line}\n`)
      expect(docx).toContain(line)
    }
    // Board 1: the current round's ranking, then round 1's; board 2 likewise; board 3 has no notes.
    const headings = [...markdown.matchAll(/^### (Rangfolge.*)$/gm)].map(([, heading]) => heading)
    expect(headings).toEqual([
      'Rangfolge nach Punkten · Runde 2',
      'Rangfolge nach Punkten · Runde 1',
      'Rangfolge nach Punkten · Runde 2',
      'Rangfolge nach Punkten · Runde 1',
    ])
    expect(markdown).toContain(
      '### Rangfolge nach Punkten · Runde 1\n\n| Platz | Punkte | Art | Inhalt |\n| ---: | ---: | --- | --- |\n| 1 | 2 | Karte | =SUMME(A1:A3) ist keine Formel |\n| 2 | 1 | Karte | Mehr Bürgerhaushalt, „sofort“! |\n',
    )
    expect(docx.match(/Rangfolge nach Punkten · Runde 1/g)).toHaveLength(2)
  })

  it('date an earlier round the moderation state kept by its start and end, and name its settings', async () => {
    const model = twoRoundExport()
    const kept = {
      ...model,
      rounds: [
        { ...model.rounds![0]!, startedAt: '2026-11-26T09:35:00.000Z', endedAt: '2026-11-26T09:50:00.000Z', settings: { dotsPerParticipant: 3, maxPerTarget: 1, hideResults: true } },
        model.rounds![1]!,
      ],
    }
    const line = 'Runde 1: 4 Punkte von 3 Personen · 3 Punkte pro Person, höchstens 1 pro Karte oder Cluster · 26.11.2026, 10:35–10:50 Uhr'
    expect(toMarkdown(kept)).toContain(`- ${line}\n`)
    expect(docxFileOutline(await toDocx(kept))).toContain(line)
  })

  it('leave out an earlier round on a board it gave no dots, and say when the current round has none yet', () => {
    const model = twoRoundExport()
    const round3 = {
      ...model.rounds![1]!,
      number: 3,
      roundId: 'r3',
      status: 'running' as const,
      startedAt: '2026-11-26T12:00:00.000Z',
      endedAt: null,
      settings: { dotsPerParticipant: 1, maxPerTarget: 1, hideResults: true },
      dotsCast: 0,
      voters: 0,
      firstDotAt: null,
      lastDotAt: null,
    }
    const running: WorkshopExport = {
      ...model,
      voting: { roundId: 'r3', status: 'running' },
      rounds: [model.rounds![0]!, { ...model.rounds![1]!, current: false, settings: null, startedAt: null, endedAt: null }, round3],
      boards: model.boards.map((board, position) => ({
        ...board,
        ranking: [],
        // Round 1 gave the second board no dots here.
        rankingByRound: { ...board.rankingByRound, ...(position === 1 && { r1: [] }), r3: [] },
      })),
    }
    const markdown = toMarkdown(running)
    expect(markdown).toContain('- Runde 3 (aktuell, läuft noch): noch keine Punkte · 1 Punkt pro Person, höchstens 1 pro Karte oder Cluster · seit 26.11.2026, 13:00 Uhr\n')
    expect(markdown).toContain('- Runde 2: 13 Punkte von 4 Personen · 26.11.2026, 11:00–11:12 Uhr\n')
    expect(markdown).toContain('die erste Rangfolge jeder Leitfrage sind die der Runde 3;')
    const board2 = markdown.slice(markdown.indexOf('## Leitfrage 2'), markdown.indexOf('## Leitfrage 3'))
    expect([...board2.matchAll(/^### (Rangfolge.*)$/gm)].map(([, heading]) => heading)).toEqual([
      'Rangfolge nach Punkten · Runde 3',
      'Rangfolge nach Punkten · Runde 2',
    ])
    expect(markdown.match(/Rangfolge nach Punkten · Runde 1/g)).toHaveLength(1) // on the first board
    expect(board2).toContain('### Rangfolge nach Punkten · Runde 3\n\n*Keine Punkte vergeben.*')
  })
})

describe('DOCX', () => {
  it('is a zip whose document XML contains every note text and author', async () => {
    const model = exportFixture()
    const documentXml = readDocxPart(await toDocx(model))
    const escapeXml = (text: string) =>
      text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    const notes = notesInOrder(model).map(({ note }) => note)
    expect(notes.length).toBeGreaterThan(0)
    for (const note of notes) {
      // Each line of a note is its own run, separated by line breaks.
      for (const line of note.text.split('\n')) expect(documentXml).toContain(`>${escapeXml(line)}</w:t>`)
      expect(documentXml).toContain(escapeXml(note.authorName))
    }
    expect(documentXml).toContain('<w:pStyle w:val="Heading1"/>')
  })

  it('sets notes as bullets spaced apart and bylines in small grey italics, by style', async () => {
    const docx = await toDocx(exportFixture())
    const documentXml = readDocxPart(docx)
    const styles = readDocxPart(docx, 'word/styles.xml')
    const byline = /<w:style w:type="character" w:styleId="NoteByline">.*?<\/w:style>/.exec(styles)?.[0] ?? ''
    for (const part of ['<w:i/>', '<w:color w:val="595959"/>', '<w:sz w:val="18"/>']) expect(byline).toContain(part)
    expect(documentXml).toContain('<w:rPr><w:rStyle w:val="NoteByline"/></w:rPr><w:br/><w:t xml:space="preserve">Anna Müller · 26.11.2026, 10:05 · 3 Punkte</w:t>')
    expect(documentXml).toContain('<w:p><w:pPr><w:pStyle w:val="Note"/></w:pPr><w:r><w:t xml:space="preserve">Mehr Bürgerhaushalt')
    const note = /<w:style w:type="paragraph" w:styleId="Note">.*?<\/w:style>/.exec(styles)?.[0] ?? ''
    for (const part of ['<w:name w:val="Karte"/>', '<w:basedOn w:val="ListParagraph"/>', '<w:spacing w:after="120"/>']) expect(note).toContain(part)
    // The style's list is a bullet list that numbering.xml defines.
    const numId = /<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(note)?.[1]
    const numbering = readDocxPart(docx, 'word/numbering.xml')
    const abstractId = new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)?.[1]
    const abstract = new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}"[^>]*>.*?</w:abstractNum>`).exec(numbering)?.[0] ?? ''
    expect(abstract).toContain('<w:numFmt w:val="bullet"/><w:lvlText w:val="●"/>')
  })

  it('writes every one of thousands of notes once, in order, each with its own texts', async () => {
    // Notes of one shape share their prepared XML: a copy must never carry another note's text.
    const base = exportFixture()
    const many: ExportNote[] = Array.from({ length: 2_000 }, (_, i) => ({
      id: `shape:many-${i}`,
      text: i % 3 === 0 ? `Notiz ${i}\nzweite Zeile ${i}` : `Notiz ${i}`,
      authorName: `Person ${i % 7}`,
      createdAt: '2026-11-26T09:30:00.000Z',
      dots: i % 5 === 0 ? 1 : 0,
      color: 'yellow',
    }))
    const [first, ...rest] = base.boards
    const model: WorkshopExport = { ...base, boards: [{ ...first!, unclusteredNotes: many }, ...rest] }
    const outline = docxFileOutline(await toDocx(model))
    const written = [...outline.matchAll(/^• Notiz (\d+)$/gm)].map(([, number]) => Number(number))
    expect(written).toEqual(many.map((_, i) => i))
    for (const i of [0, 1, 2, 3, 1_998, 1_999]) {
      const byline = `Person ${i % 7} · 26.11.2026, 10:30${i % 5 === 0 ? ' · 1 Punkt' : ''}`
      const lines = i % 3 === 0 ? [`• Notiz ${i}`, `  zweite Zeile ${i}`, `  ${byline}`] : [`• Notiz ${i}`, `  ${byline}`]
      expect(outline).toContain(`\n${lines.join('\n')}\n`)
    }
  })

  it('declares German as the document language', async () => {
    const styles = readDocxPart(await toDocx(exportFixture()), 'word/styles.xml')
    expect(styles).toContain('w:val="de-DE"')
  })
})

describe('protocol notices', () => {
  it('warn in Markdown and DOCX when hidden notes are missing or the voting round still runs', async () => {
    const model: WorkshopExport = { ...exportFixture(), notesHidden: true, voting: { roundId: 'r2', status: 'running' } }
    const hidden = 'noch nicht aufgedeckte Karten fehlen in diesem Protokoll'
    const running = 'die Punkte sind ein Zwischenstand'
    const markdown = toMarkdown(model)
    const docx = docxFileOutline(await toDocx(model))
    for (const text of [hidden, running]) {
      expect(markdown).toContain(text)
      expect(docx).toContain(text)
    }
    expect(toMarkdown(exportFixture())).not.toContain(hidden)
  })

  it('count sealed notes that are not revealed yet', () => {
    const model: WorkshopExport = { ...exportFixture(), notesHidden: true, sealedNotes: 3 }
    expect(toMarkdown(model)).toContain(
      '> 3 verdeckt gesammelte Karten sind noch nicht aufgedeckt und fehlen in diesem Protokoll; haben sie Punkte, stehen sie als „(verdeckte Karte)“ in der Rangfolge.',
    )
    expect(toMarkdown({ ...model, sealedNotes: 1 })).toContain('> 1 verdeckt gesammelte Karte ist noch nicht aufgedeckt')
  })

  it('name a sealed note in a ranking as such (the model has no text for it)', async () => {
    // A round that ended before the reveal: the only dotted note of the board is sealed.
    const fixture = exportFixture()
    const sealedEntry = { place: 1, kind: 'note', id: 'shape:sealed', label: '', dots: 2, sealed: true } as const
    const model: WorkshopExport = {
      ...fixture,
      notesHidden: true,
      sealedNotes: 1,
      boards: fixture.boards.map((board, position) => (position === 2 ? { ...board, clusters: [], unclusteredNotes: [], ranking: [sealedEntry] } : board)),
    }
    const markdown = toMarkdown(model)
    expect(markdown).toContain('| 1 | 2 | Karte | (verdeckte Karte) |')
    expect(markdown).not.toContain('Keine Punkte vergeben.')
    const docx = docxFileOutline(await toDocx(model))
    expect(docx).toContain('(verdeckte Karte)')
    expect(JSON.parse(toJson(model)).boards[2].ranking).toEqual([sealedEntry])
  })
})

describe('Markdown escaping', () => {
  it('neutralises inline constructs but leaves ordinary punctuation alone', () => {
    expect(escapeMarkdownInline('*a* _b_ `c` [d](e) <f> g|h ~i~ \\')).toBe('\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> g\\|h \\~i\\~ \\\\')
    expect(escapeMarkdownInline('Haupt- & Ehrenamt: 1. Wahl, 100 % „gut“!')).toBe('Haupt- & Ehrenamt: 1. Wahl, 100 % „gut“!')
    expect(escapeMarkdownInline('&amp; &#39;')).toBe('\\&amp; \\&#39;')
  })

  it('neutralises block markers at the start of a line and keeps indentation visible', () => {
    expect(escapeMarkdownLine('# Titel')).toBe('\\# Titel')
    expect(escapeMarkdownLine('#hashtag')).toBe('#hashtag')
    expect(escapeMarkdownLine('- Punkt')).toBe('\\- Punkt')
    expect(escapeMarkdownLine('+ Punkt')).toBe('\\+ Punkt')
    expect(escapeMarkdownLine('2026. war gut')).toBe('2026\\. war gut')
    expect(escapeMarkdownLine('3) drei')).toBe('3\\) drei')
    expect(escapeMarkdownLine('> Zitat')).toBe('\\> Zitat')
    expect(escapeMarkdownLine('---')).toBe('\\---')
    expect(escapeMarkdownLine('===')).toBe('\\===')
    expect(escapeMarkdownLine('-5 Grad')).toBe('-5 Grad')
    expect(escapeMarkdownLine('    - eingerückt')).toBe('\u00a0\u00a0\u00a0\u00a0\\- eingerückt')
  })

  it('keeps headings on one line and their trailing hashes', () => {
    expect(escapeMarkdownHeading('Frage\nmit Umbruch #')).toBe('Frage mit Umbruch \\#')
    expect(escapeMarkdownHeading('Workshop #1')).toBe('Workshop #1')
  })
})

describe('format registry', () => {
  it('renders every format with its content type', async () => {
    const model = exportFixture()
    expect(Object.keys(exportFormats).sort()).toEqual(['csv', 'docx', 'json', 'md'])
    expect(await exportFormats.json.render(model)).toBe(toJson(model))
    expect(await exportFormats.csv.render(model)).toBe(toCsv(model))
    expect(await exportFormats.md.render(model)).toBe(toMarkdown(model))
    const docx = await exportFormats.docx.render(model)
    expect(docx).toBeInstanceOf(Uint8Array)
    expect([...(docx as Uint8Array).subarray(0, 2)]).toEqual([0x50, 0x4b]) // "PK": a zip
    expect(exportFormats.csv.contentType).toBe('text/csv; charset=utf-8')
    expect(exportFormats.docx.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  })

  it('recognises format ids from untrusted input', () => {
    expect(isExportFormatId('md')).toBe(true)
    expect(isExportFormatId('pdf')).toBe(false)
    expect(isExportFormatId('toString')).toBe(false)
    expect(isExportFormatId(undefined)).toBe(false)
  })

  it('names files by workshop title and export day, in ASCII', () => {
    const model = exportFixture()
    expect(exportFileName(model, 'docx')).toBe('beteiligung-engagement-workshop-1-2026-11-26.docx')
    expect(exportFileName({ ...model, workshop: { title: 'Grüße aus Köln – Straße', subtitle: '' } }, 'csv')).toBe(
      'gruesse-aus-koeln-strasse-2026-11-26.csv',
    )
    expect(exportFileName({ ...model, workshop: { title: '🙈', subtitle: '' } }, 'md')).toBe('pinnwand-2026-11-26.md')
  })
})
