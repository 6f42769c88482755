import { Worker } from 'node:worker_threads'
import type { WorkerJob, WorkerJobResult } from './workerProtocol.ts'

type ResultOf<T extends WorkerJobResult['type']> = Extract<WorkerJobResult, { type: T }>

/** A load worker thread with a promise per job. */
export class LoadWorker {
  private readonly worker: Worker
  private nextId = 0
  private readonly pending = new Map<number, { resolve: (result: WorkerJobResult) => void; reject: (error: Error) => void }>()

  constructor(readonly name: string) {
    // Workers inherit `--import tsx` from the main thread's execArgv.
    this.worker = new Worker(new URL('./loadWorkerEntry.mjs', import.meta.url), { name })
    this.worker.on('message', (message: { id: number; result?: WorkerJobResult; error?: string }) => {
      const waiting = this.pending.get(message.id)
      if (!waiting) return
      this.pending.delete(message.id)
      if (message.error !== undefined) waiting.reject(new Error(`${name}: ${message.error}`))
      else waiting.resolve(message.result!)
    })
    this.worker.on('error', (error) => this.fail(error))
    this.worker.on('exit', (code) => this.fail(new Error(`${name}: worker exited with code ${code}`)))
  }

  private dead: Error | undefined

  private fail(error: Error): void {
    this.dead ??= error
    for (const waiting of this.pending.values()) waiting.reject(error)
    this.pending.clear()
  }

  run<T extends WorkerJobResult['type']>(job: WorkerJob, timeoutMs = 300_000): Promise<ResultOf<T>> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      if (this.dead) {
        reject(this.dead)
        return
      }
      const timer = setTimeout(() => {
        this.pending.delete(id)
        reject(new Error(`${this.name}: job ${job.type} timed out after ${timeoutMs} ms`))
      }, timeoutMs)
      this.pending.set(id, {
        resolve: (result) => {
          clearTimeout(timer)
          resolve(result as ResultOf<T>)
        },
        reject: (error) => {
          clearTimeout(timer)
          reject(error)
        },
      })
      this.worker.postMessage({ id, job })
    })
  }

  async terminate(): Promise<void> {
    await this.worker.terminate()
  }
}

/** Splits `items` into `parts` nearly equal consecutive slices. */
export function split<T>(items: readonly T[], parts: number): T[][] {
  const out: T[][] = Array.from({ length: parts }, () => [])
  items.forEach((item, index) => out[index % parts]!.push(item))
  return out
}
