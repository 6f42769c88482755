import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getRecordStore, readRecords } from '../../shared/doc/documentLayout.ts'
import { inspectUpdate } from '../../shared/doc/updateInspection.ts'
import { writeModerationState, type ModerationState } from '../../shared/moderation/moderationState.ts'
import type { Actor } from '../../shared/permissions/participantRules.ts'
import { judgeUpdate } from '../../shared/permissions/updatePolicy.ts'
import { defaultTemplate } from '../../shared/template/defaultTemplate.ts'
import { readDots } from '../../shared/workshop/dots.ts'
import { seedSessionDocument } from '../../shared/workshop/seedSession.ts'
import { boardsInOrder, isNote } from '../../shared/workshop/workshopRecords.ts'
import { richTextToPlain } from '../../shared/text/richTextToPlain.ts'
import { deleteNote, editNote, placeDot, postingVerdict, postNote, removeDot } from './workshopActions.ts'

const anna: Actor = { role: 'participant', participantId: 'p-anna' }
const ben: Actor = { role: 'participant', participantId: 'p-ben' }
const viewer: Actor = { role: 'viewer', participantId: null }
const author = (actor: Actor) => ({ authorId: actor.participantId!, authorName: actor.participantId!.slice(2) })

/**
 * A client document synced with a "server" document. Every update the client produces is judged
 * by the server's gate policy (shared/permissions judgeUpdate), as the real server does.
 */
function session(moderation: Partial<ModerationState> = {}) {
  const server = new Y.Doc()
  seedSessionDocument(server, defaultTemplate)
  writeModerationState(server, moderation)
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const verdicts: boolean[] = []
  const gate = (actor: Actor) => (update: Uint8Array) => {
    const verdict = judgeUpdate(server, actor, inspectUpdate(server, update))
    verdicts.push(verdict.allowed)
    if (verdict.allowed) Y.applyUpdate(server, update)
  }
  const as = <T>(actor: Actor, act: () => T): T => {
    const listener = gate(actor)
    client.on('update', listener)
    try {
      return act()
    } finally {
      client.off('update', listener)
    }
  }
  const moderate = (patch: Partial<ModerationState>) => {
    writeModerationState(server, patch)
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)))
  }
  return { server, client, verdicts, as, moderate }
}

const notesOf = (doc: Y.Doc) => readRecords(doc).filter(isNote)

describe('workshop actions', () => {
  it('posts a note onto the chosen question’s board, accepted by the gate', () => {
    const { server, client, verdicts, as } = session()
    const result = as(anna, () => postNote(client, anna, author(anna), 2, '  Repair-Café  '))
    expect(result.allowed).toBe(true)
    expect(verdicts).toEqual([true])
    const [note] = notesOf(server)
    expect(note!.parentId).toBe(boardsInOrder(readRecords(server))[2]!.id)
    expect(note!.meta).toMatchObject({ authorId: 'p-anna', authorName: 'anna' })
    expect(richTextToPlain(note!.props.richText)).toBe('Repair-Café')
  })

  it('writes nothing the gate would refuse', () => {
    const { client, verdicts, as, moderate } = session({ phase: 'vote' })
    expect(as(anna, () => postNote(client, anna, author(anna), 0, 'zu spät')).allowed).toBe(false)
    expect(as(viewer, () => postNote(client, viewer, author(anna), 0, 'Beamer')).allowed).toBe(false)
    moderate({ phase: 'collect', lockedBoards: [boardsInOrder(readRecords(client))[0]!.id] })
    expect(as(anna, () => postNote(client, anna, author(anna), 0, 'gesperrt')).allowed).toBe(false)
    expect(as(anna, () => postNote(client, anna, author(anna), 1, 'offen')).allowed).toBe(true)
    expect(verdicts).toEqual([true])
  })

  it('sends posts in hidden mode to the server: the document is not written', () => {
    const { client, as, moderate } = session({ hiddenMode: true })
    expect(postingVerdict(client, anna, author(anna), 0).allowed).toBe(true)
    expect(as(anna, () => postNote(client, anna, author(anna), 0, 'geheim')).allowed).toBe(false)
    expect(notesOf(client)).toEqual([])
    moderate({ phase: 'cluster' })
    expect(postingVerdict(client, { role: 'moderator', participantId: 'm' }, author(anna), 0).allowed).toBe(false)
  })

  it('lets authors edit and delete their own notes only', () => {
    const { server, client, verdicts, as } = session()
    const { noteId } = as(anna, () => postNote(client, anna, author(anna), 0, 'Erster Entwurf'))
    expect(as(ben, () => editNote(client, ben, noteId!, 'übernommen')).allowed).toBe(false)
    expect(as(ben, () => deleteNote(client, ben, noteId!)).allowed).toBe(false)
    expect(as(anna, () => editNote(client, anna, noteId!, 'Zweiter\nEntwurf')).allowed).toBe(true)
    expect(richTextToPlain((getRecordStore(server).get(noteId!) as ReturnType<typeof notesOf>[number]).props.richText)).toBe('Zweiter\nEntwurf')
    expect(as(anna, () => deleteNote(client, anna, noteId!)).allowed).toBe(true)
    expect(notesOf(server)).toEqual([])
    expect(verdicts).toEqual([true, true, true])
  })

  it('places dots within the budget and takes them back, as the gate allows', () => {
    const { server, client, verdicts, as, moderate } = session()
    const { noteId } = as(ben, () => postNote(client, ben, author(ben), 1, 'Bürgersprechstunde'))
    moderate({
      phase: 'vote',
      voting: { roundId: 'r1', dotsPerParticipant: 2, maxPerTarget: null, hideResults: false, status: 'running', startedAt: 0, endedAt: null },
    })
    expect(as(anna, () => placeDot(client, anna, noteId!)).allowed).toBe(true)
    expect(as(anna, () => placeDot(client, anna, noteId!)).allowed).toBe(true)
    expect(as(anna, () => placeDot(client, anna, noteId!))).toMatchObject({ allowed: false })
    expect([...readDots(server).values()].map((dot) => [dot.voterId, dot.targetId, dot.roundId])).toEqual([
      ['p-anna', noteId, 'r1'],
      ['p-anna', noteId, 'r1'],
    ])
    expect(as(ben, () => removeDot(client, ben, noteId!)).allowed).toBe(false)
    expect(as(anna, () => removeDot(client, anna, noteId!)).allowed).toBe(true)
    expect(readDots(server).size).toBe(1)
    expect(as(viewer, () => placeDot(client, viewer, noteId!)).allowed).toBe(false)
    expect(verdicts).toEqual([true, true, true, true])
  })
})
