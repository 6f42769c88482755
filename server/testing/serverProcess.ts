import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const SOURCE_MAIN = fileURLToPath(new URL('../main.ts', import.meta.url))
/** What `npm run build` writes (see server/bundle.ts) and `npm start` runs. */
const BUILT_MAIN = fileURLToPath(new URL('../../dist/server/main.mjs', import.meta.url))
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** A free TCP port on loopback, as the OS hands it out. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export interface ServerProcessOptions {
  /** Extra environment for the server (e.g. COMPACT_AFTER_UPDATES). */
  env?: Record<string, string>
  /** Keep what the server prints (stdout and stderr) in {@link PinnwandServer.output} instead of showing it. */
  captureOutput?: boolean
  /** Use this DATA_DIR instead of a fresh temporary one (it is not removed by stop()). */
  dataDir?: string
  /**
   * Which server to run: the TypeScript sources through tsx (default: integration tests run
   * before any build) or the production bundle of `npm run build` (e2e: what users run).
   */
  entry?: 'source' | 'built'
}

/**
 * The real Pinnwand server as a child process (built client, SQLite in a temporary DATA_DIR),
 * restartable on the same port and data so tests can check what survives. Used by the server's
 * integration tests and by the Playwright specs.
 */
export class PinnwandServer {
  private child: ChildProcess | undefined
  readonly dataDir: string
  private readonly ownsDataDir: boolean
  private captured = ''
  /** Environment given to {@link relaunch}, on top of `options.env` from then on. */
  private relaunchEnv: Record<string, string> = {}

  private constructor(
    readonly port: number,
    private readonly options: ServerProcessOptions,
  ) {
    this.ownsDataDir = options.dataDir === undefined
    this.dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pinnwand-test-'))
  }

  /** Everything the server printed so far (with `captureOutput`). */
  get output(): string {
    return this.captured
  }

  /** The server process's id (for /proc and signals). */
  get pid(): number {
    const pid = this.child?.pid
    if (pid === undefined || !isRunning(this.child)) throw new Error('the Pinnwand server is not running')
    return pid
  }

  static async start(options: ServerProcessOptions = {}): Promise<PinnwandServer> {
    const server = new PinnwandServer(await freePort(), options)
    await server.launch()
    return server
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`
  }

  private async launch(): Promise<void> {
    const command = this.options.entry === 'built' ? [BUILT_MAIN] : ['--import', 'tsx', SOURCE_MAIN]
    this.child = spawn(process.execPath, command, {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        UNLOAD_GRACE_MS: '1000',
        ...this.options.env,
        ...this.relaunchEnv,
      },
      stdio: ['ignore', this.options.captureOutput ? 'pipe' : 'inherit', this.options.captureOutput ? 'pipe' : 'inherit'],
    })
    const child = this.child
    const keep = (chunk: Buffer) => (this.captured += chunk.toString())
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    const deadline = Date.now() + 30_000
    while (Date.now() < deadline) {
      if (!isRunning(child)) throw new Error(`Pinnwand server exited (${child.exitCode ?? child.signalCode}) while starting`)
      try {
        if ((await fetch(`${this.origin}/healthz`)).ok) return
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error('Pinnwand server did not become healthy within 30 s')
  }

  /** Stops the process (SIGKILL = crash) without starting it again; {@link relaunch} continues. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await this.exit(signal)
  }

  /**
   * Starts a stopped server again on the same port and data; `env` changes its environment from
   * now on (a deploy: another CLIENT_DIR).
   */
  async relaunch(env: Record<string, string> = {}): Promise<void> {
    this.relaunchEnv = { ...this.relaunchEnv, ...env }
    await this.launch()
  }

  private async exit(signal: NodeJS.Signals): Promise<void> {
    const child = this.child
    if (!child || !isRunning(child)) return
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve())
      child.kill(signal)
    })
  }

  /** Stops the server (SIGTERM = graceful, SIGKILL = crash) and starts it again on the same port and data. */
  async restart(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await this.exit(signal)
    await this.launch()
  }

  async stop(): Promise<void> {
    await this.exit('SIGTERM')
    if (this.ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true })
  }
}

/** A child killed by a signal keeps exitCode null; only both being null means it still runs. */
function isRunning(child: ChildProcess | undefined): boolean {
  return child !== undefined && child.exitCode === null && child.signalCode === null
}
