import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../../server/testing/serverProcess.ts'

const START_TIMEOUT_MS = 90_000
/**
 * Pause between health checks while a server starts. The start figure (and the cold load, whose
 * first client connects once the server is healthy) is late by up to this much; a refused
 * connection costs the polling bench well under a millisecond, on the other core.
 */
const HEALTH_POLL_MS = 5

export interface ServerLaunch {
  /** Arguments to `node`, e.g. a built bundle, or `--import tsx` and a TypeScript script. */
  nodeArgs: string[]
  env?: Record<string, string>
  /** Give the child a temporary DATA_DIR (removed on stop). */
  withDataDir?: boolean
}

/**
 * A server under test as a child process on loopback: started, health-checked, restartable on the
 * same port and data directory, stopped. The child is `node` itself (no npm or tsx wrapper
 * process), so its pid is the one whose /proc figures we read.
 */
/** Every child still running, so an interrupted bench can end them (see {@link stopAllServers}). */
const running = new Set<ChildProcess>()

/** Ends every server child this process started; used on SIGINT/SIGTERM and exit. */
export function stopAllServers(): void {
  for (const child of running) child.kill('SIGKILL')
  running.clear()
}

export class ServerProcess {
  private child: ChildProcess | undefined
  private output = ''
  readonly dataDir: string | undefined
  /** ms from spawn until /healthz answered, for the last launch. */
  lastStartMs = 0

  private constructor(readonly name: string, readonly port: number, private readonly launchSpec: ServerLaunch) {
    this.dataDir = launchSpec.withDataDir ? mkdtempSync(join(tmpdir(), `pinnwand-bench-${name}-`)) : undefined
  }

  static async start(name: string, launch: ServerLaunch): Promise<ServerProcess> {
    const server = new ServerProcess(name, await freePort(), launch)
    await server.launch()
    return server
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`
  }

  get wsOrigin(): string {
    return `ws://127.0.0.1:${this.port}`
  }

  get pid(): number {
    const pid = this.child?.pid
    if (pid === undefined) throw new Error(`${this.name} server is not running`)
    return pid
  }

  /** The last lines the server printed, for error messages. */
  get recentOutput(): string {
    return this.output.slice(-2000)
  }

  async launch(): Promise<void> {
    const startedAt = performance.now()
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      PORT: String(this.port),
      HOST: '127.0.0.1',
      ...(this.dataDir ? { DATA_DIR: this.dataDir } : {}),
      ...this.launchSpec.env,
    }
    const child = spawn(process.execPath, this.launchSpec.nodeArgs, {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.child = child
    running.add(child)
    child.once('exit', () => running.delete(child))
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000)
    }
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    // Generous: on a loaded 2-core machine tsx alone may take many seconds to compile the server.
    const deadline = Date.now() + START_TIMEOUT_MS
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${this.name} server exited during start:\n${this.recentOutput}`)
      if (await this.healthy()) {
        this.lastStartMs = performance.now() - startedAt
        return
      }
      await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS))
    }
    child.kill('SIGKILL')
    throw new Error(`${this.name} server did not become healthy within ${START_TIMEOUT_MS / 1000} s:\n${this.recentOutput}`)
  }

  async healthy(): Promise<boolean> {
    try {
      return (await fetch(`${this.origin}/healthz`)).ok
    } catch {
      return false
    }
  }

  /** Stops the process (SIGTERM, SIGKILL after 10 s) but keeps the data directory. */
  async exit(): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
      child.once('exit', () => {
        clearTimeout(force)
        resolve()
      })
      child.kill('SIGTERM')
    })
  }

  async restart(): Promise<void> {
    await this.exit()
    await this.launch()
  }

  async stop(): Promise<void> {
    await this.exit()
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true })
  }
}
