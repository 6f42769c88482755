import type { ClientSpec } from '../load/fullClient.ts'
import { split, type LoadWorker } from '../load/workerPool.ts'
import { concat, summarize, type LatencySummary } from '../report/stats.ts'
import { CpuAccount, waitForQuiet } from '../servers/procStats.ts'
import type { BenchSession, Target } from '../servers/targets.ts'
import { sleep, type BenchContext } from './context.ts'

export interface SessionLoadOptions {
  /** Clients in the session in total, senders included. */
  clients: number
  senders: number
  /** How receivers are built: raw frame-timing sockets, or full Yjs clients (end to end). */
  receivers: 'light' | 'full'
  postIntervalMs: number
  durationMs: number
  /** Runs alongside the posting (e.g. a moderator's drag) and resolves when done. */
  alongside?: (session: BenchSession) => Promise<void>
  /** Prepares the session before anyone connects (e.g. writes notes to drag). */
  prepare?: (session: BenchSession) => Promise<void>
}

export interface SessionLoadResult {
  latency: LatencySummary
  /** Deliveries that arrived / deliveries expected (posts × receivers). */
  deliveredShare: number
  posted: number
  /** CPU while posting, in cores (1 = one core fully busy): server, load generator, other processes. */
  serverCpu: number
  benchCpu: number
  othersCpu: number
  /** Bytes the receivers read from their sockets while posting (≈ what the server sent them). */
  bytesToReceivers: number
  receivers: number
  /** Receivers whose connection was gone at the end (e.g. closed by the server as too slow). */
  disconnected: number
}

/** After the last post, wait until every receiver has every post, but at most this long. */
const MAX_DRAIN_MS = 10_000

/**
 * One session, `clients` connections: `senders` real WebsocketProviders post marked notes at a
 * fixed rate, everyone else receives. Latency = arrival at a receiver − the post's creation,
 * measured on one monotonic clock. Server CPU comes from /proc while the load runs.
 */
export async function runSessionLoad(context: BenchContext, target: Target, options: SessionLoadOptions): Promise<SessionLoadResult> {
  const session = await target.createSession()
  await options.prepare?.(session)
  const senderSpecs: ClientSpec[] = []
  for (let i = 0; i < options.senders; i++) senderSpecs.push(await target.join(session.id, `Sender ${i + 1}`))
  const receiverCount = options.clients - options.senders
  const receiverWorkers: LoadWorker[] = context.lightWorkers
  const all = [...context.lightWorkers, context.fullWorker]
  try {
    const opened = await context.fullWorker.run<'opened'>({ type: 'openFull', specs: senderSpecs, concurrency: 10, timeoutMs: 60_000, measure: false })
    if (opened.failed > 0) throw new Error(`senders: ${opened.failed} failed: ${opened.firstError}`)
    const slices = split(Array.from({ length: receiverCount }, (_, i) => i), receiverWorkers.length)
    const results = await Promise.all(
      receiverWorkers.map((worker, index) => {
        const count = slices[index]!.length
        if (options.receivers === 'light') {
          const urls = Array.from({ length: count }, () => target.receiverUrl(session.id))
          return worker.run<'opened'>({ type: 'openLight', urls, concurrency: 25, timeoutMs: 60_000, measure: true })
        }
        const specs: ClientSpec[] = Array.from({ length: count }, () => ({
          wsBase: target.wsBase,
          sessionId: session.id,
          params: {},
          author: { authorId: 'reader', authorName: 'Leser' },
        }))
        return worker.run<'opened'>({ type: 'openFull', specs, concurrency: 10, timeoutMs: 60_000, measure: true })
      }),
    )
    const failed = results.reduce((sum, result) => sum + result.failed, 0)
    if (failed > 0) throw new Error(`receivers: ${failed} of ${receiverCount} failed: ${results.find((r) => r.firstError)?.firstError}`)
    await sleep(300)
    await waitForQuiet(context.quick ? 1_000 : 10_000)
    await Promise.all(all.map((worker) => worker.run({ type: 'resetMeasure' })))

    const account = new CpuAccount(target.server.pid)
    const [posting] = await Promise.all([
      context.fullWorker.run<'posted'>(
        { type: 'post', intervalMs: options.postIntervalMs, durationMs: options.durationMs, firstSender: 0, totalSenders: options.senders },
        options.durationMs + 60_000,
      ),
      options.alongside?.(session),
    ])
    const cpu = account.stop()
    const expectedArrivals = posting.posted * receiverCount
    const drainDeadline = performance.now() + MAX_DRAIN_MS
    while (performance.now() < drainDeadline) {
      const counts = await Promise.all(receiverWorkers.map((worker) => worker.run<'counted'>({ type: 'count' })))
      if (counts.reduce((sum, count) => sum + count.arrivals, 0) >= expectedArrivals) break
      await sleep(200)
    }
    const collected = await Promise.all(receiverWorkers.map((worker) => worker.run<'collected'>({ type: 'collect' })))
    const latencies = concat(collected.map((result) => result.latencies))
    const delivered = latencies.length
    const expected = expectedArrivals
    return {
      latency: summarize(latencies),
      deliveredShare: expected > 0 ? delivered / expected : 0,
      posted: posting.posted,
      serverCpu: cpu.server,
      benchCpu: cpu.bench,
      othersCpu: cpu.others,
      bytesToReceivers: collected.reduce((sum, result) => sum + result.bytesReceived, 0),
      receivers: receiverCount,
      disconnected: collected.reduce((sum, result) => sum + result.disconnected, 0),
    }
  } finally {
    await Promise.all(all.map((worker) => worker.run({ type: 'closeAll' }).catch(() => undefined)))
  }
}
