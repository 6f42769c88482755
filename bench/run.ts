import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, setPriority } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bundleServer } from '../server/bundle.ts'
import { LoadWorker } from './load/workerPool.ts'
import { machineInfo } from './report/machineInfo.ts'
import type { ResultRow } from './report/rows.ts'
import { ratio } from './report/rows.ts'
import { renderTable } from './report/table.ts'
import { stopAllServers } from './servers/serverProcess.ts'
import type { TargetKind } from './servers/targets.ts'
import type { BenchContext, Workload } from './workloads/context.ts'
import { browserCanvas } from './workloads/browser.ts'
import { capacity } from './workloads/capacity.ts'
import { coldLoadAndExport } from './workloads/coldLoadAndExport.ts'
import { documentGrowth } from './workloads/documentGrowth.ts'
import { dragStorm } from './workloads/dragStorm.ts'
import { fanOut } from './workloads/fanOut.ts'
import { gateCost } from './workloads/gateCost.ts'

/**
 * `npm run bench [-- --quick] [--only=fanout,capacity] [--targets=ours,reference] [--renice]`
 * Runs every workload against our server and the stock y-websocket server, prints one table and
 * writes bench/results/latest.json.
 */
const WORKLOADS: Record<string, Workload> = {
  fanout: fanOut,
  gate: gateCost,
  capacity,
  drag: dragStorm,
  growth: documentGrowth,
  cold: coldLoadAndExport,
  browser: browserCanvas,
}

/** `--renice`: scheduling priority of the whole bench (root only), ahead of other work on a shared box. */
const RENICE_PRIORITY = -10

/**
 * Linux nice values are per thread, inherited by threads and processes created later. Set
 * before the workers, servers and Chromium start, so all of the bench runs at it, and on every
 * thread that exists already: V8's garbage-collection and compiler helpers were left at 0 while
 * the servers started later ran at the new priority, so on 2 cores a server decoding a document
 * slowed the bench's own client (a cold load's first sync took 320 ms instead of 180).
 */
function reniceWholeProcess(priority: number): void {
  let threads: string[] = []
  try {
    threads = readdirSync('/proc/self/task')
  } catch {
    // not Linux: the process's priority is all there is
  }
  setPriority(priority)
  for (const thread of threads) setPriority(Number(thread), priority)
}

function parseArgs(argv: string[]) {
  const quick = argv.includes('--quick')
  const renice = argv.includes('--renice')
  const value = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1]
  const explicit = value('only')?.split(',').filter(Boolean) ?? []
  const only = explicit.length > 0 ? explicit : Object.keys(WORKLOADS)
  for (const name of only) if (!WORKLOADS[name]) throw new Error(`unknown workload "${name}"; known: ${Object.keys(WORKLOADS).join(', ')}`)
  const targets = (value('targets')?.split(',') ?? ['ours', 'reference']) as TargetKind[]
  return { quick, only, explicit, targets, renice }
}

async function main(): Promise<void> {
  process.once('exit', stopAllServers)
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      stopAllServers()
      process.exit(130)
    })
  const args = parseArgs(process.argv.slice(2))
  const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..')
  process.chdir(repoRoot)
  if (args.renice) reniceWholeProcess(RENICE_PRIORITY)
  if (args.targets.includes('ours')) {
    // Always from the current sources: a stale bundle would measure old code.
    console.error('[bench] bundling the server (server/bundle.ts)')
    await bundleServer()
  }
  const startedAt = new Date()
  const loadAverageStart = loadavg()
  const lightWorkers = [new LoadWorker('light-1'), new LoadWorker('light-2')]
  const fullWorker = new LoadWorker('full')
  const context: BenchContext = {
    quick: args.quick,
    explicit: args.explicit,
    lightWorkers,
    fullWorker,
    targets: args.targets,
    log: (message) => console.error(`[bench ${((performance.now() / 1000) | 0).toString().padStart(4)} s] ${message}`),
  }
  const rows: ResultRow[] = []
  const failures: { workload: string; error: string }[] = []
  try {
    for (const name of args.only) {
      try {
        rows.push(...(await WORKLOADS[name]!(context)))
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        context.log(`${name} failed: ${message}`)
        failures.push({ workload: name, error: message })
        rows.push({ workload: name, metric: 'failed', unit: '', ours: null, reference: null, note: message.split('\n')[0] })
      }
    }
  } finally {
    await Promise.all([...lightWorkers, fullWorker].map((worker) => worker.terminate()))
  }
  const loadAverageEnd = loadavg()
  console.log(renderTable(rows))
  console.log(`\nLoad average (1/5/15 min) at start ${loadAverageStart.map((v) => v.toFixed(1)).join('/')}, at end ${loadAverageEnd.map((v) => v.toFixed(1)).join('/')} on ${cpus().length} cores.`)
  const results = {
    startedAt: startedAt.toISOString(),
    durationS: Math.round((Date.now() - startedAt.getTime()) / 1000),
    mode: args.quick ? 'quick' : 'full',
    reniced: args.renice ? RENICE_PRIORITY : null,
    targets: args.targets,
    machine: machineInfo(),
    loadAverageStart,
    loadAverageEnd,
    rows: rows.map((row) => ({ ...row, ratio: ratio(row) })),
    failures,
  }
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`)
  console.error('wrote bench/results/latest.json')
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
