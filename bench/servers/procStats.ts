import { readFileSync } from 'node:fs'

/**
 * Resource figures of a server child process, read from Linux's /proc so that the measurement
 * costs the server nothing and is the same for ours and the reference.
 */
export interface ProcSample {
  /** Monotonic time of the sample, ms. */
  atMs: number
  /** user + system CPU time consumed so far, ms. */
  cpuMs: number
  /** Resident set size, bytes. */
  rssBytes: number
  /** Peak resident set size (VmHWM), bytes. */
  peakRssBytes: number
}

/** Clock ticks per second of /proc/<pid>/stat's utime/stime; 100 on every Linux we run on. */
const CLOCK_TICKS_PER_SECOND = 100

export function sampleProc(pid: number): ProcSample {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name may contain spaces; fields are counted after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const utime = Number(fields[11])
  const stime = Number(fields[12])
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return {
    atMs: performance.now(),
    cpuMs: ((utime + stime) * 1000) / CLOCK_TICKS_PER_SECOND,
    rssBytes: kilobytesField(status, 'VmRSS') * 1024,
    peakRssBytes: kilobytesField(status, 'VmHWM') * 1024,
  }
}

function kilobytesField(status: string, name: string): number {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)
  return match ? Number(match[1]) : 0
}

/** CPU use between two samples as a share of one core (1.0 = one core busy all the time). */
export function cpuShare(from: ProcSample, to: ProcSample): number {
  const wallMs = to.atMs - from.atMs
  return wallMs > 0 ? (to.cpuMs - from.cpuMs) / wallMs : 0
}

/** Samples a process at a fixed interval until stopped; keeps the peak RSS seen. */
export class ProcSampler {
  private readonly samples: ProcSample[] = []
  private readonly timer: NodeJS.Timeout

  constructor(private readonly pid: number, intervalMs = 250) {
    this.samples.push(sampleProc(pid))
    this.timer = setInterval(() => {
      try {
        this.samples.push(sampleProc(pid))
      } catch {
        // the process ended; stop() reports what was gathered
      }
    }, intervalMs)
  }

  stop(): { first: ProcSample; last: ProcSample; maxRssBytes: number; cpuShare: number } {
    clearInterval(this.timer)
    try {
      this.samples.push(sampleProc(this.pid))
    } catch {
      // already gone
    }
    const first = this.samples[0]!
    const last = this.samples[this.samples.length - 1]!
    const maxRssBytes = Math.max(...this.samples.map((sample) => sample.rssBytes))
    return { first, last, maxRssBytes, cpuShare: cpuShare(first, last) }
  }
}

/** Busy CPU time of the whole machine so far (all cores), ms, from /proc/stat. */
export function machineBusyMs(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!
  const ticks = line.trim().split(/\s+/).slice(1).map(Number)
  const total = ticks.reduce((sum, value) => sum + value, 0)
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0)
  return ((total - idle) * 1000) / CLOCK_TICKS_PER_SECOND
}

/**
 * Who used the CPU during a measurement: the server, this benchmark (all its threads), and
 * everything else on the machine. On a shared 2-core box "others" explains noisy figures.
 */
export class CpuAccount {
  private readonly startedAt = performance.now()
  private readonly machineStart = machineBusyMs()
  private readonly benchStart = process.cpuUsage()
  private readonly serverStart: ProcSample

  constructor(private readonly serverPid: number) {
    this.serverStart = sampleProc(serverPid)
  }

  /** CPU in cores (1 = one core busy all the time) since construction. */
  stop(): { server: number; bench: number; others: number; maxServerRssBytes: number } {
    const wallMs = performance.now() - this.startedAt
    const serverEnd = sampleProc(this.serverPid)
    const bench = process.cpuUsage(this.benchStart)
    const benchMs = (bench.user + bench.system) / 1000
    const serverMs = serverEnd.cpuMs - this.serverStart.cpuMs
    const machineMs = machineBusyMs() - this.machineStart
    return {
      server: serverMs / wallMs,
      bench: benchMs / wallMs,
      others: Math.max(0, machineMs - serverMs - benchMs) / wallMs,
      maxServerRssBytes: serverEnd.rssBytes,
    }
  }
}

/**
 * Waits (at most `maxWaitMs`) until processes other than ours use less than `threshold` cores,
 * so a measurement does not start in the middle of someone else's build.
 */
export async function waitForQuiet(maxWaitMs: number, threshold = 0.3): Promise<number> {
  const deadline = performance.now() + maxWaitMs
  let others = Number.POSITIVE_INFINITY
  while (performance.now() < deadline) {
    const machineStart = machineBusyMs()
    const benchStart = process.cpuUsage()
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const bench = process.cpuUsage(benchStart)
    others = Math.max(0, machineBusyMs() - machineStart - (bench.user + bench.system) / 1000) / 1000
    if (others < threshold) break
  }
  return others
}
