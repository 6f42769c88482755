import { createShapeId, type TLRecord, type TLRichText, type TLShapeId } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import * as Y from 'yjs'
import { readRecords, writeRecords } from '../../doc/documentLayout.ts'
import { writeModerationState } from '../../moderation/moderationState.ts'
import type { WorkshopTemplate } from '../../template/templateSchema.ts'
import { getDotsMap, type Dot } from '../../workshop/dots.ts'
import { seedSessionDocument } from '../../workshop/seedSession.ts'
import {
  boardsInOrder,
  buildNoteRecord,
  PAGE_ID,
  type BoardShape,
  type ClusterShape,
  type NoteShape,
} from '../../workshop/workshopRecords.ts'

/**
 * A session document for export tests, built with the real shared code: seeded from a template,
 * notes made by `buildNoteRecord`, dots in the dots map, moderation state in its map. It holds
 * what breaks naive exporters: umlauts, emoji, commas, double quotes, line breaks, Markdown and
 * spreadsheet formula characters, empty notes, nested lists, clusters (one nested, one empty,
 * one unnamed), dots of an earlier voting round (listed per round, not counted in `dots`), notes
 * pinned in another order than they were written (in a cluster and loose), and a note moved off
 * every board.
 */
export const FIXTURE_SESSION_ID = 'fixture-session-0001'
export const FIXTURE_EXPORTED_AT = new Date('2026-11-26T15:30:00Z')

export const fixtureTemplate: WorkshopTemplate = {
  title: 'Beteiligung & Engagement: *Workshop* #1',
  subtitle: 'Fördermaßnahme „Kommunen innovativ“, Köln',
  intro: '',
  questions: [
    'Welche Akteure sollten einbezogen werden, und wie erreichen wir sie?',
    'Welche zivilgesellschaftlichen Initiativen sollten gestärkt werden?',
    'Wo verlaufen die Grenzen zwischen Beteiligung und Koproduktion?',
  ],
}

const anna = { authorId: 'u-anna', authorName: 'Anna Müller' }
const juergen = { authorId: 'u-juergen', authorName: 'Öztürk, Jürgen "Jo"' }
const anonymous1 = { authorId: 'u-anon-1', authorName: 'anonym' }
const anonymous2 = { authorId: 'u-anon-2', authorName: 'anonym' }

const text = (value: string) => ({ type: 'text', text: value })
const paragraph = (value: string) => ({ type: 'paragraph', content: [text(value)] })
const item = (...content: unknown[]) => ({ type: 'listItem', content })

/** A note written as a nested list in tldraw's editor (it starts with a list item). */
const nestedListRichText: TLRichText = {
  type: 'doc',
  content: [
    {
      type: 'bulletList',
      content: [
        item(paragraph('Sportverein')),
        item(
          paragraph('Tafel'),
          {
            type: 'orderedList',
            attrs: { start: 1 },
            content: [item(paragraph('Lebensmittel retten')), item(paragraph('Fahrdienst, 2× pro Woche'))],
          },
        ),
      ],
    },
    { type: 'paragraph', content: [text('Wichtig: '), { type: 'text', text: 'alle', marks: [{ type: 'bold' }] }, text(' fragen!')] },
  ],
}

export const FIXTURE_NOTE_IDS = {
  buergerhaushalt: createShapeId('n-buergerhaushalt'),
  zitat: createShapeId('n-zitat'),
  vereine: createShapeId('n-vereine'),
  leer: createShapeId('n-leer'),
  leerzeichen: createShapeId('n-leerzeichen'),
  formel: createShapeId('n-formel'),
  markdown: createShapeId('n-markdown'),
  schulen: createShapeId('n-schulen'),
  umlaute: createShapeId('n-umlaute'),
  schule: createShapeId('n-schule'),
  parkplatz: createShapeId('n-parkplatz'),
} as const

export const FIXTURE_CLUSTER_IDS = {
  verwaltung: createShapeId('c-verwaltung'),
  vereine: createShapeId('c-vereine'),
  unbenannt: createShapeId('c-unbenannt'),
  schule: createShapeId('c-schule'),
  ganztag: createShapeId('c-ganztag'),
} as const

/** A cluster as the canvas makes it: a tldraw frame on a board (or in another cluster). */
export function clusterRecord(id: TLShapeId, parent: BoardShape | ClusterShape, name: string, index: string, x: number, y = 180): ClusterShape {
  return {
    id,
    typeName: 'shape',
    type: 'frame',
    parentId: parent.id,
    index: index as IndexKey,
    x,
    y,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    props: { w: 480, h: 500, name, color: 'black' },
    meta: { kind: 'cluster' },
  }
}

export interface ExportFixtureOptions {
  /**
   * Include the dots of the earlier voting round r1 (default). Without them the session had one
   * round, and its export is what exports looked like before rounds were exported: the golden
   * files `fixture.*` are that, the ones `fixture-rounds.*` the fixture with both rounds.
   */
  earlierRound?: boolean
}

export function buildExportFixture({ earlierRound = true }: ExportFixtureOptions = {}): Y.Doc {
  const doc = new Y.Doc()
  seedSessionDocument(doc, fixtureTemplate, new Date('2026-11-26T08:00:00Z'))
  const [board1, board2] = boardsInOrder(readRecords(doc)) as [BoardShape, BoardShape, BoardShape]

  const verwaltung = clusterRecord(FIXTURE_CLUSTER_IDS.verwaltung, board1, 'Verwaltung & Politik', 'a5', 32)
  const vereine = clusterRecord(FIXTURE_CLUSTER_IDS.vereine, board1, 'Vereine 🎉', 'a6', 540)
  const unbenannt = clusterRecord(FIXTURE_CLUSTER_IDS.unbenannt, board1, '', 'a7', 1040)
  const schule = clusterRecord(FIXTURE_CLUSTER_IDS.schule, board2, 'Schule | Kita', 'a5', 32)
  const ganztag = clusterRecord(FIXTURE_CLUSTER_IDS.ganztag, schule, 'Ganztag', 'a1', 20)

  const written: TLRecord[] = []
  const note = (
    id: TLShapeId,
    board: BoardShape,
    author: typeof anna,
    value: string,
    createdAt: string,
    parent?: ClusterShape,
  ): NoteShape => {
    const record = buildNoteRecord({ board, author, text: value, siblings: written, now: new Date(createdAt), id })
    const placed = parent ? { ...record, parentId: parent.id } : record
    written.push(placed)
    return placed
  }

  const N = FIXTURE_NOTE_IDS
  const buergerhaushalt = note(N.buergerhaushalt, board1, anna, 'Mehr Bürgerhaushalt, „sofort“!', '2026-11-26T09:05:00Z', verwaltung)
  const zitat = note(N.zitat, board1, juergen, 'Er sagte "Beteiligung"\nund dann: nichts 🙈', '2026-11-26T09:07:00Z', verwaltung)
  // Pinned by hand, not in the order written: the later note left of the earlier one, a little lower.
  written[written.indexOf(buergerhaushalt)] = { ...buergerhaushalt, x: 248, y: 60 }
  written[written.indexOf(zitat)] = { ...zitat, x: 16, y: 70 }
  const vereineNote = note(N.vereine, board1, anonymous1, '', '2026-11-26T09:06:00Z', vereine)
  written[written.indexOf(vereineNote)] = { ...vereineNote, props: { ...vereineNote.props, richText: nestedListRichText } }
  note(N.leer, board1, anna, '', '2026-11-26T09:09:00Z')
  note(N.leerzeichen, board1, anonymous2, '  \n \n', '2026-11-26T09:09:30Z')
  const formel = note(N.formel, board1, juergen, '=SUMME(A1:A3) ist keine Formel', '2026-11-26T09:10:00Z')
  note(
    N.markdown,
    board1,
    anonymous2,
    '# kein Titel\n*wichtig* _unterstrichen_ [Link](https://example.org) <b>fett</b> | Pipe \\ Backslash &amp; 1. kein Punkt',
    '2026-11-26T09:11:00Z',
  )
  note(N.schulen, board2, anonymous1, 'Kooperation mit Schulen\n\nzweiter Absatz, nach Leerzeile', '2026-11-26T09:20:00Z')
  note(N.umlaute, board2, juergen, 'Ökologische Ölförderung? Nein: ÄÖÜ äöü ß', '2026-11-26T09:21:00Z')
  note(N.schule, board2, anna, 'Offene Ganztagsschule einbinden', '2026-11-26T09:22:00Z', ganztag)
  // Moved down a row after the next note was written in the free slot beside the others.
  written[written.indexOf(formel)] = { ...formel, x: 32, y: 404 }
  const parkplatz = note(N.parkplatz, board1, anonymous2, 'Parkplatz: Wer bringt Kaffee? ☕', '2026-11-26T09:30:00Z')
  written[written.indexOf(parkplatz)] = { ...parkplatz, parentId: PAGE_ID, x: -600, y: 0 }

  writeRecords(doc, { put: [verwaltung, vereine, unbenannt, schule, ganztag, ...written] })

  // Dots: the current round r2 counts; those of the earlier round r1 (placed before r2 began)
  // are only listed per round.
  const currentRound: Array<[TLShapeId, string, string]> = [
    [N.buergerhaushalt, 'u-anna', 'r2'],
    [N.buergerhaushalt, 'u-juergen', 'r2'],
    [N.buergerhaushalt, 'u-anon-1', 'r2'],
    [FIXTURE_CLUSTER_IDS.vereine, 'u-anna', 'r2'],
    [FIXTURE_CLUSTER_IDS.vereine, 'u-anon-2', 'r2'],
    [FIXTURE_CLUSTER_IDS.vereine, 'u-anon-2', 'r2'],
    [N.zitat, 'u-anon-1', 'r2'],
    [FIXTURE_CLUSTER_IDS.unbenannt, 'u-juergen', 'r2'],
    [N.umlaute, 'u-anna', 'r2'],
    [N.umlaute, 'u-anon-1', 'r2'],
    [N.schule, 'u-juergen', 'r2'],
    [N.schule, 'u-anon-2', 'r2'],
    [N.leer, 'u-anon-2', 'r2'],
  ]
  const earlierRoundDots: Array<[TLShapeId, string, string]> = [
    [N.formel, 'u-anna', 'r1'],
    [N.formel, 'u-juergen', 'r1'],
    [N.buergerhaushalt, 'u-anon-2', 'r1'],
    [N.schulen, 'u-anna', 'r1'],
  ]
  const dotsMap = getDotsMap(doc)
  doc.transact(() => {
    currentRound.forEach(([targetId, voterId, roundId], position) => {
      const dot: Dot = { targetId, voterId, roundId, createdAt: `2026-11-26T10:${String(position).padStart(2, '0')}:00.000Z` }
      dotsMap.set(`dot-${position}`, dot)
    })
    if (!earlierRound) return
    earlierRoundDots.forEach(([targetId, voterId, roundId], position) => {
      const dot: Dot = { targetId, voterId, roundId, createdAt: `2026-11-26T09:4${position}:00.000Z` }
      dotsMap.set(`dot-${currentRound.length + position}`, dot)
    })
  })

  writeModerationState(doc, {
    phase: 'closed',
    voting: {
      roundId: 'r2',
      dotsPerParticipant: 5,
      maxPerTarget: null,
      hideResults: false,
      status: 'ended',
      startedAt: Date.parse('2026-11-26T10:00:00Z'),
      endedAt: Date.parse('2026-11-26T10:30:00Z'),
    },
  })
  return doc
}
