import * as authProtocol from 'y-protocols/auth'
import { IndexeddbPersistence } from 'y-indexeddb'
import { messageAuth, WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { getRecordStore } from '../../shared/doc/documentLayout.ts'
import { CLOSE_CODES } from '../../shared/connection/closeCodes.ts'
import { refusal, refusalText } from '../../shared/permissions/refusal.ts'
import type { ConnectionStatus } from '../stores/connectionStore.ts'
import type { OnlinePerson } from '../stores/onlineStore.ts'
import type { AwarenessUser } from '../../shared/presence/awarenessUser.ts'
import { OnlinePeopleTracker } from './awarenessState.ts'
import { forgetSession, localDocumentName } from './deviceMemory.ts'
import { keepSyncAnswersAsReceived } from './syncAnswerAsReceived.ts'
import { watchSyncRequests } from './offlineChanges.ts'

export interface SessionConnectionOptions {
  sessionId: string
  /** From the join route; without it the server refuses every update. */
  participantToken?: string
  /** Moderator or viewer token from the link's fragment. */
  roleToken?: string
  /** Announced in awareness; null for the Beamer, which is not a person in the room. */
  user: AwarenessUser | null
}

export interface SessionConnectionEvents {
  onStatus: (status: ConnectionStatus) => void
  onPeople: (people: OnlinePerson[]) => void
  /**
   * The server closed with `CLOSE_CODES.updateRefused`: the refused update is in the local
   * document and would be re-sent on every reconnect, so the owner drops it and resyncs.
   */
  onRefused: (reason: string) => void
  /** The server ended the connection for good (unknown session, wrong token). */
  onClosed: (code: number, reason: string) => void
  /** A y-protocols auth message: the server denied something, the connection stays. */
  onPermissionDenied: (reason: string) => void
}

/**
 * One live session: the Yjs document, its offline copy in IndexedDB, and the websocket to the
 * server. Knows nothing about tldraw, so any view of the session can use it.
 */
export class SessionConnection {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  private readonly persistence: IndexeddbPersistence
  /** Resolves once the document holds the session's records (from this device or the server). */
  readonly whenReady: Promise<void>
  /**
   * Why the server refused an update of this connection, once it has: the owner drops the
   * connection and this device's copy, and views can save what would go with them.
   */
  refusal: string | undefined
  /**
   * This connection's answer to the server's sync request carried work done on this device while
   * offline (new or changed content the server lacked). It goes out as one message and is judged
   * as a whole: a refusal of it takes all of that work, so the owner checks what was lost.
   */
  sentOfflineChanges = false
  private persistenceSynced = false
  private closedForGood = false
  private destroyed = false
  private readonly disposers: Array<() => void> = []

  constructor(
    readonly options: SessionConnectionOptions,
    private readonly events: SessionConnectionEvents,
  ) {
    this.persistence = new IndexeddbPersistence(localDocumentName(options.sessionId), this.doc)
    const params: Record<string, string> = {}
    if (options.participantToken) params.participant = options.participantToken
    if (options.roleToken) params.token = options.roleToken
    this.provider = new WebsocketProvider(
      window.location.origin.replace(/^http/, 'ws') + '/yjs',
      options.sessionId,
      this.doc,
      // Cross-tab broadcast would carry an update the server refused into other tabs' documents.
      { params, disableBc: true },
    )
    // The server's answer goes into the device copy as received, not encoded again.
    keepSyncAnswersAsReceived(this.provider, (update) => this.persistence._storeUpdate(update, null))
    watchSyncRequests(this.provider, (carriesOfflineChanges) => {
      if (carriesOfflineChanges) this.sentOfflineChanges = true
    })
    this.provider.messageHandlers[messageAuth] = (_encoder, decoder) => {
      authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) => this.events.onPermissionDenied(reason))
    }
    if (options.user) this.provider.awareness.setLocalStateField('user', options.user)
    // When a socket closes, the server drops its awareness state but keeps its clock, and a state
    // sent again with that same clock is ignored (by the server and every peer). After a reconnect
    // this person was missing from everyone's online list until awareness renewed itself, up to
    // 15 s later. A fresh clock on every connect makes the state count again at once.
    this.onProvider('status', ({ status }) => {
      const state = this.provider.awareness.getLocalState()
      if (status === 'connected' && state !== null) this.provider.awareness.setLocalState(state)
    })

    this.whenReady = new Promise<void>((resolve) => {
      const check = () => {
        const hasRecords = getRecordStore(this.doc).size > 0
        if (hasRecords && (this.provider.synced || this.persistenceSynced)) resolve()
      }
      this.persistence.whenSynced.then(() => {
        this.persistenceSynced = true
        check()
      })
      this.onProvider('sync', check)
    })

    // Each connection answers anew; a refusal later on concerns that connection's own changes.
    this.onProvider('status', ({ status }) => {
      if (status === 'connecting') this.sentOfflineChanges = false
    })
    const updateStatus = () => this.events.onStatus(this.status())
    this.onProvider('status', updateStatus)
    this.onProvider('sync', updateStatus)
    this.onProvider('connection-close', (event) => {
      if (event?.code === CLOSE_CODES.updateRefused) this.refuse(event.reason)
      // The message with the local change was cut off by the server's size limit: re-sent on
      // every reconnect it would be cut off again, forever. Dropped like a refused update.
      else if (event?.code === CLOSE_CODES.messageTooBig) this.refuse(refusalText(refusal('messageTooBig')))
    })
    this.onProvider('closed', ({ code, reason }) => {
      this.closedForGood = true
      // A deleted session leaves nothing on this device: the document copy, name and token go.
      if (code === CLOSE_CODES.unknownSession) void this.persistence.destroy().then(() => forgetSession(options.sessionId))
      this.events.onClosed(code, reason)
      updateStatus()
    })
    // When the device loses its network, a socket can linger for minutes before it notices:
    // drop it at once (the indicator says offline, edits stay local) and redial on return.
    const goOffline = () => {
      this.provider.disconnect()
      updateStatus()
    }
    const goOnline = () => {
      if (!this.closedForGood) this.provider.connect()
      updateStatus()
    }
    window.addEventListener('online', goOnline)
    window.addEventListener('offline', goOffline)
    this.disposers.push(() => {
      window.removeEventListener('online', goOnline)
      window.removeEventListener('offline', goOffline)
    })

    // Cursor moves change awareness every frame; the online list only changes when people do.
    const people = new OnlinePeopleTracker()
    const updatePeople = (changed?: { added: number[]; updated: number[]; removed: number[] }) => {
      const next = people.update(this.provider.awareness.getStates(), this.provider.awareness.clientID, changed)
      if (next) this.events.onPeople(next)
    }
    this.provider.awareness.on('change', updatePeople)
    this.disposers.push(() => this.provider.awareness.off('change', updatePeople))
    updatePeople()
    updateStatus()
  }

  /** Resolves once the document holds the server's state (its sync answer arrived). */
  whenSyncedWithServer(): Promise<void> {
    return new Promise((resolve) => {
      if (this.provider.synced) return resolve()
      const onSync = (synced: boolean) => {
        if (!synced) return
        this.provider.off('sync', onSync)
        resolve()
      }
      this.onProvider('sync', onSync)
    })
  }

  /** "online" only when connected and synced; offline when the browser or the server says so. */
  status(): ConnectionStatus {
    if (this.closedForGood) return 'offline'
    if (this.provider.wsconnected && this.provider.synced) return 'online'
    if (!navigator.onLine) return 'offline'
    return 'reconnecting'
  }

  /**
   * Ends the connection. `clearLocal` also deletes this device's copy, which is what a refused
   * update requires; otherwise the copy stays for the next visit and for offline work.
   */
  async destroy({ clearLocal = false }: { clearLocal?: boolean } = {}): Promise<void> {
    if (this.destroyed) return
    this.destroyed = true
    for (const dispose of this.disposers.splice(0)) dispose()
    this.provider.destroy()
    if (clearLocal) await this.persistence.clearData()
    else await this.persistence.destroy()
    this.doc.destroy()
  }

  private refuse(reason: string): void {
    this.refusal = reason
    this.events.onRefused(reason)
  }

  /** Subscribes to a provider event until {@link destroy}. */
  private readonly onProvider: WebsocketProvider['on'] = (name, listener) => {
    this.provider.on(name, listener)
    this.disposers.push(() => this.provider.off(name, listener))
    return listener
  }
}
