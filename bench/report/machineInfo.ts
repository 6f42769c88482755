import { execFileSync } from 'node:child_process'
import { cpus, totalmem, release } from 'node:os'

export interface MachineInfo {
  cpuModel: string
  cores: number
  memoryBytes: number
  kernel: string
  node: string
  gitCommit: string | null
  gitDirty: boolean | null
}

export function machineInfo(): MachineInfo {
  const git = (args: string[]) => {
    try {
      return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    } catch {
      return null
    }
  }
  const status = git(['status', '--porcelain'])
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryBytes: totalmem(),
    kernel: release(),
    node: process.version,
    gitCommit: git(['rev-parse', 'HEAD']),
    gitDirty: status === null ? null : status.length > 0,
  }
}
