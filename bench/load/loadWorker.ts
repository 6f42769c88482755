import { parentPort } from 'node:worker_threads'
import { getRecordStore } from '../../shared/doc/documentLayout.ts'
import type { NoteShape } from '../../shared/workshop/workshopRecords.ts'
import { FullClient, NotePoster, type ClientSpec } from './fullClient.ts'
import { awarenessFrame, LightReceiver } from './lightReceiver.ts'
import type { WorkerJob, WorkerJobResult } from './workerProtocol.ts'

/**
 * One load-generating thread. It holds a group of light receivers and/or full clients between
 * jobs; the main thread orchestrates several of these so that, on 2 cores, the clients share the
 * core the server does not use and no single event loop becomes the bottleneck.
 */
if (!parentPort) throw new Error('loadWorker must run as a worker thread')
const port = parentPort

const receivers: LightReceiver[] = []
const fullClients: FullClient[] = []
const posters: NotePoster[] = []
const heartbeatTimers: NodeJS.Timeout[] = []
let latencies = new Float64Array(1 << 16)
let latencyCount = 0
let deliveries = new Map<string, number>()
let fullBytesBaseline = 0

const sink = {
  arrival(key: string, latencyMs: number) {
    if (latencyCount === latencies.length) {
      const grown = new Float64Array(latencies.length * 2)
      grown.set(latencies)
      latencies = grown
    }
    latencies[latencyCount++] = latencyMs
    deliveries.set(key, (deliveries.get(key) ?? 0) + 1)
  },
}

async function runLimited<T>(items: readonly T[], concurrency: number, task: (item: T, index: number) => Promise<void>): Promise<unknown[]> {
  const errors: unknown[] = []
  let next = 0
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++
      try {
        await task(items[index]!, index)
      } catch (error) {
        errors.push(error)
      }
    }
  })
  await Promise.all(lanes)
  return errors
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function handle(job: WorkerJob): Promise<WorkerJobResult> {
  switch (job.type) {
    case 'openLight': {
      const opened: LightReceiver[] = []
      const errors = await runLimited(job.urls, job.concurrency, async (url) => {
        const receiver = new LightReceiver(url, job.measure ? sink : undefined)
        await receiver.open(job.timeoutMs)
        opened.push(receiver)
      })
      receivers.push(...opened)
      if (job.awarenessIntervalMs) {
        const interval = job.awarenessIntervalMs
        for (const receiver of opened) {
          const clientId = Math.floor(Math.random() * 2 ** 31)
          let clock = 0
          // About the size of a participant's state, but no `user`: these connections never
          // joined, and ours shares a `user` only from the participant it names (awarenessClaim).
          const state = { heartbeat: { name: `Teilnehmer ${clientId % 1000}`, color: '#4ba1f1' } }
          receiver.send(awarenessFrame(clientId, clock++, state))
          // A random phase spreads the heartbeats evenly, as independent browsers would.
          const first = setTimeout(() => {
            receiver.send(awarenessFrame(clientId, clock++, state))
            heartbeatTimers.push(setInterval(() => receiver.send(awarenessFrame(clientId, clock++, state)), interval))
          }, Math.random() * interval)
          heartbeatTimers.push(first)
        }
      }
      return { type: 'opened', opened: opened.length, failed: errors.length, firstError: errors[0] ? String(errors[0]) : undefined }
    }
    case 'openFull': {
      const opened: FullClient[] = []
      const errors = await runLimited(job.specs, job.concurrency, async (spec: ClientSpec) => {
        const client = new FullClient(spec)
        try {
          await client.whenSynced(job.timeoutMs)
        } catch (error) {
          client.destroy()
          throw error
        }
        if (job.measure) client.observeMarkedPosts((key, latency) => sink.arrival(key, latency))
        opened.push(client)
      })
      fullClients.push(...opened)
      return { type: 'opened', opened: opened.length, failed: errors.length, firstError: errors[0] ? String(errors[0]) : undefined }
    }
    case 'resetMeasure': {
      latencyCount = 0
      deliveries = new Map()
      for (const receiver of receivers) receiver.resetBytes()
      fullBytesBaseline = fullClients.reduce((sum, client) => sum + client.bytesRead, 0)
      return { type: 'done' }
    }
    case 'count':
      return { type: 'counted', arrivals: latencyCount }
    case 'collect': {
      const bytes =
        receivers.reduce((sum, receiver) => sum + receiver.bytesReceived, 0) +
        fullClients.reduce((sum, client) => sum + client.bytesRead, 0) -
        fullBytesBaseline
      const out = latencies.slice(0, latencyCount)
      return {
        type: 'collected',
        latencies: out,
        deliveries: Object.fromEntries(deliveries),
        bytesReceived: bytes,
        disconnected:
          receivers.filter((receiver) => !receiver.isOpen).length + fullClients.filter((client) => !client.provider.wsconnected).length,
      }
    }
    case 'post': {
      // Each full client of this worker posts a marked note every intervalMs, phase-shifted.
      posters.length = 0
      fullClients.forEach((client, index) => {
        const boards = client.boards()
        const board = boards[(job.firstSender + index) % boards.length]
        if (!board) throw new Error('the session has no boards (not seeded?)')
        posters.push(new NotePoster(client, job.firstSender + index, board))
      })
      const start = performance.now() + 20
      const end = start + job.durationMs
      await Promise.all(
        posters.map(async (poster, index) => {
          let due = start + ((job.firstSender + index) * job.intervalMs) / job.totalSenders
          while (due < end) {
            const wait = due - performance.now()
            if (wait > 0) await sleep(wait)
            poster.post()
            due += job.intervalMs
          }
        }),
      )
      return { type: 'posted', posted: posters.reduce((sum, poster) => sum + poster.posted, 0) }
    }
    case 'drag': {
      // The moderator drags `noteIds` together: one transaction per frame, as tldraw writes a drag.
      const client = new FullClient(job.moderator)
      try {
        await client.whenSynced(60_000)
        const store = getRecordStore(client.doc)
        const originals = job.noteIds.map((id) => store.get(id)).filter((record) => record !== undefined) as NoteShape[]
        if (originals.length !== job.noteIds.length) throw new Error(`drag: only ${originals.length} of ${job.noteIds.length} notes found`)
        const frameMs = 1000 / job.hz
        const start = performance.now()
        const end = start + job.durationMs
        let frames = 0
        for (let due = start; due < end; due += frameMs) {
          const wait = due - performance.now()
          if (wait > 0) await sleep(wait)
          frames++
          const dx = Math.round(200 * Math.sin(frames / 30))
          const dy = Math.round(100 * Math.cos(frames / 30))
          client.write(originals.map((note) => ({ ...note, x: note.x + dx, y: note.y + dy })))
        }
        await sleep(200)
        return { type: 'dragged', frames }
      } finally {
        client.destroy()
      }
    }
    case 'closeAll': {
      for (const timer of heartbeatTimers) clearTimeout(timer)
      heartbeatTimers.length = 0
      for (const receiver of receivers) receiver.close()
      receivers.length = 0
      for (const client of fullClients) client.destroy()
      fullClients.length = 0
      posters.length = 0
      latencyCount = 0
      deliveries = new Map()
      await sleep(50)
      return { type: 'done' }
    }
  }
}

port.on('message', (message: { id: number; job: WorkerJob }) => {
  handle(message.job).then(
    (result) => {
      const transfer = result.type === 'collected' ? [result.latencies.buffer as ArrayBuffer] : []
      port.postMessage({ id: message.id, result }, transfer)
    },
    (error: unknown) => port.postMessage({ id: message.id, error: error instanceof Error ? error.stack ?? error.message : String(error) }),
  )
})
