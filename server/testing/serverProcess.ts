import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url))
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
}

/**
 * The real Pinnwand server as a child process (built client, SQLite in a temporary DATA_DIR),
 * restartable on the same port and data so tests can check what survives. Used by the server's
 * integration tests and by the Playwright specs.
 */
export class PinnwandServer {
  private child: ChildProcess | undefined
  readonly dataDir = mkdtempSync(join(tmpdir(), 'pinnwand-test-'))

  private constructor(
    readonly port: number,
    private readonly options: ServerProcessOptions,
  ) {}

  static async start(options: ServerProcessOptions = {}): Promise<PinnwandServer> {
    const server = new PinnwandServer(await freePort(), options)
    await server.launch()
    return server
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`
  }

  private async launch(): Promise<void> {
    this.child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        UNLOAD_GRACE_MS: '1000',
        ...this.options.env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    const child = this.child
    const deadline = Date.now() + 30_000
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`Pinnwand server exited with code ${child.exitCode} while starting`)
      try {
        if ((await fetch(`${this.origin}/healthz`)).ok) return
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error('Pinnwand server did not become healthy within 30 s')
  }

  private async exit(signal: NodeJS.Signals): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null) return
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
    rmSync(this.dataDir, { recursive: true, force: true })
  }
}
