import type { TLFrameShape, TLShapeId } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { describe, expect, it } from 'vitest'
import { getRecordStore, readRecords, writeRecords } from '../../shared/doc/documentLayout.ts'
import { rectsOverlap } from '../../shared/workshop/boardLayout.ts'
import { recordSize } from '../../shared/workshop/clusterGrowthOnBoard.ts'
import { CLUSTER_LABEL_SPACE, CLUSTER_PADDING, clusterArea } from '../../shared/workshop/clusterLayout.ts'
import { boardsInOrder, type BoardShape, type ClusterShape, type NoteShape } from '../../shared/workshop/workshopRecords.ts'
import { createSession, join } from '../testing/apiClient.ts'
import { addNote } from '../testing/notes.ts'
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
 * Anna's note in cluster "oben" on board 0, cluster "unten" below it (the room for its name and
 * 20 more between them); Anna, the moderator and an observer are connected and see it.
 */
async function annasNoteInCluster() {
  const session = await createSession(fixture.server.origin)
  const annaJoined = await join(fixture.server.origin, session.id, 'Anna')
  const anna = fixture.client(session.id, { participant: annaJoined.participantToken })
  const moderator = fixture.client(session.id, { token: session.moderatorToken })
  const observer = fixture.client(session.id)
  await Promise.all([anna, moderator, observer].map((client) => client.synced()))
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

    const needed = CLUSTER_PADDING + 260 + CLUSTER_PADDING
    await waitFor('the observer to see the cluster grown around the note', () => shapeIn<ClusterShape>(observer, top)?.props.h === needed)
    const grown = shapeIn<ClusterShape>(observer, top)!
    const moved = shapeIn<ClusterShape>(observer, below)!
    expect(grown.props.w).toBe(232)
    expect(moved.y).toBeGreaterThan(220 + 232 + CLUSTER_LABEL_SPACE + 20)
    expect(rectsOverlap(clusterArea(grown), clusterArea(moved))).toBe(false)
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
