import { createTLStore, toRichText } from 'tldraw'
import type { TLRecord, TLShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { getRecordStore, readRecords, writeRecords } from '../../shared/doc/documentLayout.ts'
import { pinnwandSchema } from '../../shared/doc/tldrawSchema.ts'
import { refuse } from '../../shared/permissions/participantRules.ts'
import { defaultTemplate } from '../../shared/template/defaultTemplate.ts'
import { seedSessionDocument } from '../../shared/workshop/seedSession.ts'
import { boardsInOrder, buildNoteRecord, type NoteShape } from '../../shared/workshop/workshopRecords.ts'
import type { FrameScheduler } from './frameScheduler.ts'
import { updateBudget } from './messageBatches.ts'
import { bindStoreToYjs, documentRecordsForStore, type RecordGuard, type RefusedChange, type YjsStoreBindingOptions } from './yjsStoreBinding.ts'

/** A scheduler the test drives: frames run only when the test says so. */
function manualFrames() {
  const queue: Array<() => void> = []
  const schedule: FrameScheduler = (flush) => {
    queue.push(flush)
    return () => queue.splice(queue.indexOf(flush), 1)
  }
  return { schedule, scheduled: () => queue.length, runFrame: () => queue.splice(0).forEach((flush) => flush()) }
}

/** Two documents that exchange updates like two clients through a server. */
function connectedDocs() {
  const server = new Y.Doc()
  seedSessionDocument(server, defaultTemplate, new Date('2026-11-25T10:00:00Z'))
  const local = new Y.Doc()
  const remote = new Y.Doc()
  Y.applyUpdate(local, Y.encodeStateAsUpdate(server))
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(server))
  const sentByLocal: Uint8Array[] = []
  local.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') {
      sentByLocal.push(update)
      Y.applyUpdate(remote, update, 'remote')
    }
  })
  remote.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(local, update, 'remote')
  })
  return { local, remote, sentByLocal }
}

function setup(guard?: RecordGuard, more?: Pick<YjsStoreBindingOptions, 'holdRefused' | 'maxUpdateBytes'>) {
  const released: string[] = []
  const docs = connectedDocs()
  const frames = manualFrames()
  const store = createTLStore({ schema: pinnwandSchema() })
  const refusals: string[] = []
  const refused: RefusedChange[] = []
  const held: RefusedChange[] = []
  const binding = bindStoreToYjs({
    store,
    doc: docs.local,
    schedule: frames.schedule,
    guard,
    onRefused: (changes) => {
      refusals.push(changes[0]!.reason)
      refused.push(...changes)
    },
    onHeld: (change) => held.push(change),
    onReleased: (id) => released.push(id),
    ...more,
  })
  return { ...docs, ...frames, store, binding, refusals, refused, held, released }
}

const anna = { authorId: 'p-anna', authorName: 'Anna' }

function noteOn(doc: Y.Doc, questionIndex: number, text: string, author = anna): NoteShape {
  const records = readRecords(doc)
  const board = boardsInOrder(records)[questionIndex]!
  return buildNoteRecord({ board, author, text, siblings: records })
}

describe('bindStoreToYjs', () => {
  it('fills the store with the document’s records without writing anything back', () => {
    const { store, local, sentByLocal, scheduled } = setup()
    const ids = readRecords(local).map((record) => record.id).sort()
    const documentRecords = store.allRecords().filter((record) => store.scopedTypes.document.has(record.typeName))
    expect(documentRecords.map((record) => record.id).sort()).toEqual(ids)
    expect(sentByLocal).toHaveLength(0)
    expect(scheduled()).toBe(0)
  })

  it('binds a store created from the document’s records without putting them again, and skips a broken record', () => {
    const { local } = connectedDocs()
    writeRecords(local, { put: [noteOn(local, 0, 'Erste Karte')], remove: [] })
    const initial = documentRecordsForStore(pinnwandSchema(), local)
    const store = createTLStore({ schema: pinnwandSchema(), initialData: Object.fromEntries(initial.map((record) => [record.id, record])) })
    const changes: number[] = []
    store.listen(({ changes: diff }) => changes.push(Object.keys(diff.added).length + Object.keys(diff.updated).length), { scope: 'document' })
    const binding = bindStoreToYjs({ store, doc: local, schedule: manualFrames().schedule })
    expect(changes).toEqual([])
    expect(store.allRecords().filter((record) => store.scopedTypes.document.has(record.typeName))).toHaveLength(initial.length)
    binding.dispose()

    // A record that does not validate: tldraw refuses the initial data as a whole; an empty store
    // filled by the binding gets every other record.
    const broken = { ...noteOn(local, 1, 'Kaputt'), x: 'links' } as unknown as TLRecord
    writeRecords(local, { put: [broken], remove: [] })
    expect(() => createTLStore({ schema: pinnwandSchema(), initialData: Object.fromEntries(documentRecordsForStore(pinnwandSchema(), local).map((record) => [record.id, record])) })).toThrow()
    const fallback = createTLStore({ schema: pinnwandSchema() })
    bindStoreToYjs({ store: fallback, doc: local, schedule: manualFrames().schedule }).dispose()
    expect(fallback.has(broken.id)).toBe(false)
    expect(fallback.allRecords().filter((record) => fallback.scopedTypes.document.has(record.typeName))).toHaveLength(initial.length)
  })

  it('writes all local changes of one frame in one Yjs transaction', () => {
    const { store, local, remote, sentByLocal, runFrame } = setup()
    const first = noteOn(local, 1, 'Mehr Bürgerhaushalt')
    store.put([first])
    store.put([{ ...first, x: first.x + 10 }])
    const second = noteOn(local, 2, 'Runder Tisch')
    store.put([second])
    expect(sentByLocal).toHaveLength(0)

    runFrame()
    expect(sentByLocal).toHaveLength(1)
    expect(getRecordStore(remote).get(first.id)).toMatchObject({ x: first.x + 10 })
    expect(getRecordStore(remote).get(second.id)).toMatchObject({ meta: { authorName: 'Anna' } })
  })

  it('applies remote changes to the store without echoing them', () => {
    const { store, remote, sentByLocal, scheduled } = setup()
    const note = noteOn(remote, 1, 'Von Ben', { authorId: 'p-ben', authorName: 'Ben' })
    writeRecords(remote, { put: [note] })
    expect(store.get(note.id)).toMatchObject({ meta: { authorName: 'Ben' } })

    writeRecords(remote, { remove: [note.id] })
    expect(store.get(note.id)).toBeUndefined()
    expect(scheduled()).toBe(0)
    expect(sentByLocal).toHaveLength(0)
  })

  it('deletes records removed locally', () => {
    const { store, local, remote, runFrame } = setup()
    const note = noteOn(local, 0, 'Weg damit')
    store.put([note])
    runFrame()
    store.remove([note.id])
    runFrame()
    expect(getRecordStore(remote).get(note.id)).toBeUndefined()
  })

  it('lets a remote change win over a local change not yet sent', () => {
    const { store, local, remote, sentByLocal, runFrame } = setup()
    const note = noteOn(local, 0, 'Entwurf')
    store.put([note])
    runFrame()
    const sentBefore = sentByLocal.length
    store.put([{ ...note, x: 999 }])
    writeRecords(remote, { put: [{ ...note, y: 555 }] })
    runFrame()
    expect(sentByLocal).toHaveLength(sentBefore)
    expect(store.get(note.id)).toMatchObject({ x: note.x, y: 555 })
  })

  it('keeps refused changes local-only and restores the document’s state', () => {
    const guard: RecordGuard = (_id, next) =>
      next?.typeName === 'shape' && next.type === 'frame' ? refuse('boardLocked') : { allowed: true }
    const { store, local, remote, sentByLocal, runFrame, refusals } = setup(guard)
    const board = boardsInOrder(readRecords(local))[0]!
    const note = noteOn(local, 0, 'Erlaubt')
    store.put([{ ...board, x: board.x + 500 } as TLRecord, note])
    runFrame()
    expect(refusals).toEqual(['this board is locked'])
    expect(store.get(board.id as TLShapeId)).toMatchObject({ x: board.x })
    expect(getRecordStore(remote).get(board.id)).toMatchObject({ x: board.x })
    expect(getRecordStore(remote).get(note.id)).toBeDefined()
    expect(sentByLocal).toHaveLength(1)
  })

  it('holds a refused change while asked to, and returns it, whole, when settled', () => {
    let locked = false
    let typing = true
    const guard: RecordGuard = () => (locked ? refuse('boardLocked') : { allowed: true })
    const { store, local, remote, runFrame, binding, refused, held } = setup(guard, { holdRefused: () => typing })
    const note = noteOn(local, 0, 'Vor der Sperre')
    store.put([note])
    runFrame()
    locked = true
    const typed = { ...note, props: { ...note.props, richText: toRichText('Vor der Sperre und danach') } }
    store.put([typed])
    runFrame()
    // Still what the person typed, not sent, and said once.
    expect(store.get(note.id)).toEqual(typed)
    expect(getRecordStore(remote).get(note.id)).toEqual(note)
    expect(held.map((change) => change.reason)).toEqual(['this board is locked'])
    expect(refused).toEqual([])
    // A remote change meanwhile does not overwrite it.
    writeRecords(remote, { put: [{ ...note, x: note.x + 10 }], remove: [] })
    expect(store.get(note.id)).toEqual(typed)
    typing = false
    binding.settle(note.id)
    expect(refused).toHaveLength(1)
    expect(refused[0]!.attempted).toEqual(typed)
    expect(store.get(note.id)).toEqual({ ...note, x: note.x + 10 })
    expect(getRecordStore(remote).get(note.id)).toEqual({ ...note, x: note.x + 10 })
  })

  it('sends a held change once it is allowed again', () => {
    let locked = true
    const guard: RecordGuard = (id) => (locked && getRecordStore(local).get(id) ? refuse('boardLocked') : { allowed: true })
    const { store, local, remote, runFrame, binding, refused, released } = setup(guard, { holdRefused: () => true })
    const note = noteOn(local, 0, 'Erst')
    writeRecords(local, { put: [note], remove: [] })
    const typed = { ...note, props: { ...note.props, richText: toRichText('Erst gesperrt, dann frei') } }
    store.put([typed])
    runFrame()
    expect(getRecordStore(remote).get(note.id)).toEqual(note)
    expect(released).toEqual([])
    locked = false
    binding.settle(note.id)
    expect(refused).toEqual([])
    expect(getRecordStore(remote).get(note.id)).toEqual(typed)
    // Said, so the toast saying it was held goes.
    expect(released).toEqual([note.id])
  })

  it('says when a held change goes out while typing goes on (the board was unlocked)', () => {
    let locked = true
    const guard: RecordGuard = (id) => (locked && getRecordStore(local).get(id) ? refuse('boardLocked') : { allowed: true })
    const { store, local, remote, runFrame, binding, released } = setup(guard, { holdRefused: () => true })
    const note = noteOn(local, 0, 'Erst')
    writeRecords(local, { put: [note], remove: [] })
    store.put([{ ...note, props: { ...note.props, richText: toRichText('Erst gesperrt') } }])
    runFrame()
    expect(binding.isHeld(note.id)).toBe(true)
    locked = false
    const typed = { ...note, props: { ...note.props, richText: toRichText('Erst gesperrt, dann frei') } }
    store.put([typed])
    runFrame()
    expect(getRecordStore(remote).get(note.id)).toEqual(typed)
    expect(released).toEqual([note.id])
    expect(binding.isHeld(note.id)).toBe(false)
  })

  it('sends a frame larger than one message in several, each within the budget, and refuses only a record too large alone', () => {
    const budget = updateBudget(32 * 1024)
    const { store, local, remote, runFrame, sentByLocal, refused } = setup(undefined, { maxUpdateBytes: budget })
    const notes = Array.from({ length: 6 }, (_, index) => noteOn(local, 0, `${index} ` + 'Radwege '.repeat(1000)))
    const tooLarge = noteOn(local, 1, 'Zu lang '.repeat(5000))
    store.put([...notes.slice(0, 3), tooLarge, ...notes.slice(3)])
    runFrame()
    expect(sentByLocal.length).toBeGreaterThan(1)
    for (const update of sentByLocal) expect(update.byteLength).toBeLessThanOrEqual(budget)
    for (const note of notes) expect(getRecordStore(remote).get(note.id)).toEqual(note)
    expect(getRecordStore(remote).get(tooLarge.id)).toBeUndefined()
    expect(store.get(tooLarge.id)).toBeUndefined()
    expect(refused.map((change) => [change.id, change.reason])).toEqual([[tooLarge.id, 'a change was too large to send to the server']])
  })

  it('flushes pending changes when disposed', () => {
    const { store, local, remote, binding } = setup()
    const note = noteOn(local, 3, 'Zum Schluss')
    store.put([note])
    binding.dispose()
    expect(getRecordStore(remote).get(note.id)).toBeDefined()
  })
})
