import { clientBuildOfEntry, servesOtherBuild } from '../../shared/api/clientBuild.ts'
import { fetchServedClientBuild } from '../api/pinnwandApi.ts'
import { useClientUpdateStore } from '../stores/clientUpdateStore.ts'
import { useConnectionStore, type ConnectionStatus } from '../stores/connectionStore.ts'

interface StatusSnapshot {
  status: ConnectionStatus
  everOnline: boolean
}

/**
 * Whether the connection has just come back after having been online before: a server restart
 * (a deploy) or a network gap may have brought another client build. The first sync is not one,
 * so opening a page costs no extra request.
 */
export function isReconnect(state: StatusSnapshot, previous: StatusSnapshot): boolean {
  return state.status === 'online' && previous.status !== 'online' && previous.everOnline
}

/**
 * The build this page runs: the module entry of the index.html it was loaded with. Null under
 * `npm run dev`, where Vite serves sources (`/@vite/client`, `/main.tsx`), not a build.
 */
export function ownClientBuild(): string | null {
  const entry = document.querySelector<HTMLScriptElement>('script[type="module"][src]')
  const build = entry ? clientBuildOfEntry(entry.src) : null
  return build?.endsWith('.js') ? build : null
}

/**
 * After every reconnect, asks the server which client it serves; once that is another build than
 * this page's, marks the page out of date (the update notice offers a reload) and stops asking.
 * A failed request says nothing: the next reconnect asks again. Returns the unsubscribe.
 */
export function watchServedBuild(): () => void {
  const ownBuild = ownClientBuild()
  if (ownBuild === null) return () => {}
  let asking = false
  const unsubscribe = useConnectionStore.subscribe((state, previous) => {
    if (asking || !isReconnect(state, previous) || useClientUpdateStore.getState().otherBuildServed) return
    asking = true
    fetchServedClientBuild()
      .then((servedBuild) => {
        if (!servesOtherBuild(ownBuild, servedBuild)) return
        useClientUpdateStore.getState().setOtherBuildServed()
        unsubscribe()
      })
      .catch(() => {})
      .finally(() => {
        asking = false
      })
  })
  return unsubscribe
}
