import { logError, logInfo } from '../logging/log.ts'

/**
 * SIGTERM / SIGINT stop the server gracefully (sockets closed, updates flushed, database
 * closed); a second signal, or a stop that hangs, exits at once.
 */
export function installShutdown(stop: () => Promise<void>, timeoutMs = 10_000): void {
  let stopping = false
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1)
    stopping = true
    logInfo(`Pinnwand: ${signal} received, shutting down`)
    setTimeout(() => {
      logError('Pinnwand: shutdown timed out')
      process.exit(1)
    }, timeoutMs).unref()
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logError('Pinnwand: shutdown failed', error)
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
}
