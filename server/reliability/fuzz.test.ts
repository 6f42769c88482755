import * as encoding from 'lib0/encoding'
import * as prng from 'lib0/prng'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { readRecords, writeRecords } from '../../shared/doc/documentLayout.ts'
import { boardsInOrder, buildNoteRecord, type BoardShape } from '../../shared/workshop/workshopRecords.ts'
import { createSession, join, type CreatedSession, type Joined } from '../testing/apiClient.ts'
import { addNote } from '../testing/notes.ts'
import { PinnwandServer } from '../testing/serverProcess.ts'
import { SyncTestClient, waitFor } from '../testing/syncClient.ts'

/**
 * The fuzz test, bounded and deterministic (seeded): 10,000 malformed websocket frames
 * from a few raw sockets (reconnecting whenever the server closes one), and malformed bodies on
 * every writing HTTP route. Meanwhile a writer and a reader keep syncing. Afterwards the server
 * is healthy, the pair saw every note, no request got a 5xx, and the server's memory stayed
 * bounded: peak RSS below 2 × the RSS before the fuzz + 100 MB.
 */
const FRAMES = 10_000
const SOCKETS = 4
const HTTP_BODIES_PER_ROUTE = 120
const SEED = 0x5eed_0006

let server: PinnwandServer
let session: CreatedSession & { moderatorToken: string; viewerToken: string }
let fuzzer: Joined
let board: BoardShape
const clients: SyncTestClient[] = []

beforeAll(async () => {
  // Output captured: thousands of refused frames should not flood the test log.
  server = await PinnwandServer.start({ env: { NOTES_PER_MINUTE: '0' }, captureOutput: true })
  session = await createSession(server.origin)
  fuzzer = await join(server.origin, session.id, 'Fuzzer')
})
afterAll(async () => {
  for (const created of clients) created.destroy()
  await server?.stop()
})

function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return Number(match?.[1] ?? 0) * 1024
}

// --- frame generators -----------------------------------------------------------------------

const bytes = (random: prng.PRNG, min: number, max: number) => prng.uint8Array(random, prng.int32(random, min, max))

function frame(build: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  build(encoder)
  return encoding.toUint8Array(encoder)
}

/** A real update of the fuzzer's own note: a base for mutations. */
function validNoteUpdate(random: prng.PRNG): Uint8Array {
  const doc = new Y.Doc()
  const note = buildNoteRecord({ board, author: { authorId: fuzzer.participantId, authorName: 'Fuzzer' }, text: prng.word(random, 1, 30), siblings: [] })
  writeRecords(doc, { put: [note] })
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/** Well-formed Yjs updates the gate must refuse: other roots, broken records, nested types, unknown deletes. */
function hostileUpdate(random: prng.PRNG): Uint8Array {
  const doc = new Y.Doc()
  switch (prng.int32(random, 0, 4)) {
    case 0:
      doc.getMap(prng.oneOf(random, ['moderation', 'meta', prng.word(random, 1, 12)])).set(prng.word(random), prng.utf16String(random, 40))
      break
    case 1:
      doc.getArray('records').push([{ key: prng.word(random), val: { id: prng.word(random), typeName: 'shape', x: 'nope' } }])
      break
    case 2:
      doc.getArray('records').push([new Y.Map()])
      break
    case 3:
      doc.getMap('dots').set(prng.word(random), { voterId: fuzzer.participantId, targetId: 'shape:x', roundId: 'r', createdAt: 'gestern' })
      break
    default: {
      // A delete set for items nobody has: random client ids and clocks.
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0) // no structs
      encoding.writeVarUint(encoder, 1) // one client in the delete set
      encoding.writeVarUint(encoder, prng.uint32(random, 1, 2 ** 31))
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarUint(encoder, prng.uint32(random, 0, 1_000_000))
      encoding.writeVarUint(encoder, prng.uint32(random, 1, 1_000_000))
      doc.destroy()
      return encoding.toUint8Array(encoder)
    }
  }
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

function mutate(random: prng.PRNG, update: Uint8Array): Uint8Array {
  const copy = new Uint8Array(update)
  const flips = prng.int32(random, 1, 6)
  for (let index = 0; index < flips; index++) copy[prng.int32(random, 0, copy.length - 1)] = prng.uint32(random, 0, 255)
  return prng.bool(random) ? copy : copy.subarray(0, prng.int32(random, 0, copy.length))
}

type FuzzFrame = { data: Uint8Array | string; kind: string }

function nextFrame(random: prng.PRNG): FuzzFrame {
  const kind = prng.int32(random, 0, 99)
  if (kind < 12) return { kind: 'random bytes', data: bytes(random, 0, 300) }
  if (kind < 20)
    return {
      kind: 'truncated varint',
      data: frame((e) => {
        if (prng.bool(random)) encoding.writeVarUint(e, prng.int32(random, 0, 1))
        for (let index = prng.int32(random, 1, 10); index > 0; index--) encoding.writeUint8(e, prng.int32(random, 0x80, 0xff))
      }),
    }
  if (kind < 28) return { kind: 'unknown message type', data: frame((e) => { encoding.writeVarUint(e, prng.int32(random, 4, 1 << 20)); encoding.writeUint8Array(e, bytes(random, 0, 40)) }) }
  if (kind < 46)
    return {
      kind: 'valid framing, invalid update',
      data: frame((e) => {
        encoding.writeVarUint(e, 0)
        encoding.writeVarUint(e, prng.int32(random, 0, 2))
        encoding.writeVarUint8Array(e, prng.bool(random) ? bytes(random, 0, 200) : mutate(random, validNoteUpdate(random)))
      }),
    }
  if (kind < 60)
    return {
      kind: 'valid framing, refused update',
      data: frame((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, hostileUpdate(random)) }),
    }
  if (kind < 72)
    return {
      kind: 'huge declared length',
      data: frame((e) => {
        const huge = prng.uint32(random, 2 ** 24, 2 ** 32 - 1)
        switch (prng.int32(random, 0, 3)) {
          case 0: encoding.writeVarUint(e, 0); encoding.writeVarUint(e, prng.int32(random, 0, 2)); encoding.writeVarUint(e, huge); break
          case 1: encoding.writeVarUint(e, 1); encoding.writeVarUint(e, huge); break
          case 2: // an awareness update claiming a huge number of entries
            encoding.writeVarUint(e, 1)
            encoding.writeVarUint8Array(e, frame((inner) => { encoding.writeVarUint(inner, huge); encoding.writeVarUint(inner, 1) }))
            break
          default: // an update claiming a huge number of structs
            encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 2)
            encoding.writeVarUint8Array(e, frame((inner) => { encoding.writeVarUint(inner, 1); encoding.writeVarUint(inner, huge); encoding.writeVarUint(inner, 7); encoding.writeVarUint(inner, 0) }))
        }
        encoding.writeUint8Array(e, bytes(random, 0, 16))
      }),
    }
  if (kind < 84)
    return {
      kind: 'awareness garbage',
      data: frame((e) => {
        encoding.writeVarUint(e, 1)
        encoding.writeVarUint8Array(e, frame((inner) => {
          const count = prng.int32(random, 0, 3)
          encoding.writeVarUint(inner, count)
          for (let index = 0; index < count; index++) {
            encoding.writeVarUint(inner, prng.uint32(random, 0, 2 ** 32 - 1))
            encoding.writeVarUint(inner, prng.uint32(random, 0, 1000))
            encoding.writeVarString(inner, prng.bool(random) ? JSON.stringify({ user: { name: prng.utf16String(random, 30) } }) : prng.utf16String(random, 30))
          }
          if (prng.bool(random)) encoding.writeUint8Array(inner, bytes(random, 0, 8))
        }))
      }),
    }
  if (kind < 92) return { kind: 'mutated valid message', data: frame((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, mutate(random, validNoteUpdate(random))) }) }
  if (kind < 96) return { kind: 'text frame', data: prng.utf16String(random, 50) }
  if (kind < 99) return { kind: 'empty frame', data: new Uint8Array(0) }
  return { kind: 'oversized frame', data: new Uint8Array(1024 * 1024 + prng.int32(random, 1, 4096)) }
}

// --- raw sockets ----------------------------------------------------------------------------

/** Makes the server answer (with awareness): when the answer or a close arrives, the frame before it was handled. */
const PROBE = frame((e) => encoding.writeVarUint(e, 3))

function openSocket(path: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(server.origin.replace(/^http/, 'ws') + path)
    socket.on('error', () => undefined)
    socket.once('open', () => resolve(socket))
    socket.once('close', () => reject(new Error('closed before open')))
  })
}

function sendAndSettle(socket: WebSocket, fuzz: FuzzFrame): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      socket.off('message', done)
      socket.off('close', done)
      resolve()
    }
    const timer = setTimeout(done, 2_000)
    socket.once('message', done)
    socket.once('close', done)
    socket.send(fuzz.data, { binary: typeof fuzz.data !== 'string' })
    if (socket.readyState === WebSocket.OPEN) socket.send(PROBE)
  })
}

async function fuzzSocket(worker: number, frames: number, kinds: Map<string, number>): Promise<{ connections: number }> {
  // Separate generators, so the frames stay the same however often the server closes a socket.
  const random = prng.create(SEED + worker)
  const pathRandom = prng.create(SEED + 100 + worker)
  const paths = [
    `/yjs/${session.id}?participant=${encodeURIComponent(fuzzer.participantToken)}`,
    `/yjs/${session.id}`,
    `/yjs/${session.id}?token=${session.moderatorToken}`,
    `/yjs/${session.id}?token=${session.viewerToken}`,
  ]
  let socket: WebSocket | undefined
  let connections = 0
  for (let sent = 0; sent < frames; ) {
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      socket?.terminate()
      try {
        socket = await openSocket(prng.oneOf(pathRandom, paths))
        connections++
      } catch {
        continue
      }
    }
    const fuzz = nextFrame(random)
    kinds.set(fuzz.kind, (kinds.get(fuzz.kind) ?? 0) + 1)
    await sendAndSettle(socket, fuzz)
    sent++
  }
  socket?.terminate()
  return { connections }
}

// --- HTTP bodies ----------------------------------------------------------------------------

function malformedBody(random: prng.PRNG, valid: unknown): { body: string | Uint8Array; contentType: string } {
  const json = JSON.stringify(valid)
  switch (prng.int32(random, 0, 9)) {
    case 0: return { body: bytes(random, 0, 500), contentType: 'application/octet-stream' }
    case 1: return { body: json.slice(0, prng.int32(random, 0, json.length - 1)), contentType: 'application/json' }
    case 2: return { body: JSON.stringify(prng.oneOf(random, [null, 42, 'text', [], [valid], true, {}])), contentType: 'application/json' }
    case 3: return { body: '['.repeat(prng.int32(random, 1_000, 200_000)), contentType: 'application/json' }
    case 4: return { body: JSON.stringify({ ...(valid as object), extra: prng.utf16String(random, 20) }), contentType: 'application/json' }
    case 5: return { body: JSON.stringify(Object.fromEntries(Object.keys(valid as object).map((key) => [key, prng.oneOf(random, [null, -1, 1e308, '', [], {}, 'x'.repeat(5000)])]))), contentType: 'application/json' }
    case 6: return { body: 'x'.repeat(prng.int32(random, 300_000, 600_000)), contentType: 'application/json' }
    case 7: return { body: json.replace(/"/g, prng.oneOf(random, ["'", '', '\\"'])), contentType: 'text/plain' }
    case 8: return { body: prng.utf16String(random, 200), contentType: 'application/x-www-form-urlencoded' }
    default: return { body: mutateText(random, json), contentType: 'application/json' }
  }
}

function mutateText(random: prng.PRNG, text: string): string {
  const chars = [...text]
  for (let index = prng.int32(random, 1, 5); index > 0 && chars.length > 0; index--) chars[prng.int32(random, 0, chars.length - 1)] = prng.char(random)
  return chars.join('')
}

describe('fuzzing', () => {
  it(`survives ${FRAMES} malformed frames and malformed HTTP bodies; others keep syncing, memory stays bounded`, async () => {
    const started = Date.now()
    const writerJoin = await join(server.origin, session.id, 'Anna')
    const writer = new SyncTestClient(server.origin, session.id, { participant: writerJoin.participantToken })
    const reader = new SyncTestClient(server.origin, session.id)
    clients.push(writer, reader)
    await Promise.all([writer.synced(), reader.synced()])
    board = boardsInOrder(readRecords(writer.doc))[0]!
    const rssBefore = rssBytes(server.pid)
    let rssPeak = rssBefore
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssBytes(server.pid))), 200)

    // The pair keeps working through all of it.
    let fuzzing = true
    const posted: string[] = []
    const writing = (async () => {
      while (fuzzing) {
        posted.push(addNote(writer.doc, { authorId: writerJoin.participantId, authorName: 'Anna' }, `während des Fuzzens ${posted.length}`, 0).id)
        await new Promise((resolve) => setTimeout(resolve, 150))
      }
    })()

    const kinds = new Map<string, number>()
    const perSocket = Math.ceil(FRAMES / SOCKETS)
    const sockets = Promise.all(Array.from({ length: SOCKETS }, (_, worker) => fuzzSocket(worker, perSocket, kinds)))

    // Malformed bodies on every writing route, at the same time.
    const random = prng.create(SEED)
    const routes: Array<{ method: string; path: string; valid: unknown; token?: string }> = [
      { method: 'POST', path: '/api/sessions', valid: { template: { title: 'T', questions: ['Q'] } } },
      { method: 'POST', path: `/api/sessions/${session.id}/participants`, valid: { name: 'Anna' } },
      { method: 'POST', path: `/api/sessions/${session.id}/moderation`, valid: { action: 'setPhase', phase: 'collect' }, token: session.moderatorToken },
      { method: 'POST', path: `/api/sessions/${session.id}/sealed-notes`, valid: { participantToken: fuzzer.participantToken, questionIndex: 0, text: 'x' } },
      { method: 'DELETE', path: `/api/sessions/${session.id}`, valid: {}, token: 'falsch' },
    ]
    const statuses = new Map<number, number>()
    const http = (async () => {
      for (const route of routes) {
        for (let index = 0; index < HTTP_BODIES_PER_ROUTE; index++) {
          const { body, contentType } = malformedBody(random, route.valid)
          const response = await fetch(server.origin + route.path, {
            method: route.method,
            headers: { 'Content-Type': contentType, ...(route.token ? { Authorization: `Bearer ${route.token}` } : {}) },
            body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
          })
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
          const answer = (await response.json()) as { error?: unknown }
          if (response.status >= 300) expect(typeof answer.error, `${route.method} ${route.path} ${response.status}`).toBe('string')
        }
      }
    })()

    const [socketResults] = await Promise.all([sockets, http])
    fuzzing = false
    await writing
    clearInterval(sampler)
    rssPeak = Math.max(rssPeak, rssBytes(server.pid))

    expect((await fetch(`${server.origin}/healthz`)).status).toBe(200)
    expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([])
    await waitFor('the reader to have every note of the writer', () => posted.every((id) => reader.hasNote(id)), 20_000)
    expect(writer.closes).toEqual([])
    expect(reader.closes).toEqual([])
    expect(rssPeak).toBeLessThan(2 * rssBefore + 100 * 1024 * 1024)
    const late = new SyncTestClient(server.origin, session.id)
    clients.push(late)
    await late.synced()
    expect(posted.every((id) => late.hasNote(id))).toBe(true)
    // What the server printed: no failure at all, so every bad frame was recognised as malformed
    // or refused (an unexpected exception would be logged as "sync message failed").
    expect(server.output).not.toMatch(/failed|error|uncaught/i)

    const connections = socketResults.reduce((sum, result) => sum + result.connections, 0)
    console.log(
      `fuzz: ${[...kinds.values()].reduce((a, b) => a + b, 0)} frames over ${connections} connections, ` +
        `${routes.length * HTTP_BODIES_PER_ROUTE} HTTP bodies (statuses ${JSON.stringify(Object.fromEntries(statuses))}), ` +
        `RSS ${Math.round(rssBefore / 1e6)} -> peak ${Math.round(rssPeak / 1e6)} MB, ${posted.length} notes synced, ` +
        `${Math.round((Date.now() - started) / 1000)} s`,
    )
  }, 240_000)
})
