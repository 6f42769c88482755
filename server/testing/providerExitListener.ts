/**
 * Room on `process` for the 'exit' listener of one y-websocket `WebsocketProvider` in Node.
 *
 * y-websocket 3.1 (node_modules/y-websocket/src/y-websocket.js, constructor) adds one
 * `process.on('exit', this._exitHandler)` per provider, to drop its awareness state when the
 * process ends, and removes it again in `destroy()`. Test files and the bench's load threads
 * hold many providers at once on purpose (20 writers in the crash test, hundreds of full clients
 * in a load run), so these listeners are legitimately many, and each one lives exactly as long
 * as its provider. Past 10 at once Node warns of a leak (`MaxListenersExceededWarning: 11 exit
 * listeners added to [process]`), which is none.
 *
 * Instead of lifting the limit as a whole, the limit grows by one per live provider and shrinks
 * again when the provider is destroyed: the default margin for every other listener stays, so a
 * real leak (a listener added and never removed) is still reported, and so is a provider that
 * is never destroyed once others push the count past its margin.
 *
 * Call before constructing the provider (Node checks the limit as the listener is added) and
 * call the returned release after `provider.destroy()`; releasing twice does nothing.
 */
export function reserveProviderExitListener(): () => void {
  // 0 means unlimited: nothing to reserve (and adding 1 would turn it into a limit of 1).
  if (process.getMaxListeners() === 0) return () => undefined
  process.setMaxListeners(process.getMaxListeners() + 1)
  let released = false
  return () => {
    if (released) return
    released = true
    const current = process.getMaxListeners()
    if (current > 0) process.setMaxListeners(Math.max(1, current - 1))
  }
}
