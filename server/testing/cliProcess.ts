import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))
// By path, so a CLI also runs from another working directory (where docx lands by default).
const TSX_LOADER = new URL('node_modules/tsx/dist/loader.mjs', new URL('../../', import.meta.url)).href

export interface CliResult {
  code: number
  stdout: Buffer
  stderr: string
}

/**
 * Runs one of server/cli's scripts as a child process, the way `npm run <script>` does for an
 * organiser or operator: through tsx, with this process's environment plus `env`, in `cwd`.
 */
export function runCli(script: 'backup' | 'restore' | 'export', args: string[], env: Record<string, string> = {}, cwd = REPO_ROOT): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', TSX_LOADER, fileURLToPath(new URL(`../cli/${script}.ts`, import.meta.url)), ...args],
      { cwd, env: { ...process.env, ...env }, encoding: 'buffer', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        resolve({ code, stdout, stderr: stderr.toString('utf8') })
      },
    )
  })
}
