import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRecords, writeRecords } from '../doc/documentLayout.ts'
import { inspectUpdate } from '../doc/updateInspection.ts'
import { writeModerationState, type ModerationState } from '../moderation/moderationState.ts'
import { defaultTemplate } from '../template/defaultTemplate.ts'
import { getDotsMap, type Dot } from '../workshop/dots.ts'
import { seedSessionDocument } from '../workshop/seedSession.ts'
import { boardsInOrder, buildNoteRecord, type NoteShape } from '../workshop/workshopRecords.ts'
import { judgeRecordChange, judgeUpdate, type Actor, type Verdict } from './updatePolicy.ts'

const anna: Actor = { role: 'participant', participantId: 'p-anna' }
const ben: Actor = { role: 'participant', participantId: 'p-ben' }
const moderator: Actor = { role: 'moderator', participantId: 'm-1' }
const viewer: Actor = { role: 'viewer', participantId: null }

function setup(moderation: Partial<ModerationState> = {}) {
  const server = new Y.Doc()
  seedSessionDocument(server, defaultTemplate)
  writeModerationState(server, moderation)
  // The client as the gate leaves it: allowed updates are applied on the server; after a
  // refusal the client starts again from the server's state.
  let client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const board = boardsInOrder(readRecords(server))[1]!
  const judge = (actor: Actor, change: (doc: Y.Doc) => void) => {
    const updates: Uint8Array[] = []
    const collect = (update: Uint8Array) => updates.push(update)
    client.on('update', collect)
    change(client)
    client.off('update', collect)
    const update = Y.mergeUpdates(updates)
    const verdict = judgeUpdate(server, actor, inspectUpdate(server, update))
    if (verdict.allowed) Y.applyUpdate(server, update)
    else {
      client = new Y.Doc()
      Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
    }
    return verdict
  }
  /** A write made by the server itself (seeding, moderation routes). */
  const accept = (change: (doc: Y.Doc) => void) => {
    change(server)
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)))
  }
  const note = (authorId: string, text = 'Idee'): NoteShape =>
    buildNoteRecord({ board, author: { authorId, authorName: authorId }, text, siblings: readRecords(server) })
  return { server, board, judge, accept, note }
}

/** The refusal of a verdict (code and parameters), or undefined when it was allowed. */
const refusalOf = (verdict: Verdict) => (verdict.allowed ? undefined : verdict.refusal)

const dot = (voterId: string, targetId: string, roundId = 'r1'): Dot => ({ voterId, targetId, roundId, createdAt: new Date().toISOString() })
const voting = (dotsPerParticipant: number, maxPerTarget: number | null = null): Partial<ModerationState> => ({
  phase: 'vote',
  voting: { roundId: 'r1', dotsPerParticipant, maxPerTarget, hideResults: false, status: 'running', startedAt: 0, endedAt: null },
})

describe('judgeUpdate', () => {
  it('refuses every write of a viewer', () => {
    const { judge, note } = setup()
    expect(judge(viewer, (doc) => writeRecords(doc, { put: [note('p-anna')] })).allowed).toBe(false)
  })

  it('lets a participant post, edit and delete their own note', () => {
    const { judge, note } = setup()
    const mine = note('p-anna')
    expect(judge(anna, (doc) => writeRecords(doc, { put: [mine] }))).toEqual({ allowed: true })
    expect(judge(anna, (doc) => writeRecords(doc, { put: [{ ...mine, x: mine.x + 10 }] })).allowed).toBe(true)
    expect(judge(anna, (doc) => writeRecords(doc, { remove: [mine.id] })).allowed).toBe(true)
  })

  it('refuses a forged author, and changes to other people’s notes', () => {
    const { judge, accept, note } = setup()
    expect(judge(anna, (doc) => writeRecords(doc, { put: [note('p-ben')] })).allowed).toBe(false)
    const bens = note('p-ben')
    accept((doc) => writeRecords(doc, { put: [bens] }))
    expect(judge(anna, (doc) => writeRecords(doc, { put: [{ ...bens, x: 0 }] })).allowed).toBe(false)
    expect(judge(anna, (doc) => writeRecords(doc, { remove: [bens.id] })).allowed).toBe(false)
    expect(judge(moderator, (doc) => writeRecords(doc, { remove: [bens.id] })).allowed).toBe(true)
  })

  it('keeps session settings, meta and boards to the server and moderator', () => {
    const { judge, board } = setup()
    expect(judge(anna, (doc) => doc.getMap('moderation').set('phase', 'closed')).allowed).toBe(false)
    expect(judge(moderator, (doc) => doc.getMap('moderation').set('lockedBoards', [])).allowed).toBe(false)
    expect(judge(anna, (doc) => doc.getMap('meta').set('template', {})).allowed).toBe(false)
    expect(judge(anna, (doc) => writeRecords(doc, { put: [{ ...board, x: 999 }] })).allowed).toBe(false)
    expect(judge(moderator, (doc) => writeRecords(doc, { put: [{ ...board, x: 999 }] })).allowed).toBe(true)
  })

  it('refuses records tldraw’s schema rejects, for every role', () => {
    const { judge, note } = setup()
    const broken = { ...note('p-anna'), x: 'left' } as unknown as NoteShape
    expect(judge(moderator, (doc) => writeRecords(doc, { put: [broken] })).allowed).toBe(false)
  })

  it('follows locks and phases', () => {
    const locked = setup()
    locked.accept((doc) => writeModerationState(doc, { lockedBoards: [locked.board.id] }))
    expect(refusalOf(locked.judge(anna, (doc) => writeRecords(doc, { put: [locked.note('p-anna')] })))).toEqual({ code: 'boardLocked', params: {} })
    const voteRound = setup(voting(5))
    const late = voteRound.judge(anna, (doc) => writeRecords(doc, { put: [voteRound.note('p-anna')] }))
    expect(refusalOf(late)).toEqual({ code: 'noNewNotesInPhase', params: { phase: 'vote' } })
    expect(late).toMatchObject({ reason: 'no new notes in phase "vote"' }) // the English text the server sends stays as it was
    const hidden = setup({ hiddenMode: true })
    expect(refusalOf(hidden.judge(anna, (doc) => writeRecords(doc, { put: [hidden.note('p-anna')] })))?.code).toBe('hiddenModeSealedRoute')
  })

  it('holds the dot budget and the per-note maximum, and counts concurrent dots of two voters', () => {
    const { judge, accept, note } = setup(voting(3, 2))
    const target = note('p-ben')
    accept((doc) => writeRecords(doc, { put: [target] }))
    expect(judge(anna, (doc) => { getDotsMap(doc).set('a1', dot('p-anna', target.id)); getDotsMap(doc).set('a2', dot('p-anna', target.id)) }).allowed).toBe(true)
    expect(refusalOf(judge(anna, (doc) => getDotsMap(doc).set('a3', dot('p-anna', target.id))))).toEqual({ code: 'dotsPerTarget', params: { dots: 2 } })
    const other = note('p-ben', 'Andere')
    accept((doc) => writeRecords(doc, { put: [other] }))
    expect(judge(anna, (doc) => getDotsMap(doc).set('a4', dot('p-anna', other.id))).allowed).toBe(true)
    const overBudget = judge(anna, (doc) => getDotsMap(doc).set('a5', dot('p-anna', other.id)))
    expect(refusalOf(overBudget)).toEqual({ code: 'dotBudget', params: { dots: 3 } })
    expect(overBudget).toMatchObject({ reason: 'only 3 dots per participant in this round' })
    expect(judge(ben, (doc) => getDotsMap(doc).set('b1', dot('p-ben', target.id))).allowed).toBe(true)
    expect(judge(ben, (doc) => getDotsMap(doc).set('b2', dot('p-anna', target.id))).allowed).toBe(false) // forged voter
    expect(judge(ben, (doc) => getDotsMap(doc).delete('a1')).allowed).toBe(false) // someone else's dot
    expect(judge(anna, (doc) => getDotsMap(doc).delete('a1')).allowed).toBe(true)
  })

  it('lets a voter whom an undo brought over the budget take dots off, and place none until all count', () => {
    const { judge, accept, note } = setup(voting(2))
    const back = note('p-ben', 'Kommt zurück')
    const other = note('p-ben', 'Andere')
    accept((doc) => writeRecords(doc, { put: [back, other] }))
    expect(judge(anna, (doc) => { getDotsMap(doc).set('a1', dot('p-anna', back.id)); getDotsMap(doc).set('a2', dot('p-anna', back.id)) }).allowed).toBe(true)
    // The moderator removes the note: Anna places her two dots elsewhere; then the undo brings it back.
    accept((doc) => writeRecords(doc, { remove: [back.id] }))
    expect(judge(anna, (doc) => { getDotsMap(doc).set('b1', dot('p-anna', other.id)); getDotsMap(doc).set('b2', dot('p-anna', other.id)) }).allowed).toBe(true)
    accept((doc) => writeRecords(doc, { put: [back] }))

    expect(refusalOf(judge(anna, (doc) => getDotsMap(doc).set('b3', dot('p-anna', other.id))))).toEqual({ code: 'dotBudget', params: { dots: 2 } })
    // Swapping one for another would still leave her over the budget.
    expect(refusalOf(judge(anna, (doc) => { getDotsMap(doc).delete('b2'); getDotsMap(doc).set('b3', dot('p-anna', other.id)) }))?.code).toBe('dotBudget')
    expect(judge(anna, (doc) => getDotsMap(doc).delete('b2')).allowed).toBe(true)
    expect(judge(anna, (doc) => getDotsMap(doc).delete('a1')).allowed).toBe(true)
    // Two left, both counting: the budget is full again.
    expect(refusalOf(judge(anna, (doc) => getDotsMap(doc).set('b4', dot('p-anna', other.id))))?.code).toBe('dotBudget')
    expect(judge(anna, (doc) => getDotsMap(doc).delete('b1')).allowed).toBe(true)
    expect(judge(anna, (doc) => getDotsMap(doc).set('b5', dot('p-anna', other.id))).allowed).toBe(true)
  })

  it('refuses dots outside a running round', () => {
    const { judge, note, accept } = setup()
    const target = note('p-ben')
    accept((doc) => writeRecords(doc, { put: [target] }))
    expect(refusalOf(judge(anna, (doc) => getDotsMap(doc).set('a1', dot('p-anna', target.id))))?.code).toBe('noVotingRound')
  })
})

describe('judgeUpdate: names and clusters', () => {
  const cluster = (board: { id: string }, id = 'shape:cluster-1') =>
    ({
      id,
      typeName: 'shape',
      type: 'frame',
      parentId: board.id,
      index: 'a9',
      x: 40,
      y: 200,
      rotation: 0,
      isLocked: false,
      opacity: 1,
      props: { w: 400, h: 400, name: 'Verkehr', color: 'black' },
      meta: { kind: 'cluster' },
    }) as unknown as NoteShape

  it('refuses a note under another name than the one its writer joined with, when the server knows it', () => {
    const { judge, note } = setup()
    const named: Actor = { ...anna, authorName: 'p-anna' }
    expect(judge(named, (doc) => writeRecords(doc, { put: [{ ...note('p-anna'), meta: { ...note('p-anna').meta, authorName: 'Bürgermeister' } }] })).allowed).toBe(false)
    expect(judge(named, (doc) => writeRecords(doc, { put: [note('p-anna')] })).allowed).toBe(true)
  })

  it('lets participants move their notes into and between clusters only in the clustering phase', () => {
    const { judge, accept, note, board } = setup()
    const first = cluster(board)
    const second = cluster(board, 'shape:cluster-2')
    const mine = note('p-anna')
    accept((doc) => writeRecords(doc, { put: [first, second, mine] }))
    const into = (id: string) => (doc: Y.Doc) => writeRecords(doc, { put: [{ ...mine, parentId: id as NoteShape['parentId'], x: 10, y: 10 }] })
    expect(judge(anna, into(first.id))).toEqual({
      allowed: false,
      reason: 'notes can be moved into or out of clusters only in phase "cluster"',
      refusal: { code: 'regroupOnlyInPhase', params: { phase: 'cluster' } },
    })
    expect(judge(anna, (doc) => writeRecords(doc, { put: [{ ...mine, x: mine.x + 5 }] })).allowed).toBe(true) // moving on the board is fine
    expect(judge(anna, into(first.id)).allowed).toBe(false)
    expect(judge(anna, (doc) => writeRecords(doc, { put: [cluster(board, 'shape:cluster-3')] })).allowed).toBe(false) // clusters are the moderator's

    accept((doc) => writeModerationState(doc, { phase: 'cluster' }))
    expect(judge(anna, into(first.id)).allowed).toBe(true)
    expect(judge(anna, into(second.id)).allowed).toBe(true)
    expect(judge(ben, into(first.id)).allowed).toBe(false) // not Ben's note

    accept((doc) => writeModerationState(doc, { phase: 'vote' }))
    expect(judge(anna, into(first.id)).allowed).toBe(false)
  })
})

describe('judgeRecordChange', () => {
  it('judges single record writes like the gate, before they are sent', () => {
    const { server, board, accept, note } = setup()
    const mine = note('p-anna')
    expect(judgeRecordChange(server, anna, mine.id, mine)).toEqual({ allowed: true })
    expect(judgeRecordChange(server, ben, mine.id, mine).allowed).toBe(false)
    expect(judgeRecordChange(server, viewer, mine.id, mine).allowed).toBe(false)
    expect(judgeRecordChange(server, anna, board.id, { ...board, x: board.x + 1 }).allowed).toBe(false)
    expect(judgeRecordChange(server, moderator, board.id, { ...board, x: board.x + 1 })).toEqual({ allowed: true })
    accept((doc) => writeRecords(doc, { put: [mine] }))
    expect(judgeRecordChange(server, anna, mine.id, undefined)).toEqual({ allowed: true })
    expect(judgeRecordChange(server, ben, mine.id, undefined).allowed).toBe(false)
    expect(judgeRecordChange(server, anna, board.id, undefined).allowed).toBe(false)
  })
})
