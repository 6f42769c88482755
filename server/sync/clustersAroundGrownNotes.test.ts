import type { TLFrameShape, TLShapeId } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { getRecordStore, readRecords, writeRecords } from '../../shared/doc/documentLayout.ts'
import { rectsOverlap } from '../../shared/workshop/boardLayout.ts'
import { recordSize } from '../../shared/workshop/recordSize.ts'
import { CLUSTER_GAP, CLUSTER_LABEL_SPACE, CLUSTER_PADDING, clusterArea, dropSpotInCluster, growSpotsInCluster } from '../../shared/workshop/clusterLayout.ts'
import { defaultTemplate } from '../../shared/template/defaultTemplate.ts'
import { seedSessionDocument } from '../../shared/workshop/seedSession.ts'
import { boardsInOrder, buildNoteRecord, type BoardShape, type ClusterShape, type NoteShape } from '../../shared/workshop/workshopRecords.ts'
import { createSession, join, moderate } from '../testing/apiClient.ts'
import { addNote } from '../testing/notes.ts'
import { growClustersAroundGrownNotes } from './clustersAroundGrownNotes.ts'
import { serverForThisFile } from '../testing/serverForThisFile.ts'
import { type SyncTestClient, waitFor } from '../testing/syncClient.ts'

const fixture = serverForThisFile()

/** A one-note cluster (232 × 232) at (x, y) on `board`. */
function cluster(board: BoardShape, id: string, x: number, y: number, index: string): ClusterShape {
  const frame: TLFrameShape = {
    id: `shape:${id}` as TLShapeId,
    typeName: 'shape',
    type: 'frame',
    parentId: board.id,
    index: index as IndexKey,
    x,
    y,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    props: { w: 232, h: 232, name: id, color: 'blue' },
    meta: { kind: 'cluster' },
  }
  return frame as ClusterShape
}

function shapeIn<T>(client: SyncTestClient, id: string): T | undefined {
  return getRecordStore(client.doc).get(id) as T | undefined
}

/**
 * Waits until `observer` sees cluster `top` grown to hold a note 60 taller (260 high) and checks
 * that the cluster below was moved clear of it; returns the grown cluster and its height.
 */
async function grownAroundTallNote(observer: SyncTestClient, top: string, below: string): Promise<{ grown: ClusterShape; needed: number }> {
  const needed = CLUSTER_PADDING + 260 + CLUSTER_PADDING
  await waitFor('the observer to see the cluster grown around the note', () => shapeIn<ClusterShape>(observer, top)?.props.h === needed)
  const grown = shapeIn<ClusterShape>(observer, top)!
  const moved = shapeIn<ClusterShape>(observer, below)!
  expect(grown.props.w).toBe(232)
  expect(moved.y).toBeGreaterThan(220 + 232 + CLUSTER_LABEL_SPACE + 20)
  expect(rectsOverlap(clusterArea(grown), clusterArea(moved))).toBe(false)
  return { grown, needed }
}

/** A new session with participant Anna, the moderator and an observer connected and synced. */
async function annaModeratorAndObserver() {
  const session = await createSession(fixture.server.origin)
  const annaJoined = await join(fixture.server.origin, session.id, 'Anna')
  const anna = fixture.client(session.id, { participant: annaJoined.participantToken })
  const moderator = fixture.client(session.id, { token: session.moderatorToken })
  const observer = fixture.client(session.id)
  await Promise.all([anna, moderator, observer].map((client) => client.synced()))
  return { session, annaJoined, anna, moderator, observer }
}

/**
 * Anna's note in cluster "oben" on board 0, cluster "unten" below it (the room for its name and
 * 20 more between them); Anna, the moderator and an observer are connected and see it.
 */
async function annasNoteInCluster() {
  const { session, annaJoined, anna, moderator, observer } = await annaModeratorAndObserver()
  const note = addNote(anna.doc, { authorId: annaJoined.participantId, authorName: 'Anna' }, 'Mehr Radwege', 0)
  await waitFor('the moderator to have Anna’s note', () => shapeIn(moderator, note.id))
  const board = boardsInOrder(readRecords(moderator.doc))[0]!
  const top = cluster(board, 'oben', 32, 220, 'a8')
  const below = cluster(board, 'unten', 32, 220 + 232 + CLUSTER_LABEL_SPACE + 20, 'a9')
  writeRecords(moderator.doc, { put: [top, below, { ...shapeIn<NoteShape>(moderator, note.id)!, parentId: top.id, x: CLUSTER_PADDING, y: CLUSTER_PADDING }] })
  await waitFor('Anna to see her note in the cluster', () => shapeIn<NoteShape>(anna, note.id)?.parentId === top.id && shapeIn(anna, below.id))
  return { session, anna, moderator, observer, note: note.id, top: top.id, below: below.id }
}

describe('a participant’s note that grows taller than its cluster', () => {
  it('is held: the server grows the cluster around it and moves the cluster below aside', async () => {
    const { anna, observer, note, top, below } = await annasNoteInCluster()
    // Anna types a long text: her canvas makes the note 60 taller (tldraw's growY).
    const mine = shapeIn<NoteShape>(anna, note)!
    writeRecords(anna.doc, { put: [{ ...mine, props: { ...mine.props, growY: 60 } }] })

    const { grown, needed } = await grownAroundTallNote(observer, top, below)
    // Anna sees it too, and her connection stayed open (the server's change, not hers).
    await waitFor('Anna to see the cluster grown', () => shapeIn<ClusterShape>(anna, top)?.props.h === needed)
    expect(anna.closes).toEqual([])
    const held = shapeIn<NoteShape>(observer, note)!
    expect(held.y + recordSize(held).h + CLUSTER_PADDING).toBeLessThanOrEqual(grown.props.h)
  })

  it('is the server’s doing: Anna’s client may not grow the cluster itself', async () => {
    const { anna, top } = await annasNoteInCluster()
    const frame = shapeIn<ClusterShape>(anna, top)!
    writeRecords(anna.doc, { put: [{ ...frame, props: { ...frame.props, h: frame.props.h + 200 } }] })
    expect((await anna.closedWith(4001)).reason).toMatch(/may only write notes/)
  })

  it('leaves the cluster alone when the note only moved (a drop is the canvas’s business)', async () => {
    const { anna, moderator, observer, note, top, below } = await annasNoteInCluster()
    const mine = shapeIn<NoteShape>(anna, note)!
    writeRecords(anna.doc, { put: [{ ...mine, y: mine.y + 80 }] })
    await waitFor('the observer to see the note moved', () => shapeIn<NoteShape>(observer, note)?.y === mine.y + 80)
    // A later change of the moderator's arrives after anything the server did about the move.
    const marker = shapeIn<ClusterShape>(moderator, below)!
    writeRecords(moderator.doc, { put: [{ ...marker, props: { ...marker.props, name: 'später' } }] })
    await waitFor('the observer to see the later change', () => shapeIn<ClusterShape>(observer, below)?.props.name === 'später')
    expect(shapeIn<ClusterShape>(observer, top)!.props.h).toBe(232)
  })
})

/**
 * Anna, the moderator and an observer; on board 0 the moderator's clusters "oben" (232 × 232, one
 * note's size) and "unten" below it, and Anna's loose note, 60 taller than one note's size when
 * `tall` (her long text, typed while collecting). The workshop is in the clustering phase, where
 * Anna may move her note into a cluster.
 */
async function annasNoteBesideClusters(tall: boolean) {
  const { session, annaJoined, anna, moderator, observer } = await annaModeratorAndObserver()
  const board = boardsInOrder(readRecords(moderator.doc))[0]!
  const top = cluster(board, 'oben', 32, 220, 'a8')
  const below = cluster(board, 'unten', 32, 220 + 232 + CLUSTER_LABEL_SPACE + 20, 'a9')
  writeRecords(moderator.doc, { put: [top, below] })
  await waitFor('Anna to see the clusters', () => shapeIn(anna, top.id) && shapeIn(anna, below.id))
  const note = addNote(anna.doc, { authorId: annaJoined.participantId, authorName: 'Anna' }, 'Mehr Radwege, sichere Kreuzungen und Abstellplätze am Bahnhof', 0)
  if (tall) writeRecords(anna.doc, { put: [{ ...note, props: { ...note.props, growY: 60 } }] })
  await waitFor('the observer to see Anna’s note', () => shapeIn<NoteShape>(observer, note.id)?.props.growY === (tall ? 60 : 0))
  expect((await moderate(fixture.server.origin, session.id, session.moderatorToken, { action: 'setPhase', phase: 'cluster' })).status).toBe(200)
  await waitFor('Anna to see the clustering phase', () => anna.doc.getMap('moderation').get('phase') === 'cluster')
  return { anna, annaJoined, moderator, observer, note: note.id, top: top.id, below: below.id }
}

/** Anna's note moved into `clusterId` at (x, y), as her canvas sends it. */
function moveAnnasNote(anna: SyncTestClient, noteId: string, clusterId: string, x: number, y: number): void {
  writeRecords(anna.doc, { put: [{ ...shapeIn<NoteShape>(anna, noteId)!, parentId: clusterId as TLShapeId, x, y }] })
}

/** Waits until the observer has a change of the moderator's that was sent after everything before it (and whatever the server did about that). */
async function afterAllThatCame(moderator: SyncTestClient, observer: SyncTestClient, clusterId: string, name: string): Promise<void> {
  const marker = shapeIn<ClusterShape>(moderator, clusterId)!
  writeRecords(moderator.doc, { put: [{ ...marker, props: { ...marker.props, name } }] })
  await waitFor('the observer to see the later change', () => shapeIn<ClusterShape>(observer, clusterId)?.props.name === name)
}

describe('a note that enters a cluster too small for it', () => {
  it('is held once it comes to rest: the server grows the cluster around it and moves the cluster below aside, not while it is dragged over it', async () => {
    const { anna, moderator, observer, note, top, below } = await annasNoteBesideClusters(true)
    // While she drags, tldraw puts the note into the cluster under her pointer: hanging out of it.
    moveAnnasNote(anna, note, top, 40, 150)
    await waitFor('the observer to see the note in the cluster', () => shapeIn<NoteShape>(observer, note)?.y === 150)
    await afterAllThatCame(moderator, observer, below, 'während')
    expect(shapeIn<ClusterShape>(observer, top)!.props.h).toBe(232)
    // Her drop slides it inside the padding (keepNotesInsideCluster): at the top, still too tall.
    moveAnnasNote(anna, note, top, CLUSTER_PADDING, CLUSTER_PADDING)

    const { grown, needed } = await grownAroundTallNote(observer, top, below)
    const held = shapeIn<NoteShape>(observer, note)!
    expect(held.y + recordSize(held).h + CLUSTER_PADDING).toBeLessThanOrEqual(grown.props.h)
    await waitFor('Anna to see the cluster grown', () => shapeIn<ClusterShape>(anna, top)?.props.h === needed)
    expect(anna.closes).toEqual([])
  })

  it('is held when it is created in the cluster', async () => {
    const session = await createSession(fixture.server.origin)
    const annaJoined = await join(fixture.server.origin, session.id, 'Anna')
    const anna = fixture.client(session.id, { participant: annaJoined.participantToken })
    const moderator = fixture.client(session.id, { token: session.moderatorToken })
    await Promise.all([anna, moderator].map((client) => client.synced()))
    const board = boardsInOrder(readRecords(moderator.doc))[0]!
    const top = cluster(board, 'oben', 32, 220, 'a8')
    writeRecords(moderator.doc, { put: [top] })
    await waitFor('Anna to see the cluster', () => shapeIn(anna, top.id))
    const note = buildNoteRecord({ board, author: { authorId: annaJoined.participantId, authorName: 'Anna' }, text: 'Ein langer Text', siblings: readRecords(anna.doc) })
    writeRecords(anna.doc, { put: [{ ...note, parentId: top.id, x: CLUSTER_PADDING, y: CLUSTER_PADDING, props: { ...note.props, growY: 60 } }] })
    await waitFor('the moderator to see the cluster grown around the note', () => shapeIn<ClusterShape>(moderator, top.id)?.props.h === CLUSTER_PADDING + 260 + CLUSTER_PADDING)
    expect(anna.closes).toEqual([])
  })

  it('is held when it was dropped into a full cluster: at the spot beside the note there, the server grows the cluster around both', async () => {
    const { anna, moderator, observer, note, top, below } = await annasNoteBesideClusters(false)
    // "oben" holds a note of the moderator's: no room for a second one.
    const theirs = addNote(moderator.doc, { authorId: 'moderation', authorName: 'Moni' }, 'Busse', 0)
    writeRecords(moderator.doc, { put: [{ ...shapeIn<NoteShape>(moderator, theirs.id)!, parentId: top as TLShapeId, x: CLUSTER_PADDING, y: CLUSTER_PADDING }] })
    await waitFor('Anna to see the note in the cluster', () => shapeIn<NoteShape>(anna, theirs.id)?.parentId === top)
    // While she drags, over the note there; her drop puts hers where the cluster is to grow (placeDroppedNotesInCluster).
    moveAnnasNote(anna, note, top, 40, 150)
    const frame = shapeIn<ClusterShape>(anna, top)!
    const others = [{ x: CLUSTER_PADDING, y: CLUSTER_PADDING, ...recordSize(shapeIn<NoteShape>(anna, theirs.id)!) }]
    const size = recordSize(shapeIn<NoteShape>(anna, note)!)
    // The cluster below leaves no room to grow down (it cannot move far enough on the board): beside it is.
    const [, besides] = growSpotsInCluster(frame.props, size, others)
    const spot = dropSpotInCluster(frame.props, { x: 40, y: 150, ...size }, others, (candidate) => candidate.x === besides.x && candidate.y === besides.y)
    expect(spot).toEqual({ x: CLUSTER_PADDING + others[0]!.w + CLUSTER_GAP, y: CLUSTER_PADDING })
    moveAnnasNote(anna, note, top, spot.x, spot.y)

    const needed = spot.x + size.w + CLUSTER_PADDING
    await waitFor('the observer to see the cluster grown around both notes', () => shapeIn<ClusterShape>(observer, top)?.props.w === needed)
    const grown = shapeIn<ClusterShape>(observer, top)!
    expect(rectsOverlap(clusterArea(grown), clusterArea(shapeIn<ClusterShape>(observer, below)!))).toBe(false)
    const held = shapeIn<NoteShape>(observer, note)!
    expect(held).toMatchObject({ x: spot.x, y: spot.y })
    expect(rectsOverlap({ ...others[0]!, x: CLUSTER_PADDING, y: CLUSTER_PADDING }, { x: held.x, y: held.y, ...recordSize(held) })).toBe(false)
    expect(anna.closes).toEqual([])
  })

  it('changes nothing when the note fits', async () => {
    const { anna, moderator, observer, note, top, below } = await annasNoteBesideClusters(false)
    moveAnnasNote(anna, note, top, CLUSTER_PADDING, CLUSTER_PADDING)
    await waitFor('the observer to see the note in the cluster', () => shapeIn<NoteShape>(observer, note)?.parentId === top)
    await afterAllThatCame(moderator, observer, below, 'später')
    expect(shapeIn<ClusterShape>(observer, top)!.props).toMatchObject({ w: 232, h: 232 })
    expect(shapeIn<ClusterShape>(observer, below)!.y).toBe(220 + 232 + CLUSTER_LABEL_SPACE + 20)
  })

  it('is left to a moderator’s canvas that fitted the cluster in the same update', async () => {
    const { moderator, observer, note, top, below } = await annasNoteBesideClusters(true)
    // The moderator drops Anna's note: their canvas grows the cluster (more than the server would) and moves the one below.
    const frame = shapeIn<ClusterShape>(moderator, top)!
    const next = shapeIn<ClusterShape>(moderator, below)!
    const dropped = { ...shapeIn<NoteShape>(moderator, note)!, parentId: frame.id, x: CLUSTER_PADDING, y: CLUSTER_PADDING }
    writeRecords(moderator.doc, { put: [dropped, { ...frame, props: { ...frame.props, h: 320 } }, { ...next, y: next.y + 100 }] })
    await waitFor('the observer to see the note in the cluster', () => shapeIn<NoteShape>(observer, note)?.parentId === top)
    await afterAllThatCame(moderator, observer, below, 'später')
    expect(shapeIn<ClusterShape>(observer, top)!.props.h).toBe(320)
    expect(shapeIn<ClusterShape>(observer, below)!.y).toBe(next.y + 100)
    expect(shapeIn<NoteShape>(observer, note)).toMatchObject({ x: CLUSTER_PADDING, y: CLUSTER_PADDING })
  })
})

describe('a note entering a cluster, looked at again only when something about it changed', () => {
  /** Lets the listener's queued work run (it runs in a microtask after the change). */
  const settled = () => new Promise((resolve) => setTimeout(resolve, 0))

  it('comes to rest by a change of its cluster’s other notes, counted at the next look (as before: when an entering note changes)', async () => {
    const doc = new Y.Doc()
    seedSessionDocument(doc, defaultTemplate)
    const server = Symbol('server')
    growClustersAroundGrownNotes(doc, server)
    const board = boardsInOrder(readRecords(doc))[0]!
    const top = cluster(board, 'oben', 32, 220, 'a8')
    const below = cluster(board, 'unten', 32, 220 + 232 + CLUSTER_LABEL_SPACE + 20, 'a9')
    const author = { authorId: 'p1', authorName: 'Anna' }
    const theirs = buildNoteRecord({ board, author, text: 'Busse', siblings: readRecords(doc) })
    const mine = buildNoteRecord({ board, author, text: 'Radwege', siblings: [...readRecords(doc), theirs] })
    const other = buildNoteRecord({ board, author, text: 'Bahn', siblings: [...readRecords(doc), theirs, mine] })
    // "oben" holds a note, which the moderator then moves 10 to the right (a move inside its
    // cluster is the canvas's business). "Mine" is put at the spot beside where that note rests:
    // not where a drop leaves it while the note there is 10 further right.
    const besideRested = { x: CLUSTER_PADDING + recordSize(theirs).w + CLUSTER_GAP, y: CLUSTER_PADDING }
    writeRecords(doc, { put: [top, below, mine, other, { ...theirs, parentId: top.id, x: CLUSTER_PADDING, y: CLUSTER_PADDING }] }, 'moderator')
    await settled()
    writeRecords(doc, { put: [{ ...(getRecordStore(doc).get(theirs.id) as NoteShape), x: CLUSTER_PADDING + 10 }] }, 'moderator')
    await settled()
    expect((getRecordStore(doc).get(top.id) as ClusterShape).props.w).toBe(232)
    writeRecords(doc, { put: [{ ...mine, parentId: top.id, ...besideRested }] }, 'anna')
    await settled()
    expect((getRecordStore(doc).get(top.id) as ClusterShape).props.w).toBe(232)

    // The moderator moves their note to where it rests: "mine" now lies at the spot beside it,
    // but a change of no entering note is no occasion to look.
    writeRecords(doc, { put: [{ ...(getRecordStore(doc).get(theirs.id) as NoteShape), x: CLUSTER_PADDING }] }, 'moderator')
    await settled()
    expect((getRecordStore(doc).get(top.id) as ClusterShape).props.w).toBe(232)

    // Another note enters "unten" (hanging out of it, being dragged): at that look, "mine" is at rest.
    writeRecords(doc, { put: [{ ...other, parentId: below.id, x: 150, y: 150 }] }, 'anna')
    await settled()
    expect((getRecordStore(doc).get(top.id) as ClusterShape).props.w).toBe(besideRested.x + recordSize(mine).w + CLUSTER_PADDING)
  })
})
