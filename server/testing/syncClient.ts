import { WebSocket } from 'ws'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as authProtocol from 'y-protocols/auth'
import { WebsocketProvider } from 'y-websocket'
import { readRecords } from '../../shared/doc/documentLayout.ts'
import { isNote } from '../../shared/workshop/workshopRecords.ts'
import { reserveProviderExitListener } from './providerExitListener.ts'

/** Polls `check` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

export interface CloseRecord {
  code: number
  reason: string
}

/**
 * A stock y-websocket client in Node, as the issue asks: `WebsocketProvider` with `ws` as its
 * WebSocket and BroadcastChannel disabled (so two clients in one process sync only through the
 * server). Records close events and permission-denied messages for assertions.
 */
export class SyncTestClient {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  readonly closes: CloseRecord[] = []
  readonly denied: string[] = []
  /** Gives back the room this client's provider takes among the process's 'exit' listeners. */
  private readonly releaseExitListener = reserveProviderExitListener()

  constructor(
    origin: string,
    sessionId: string,
    params: { token?: string; participant?: string } = {},
    /** Extra headers of the websocket upgrade (e.g. X-Forwarded-For, Origin). */
    headers?: Record<string, string>,
  ) {
    const definedParams = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined)) as Record<string, string>
    const Socket = headers
      ? class extends WebSocket {
          constructor(url: string, protocols?: string | string[]) {
            super(url, protocols, { headers })
          }
        }
      : WebSocket
    this.provider = new WebsocketProvider(origin.replace(/^http/, 'ws') + '/yjs', sessionId, this.doc, {
      WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
      params: definedParams,
      disableBc: true,
      maxBackoffTime: 500,
    })
    this.provider.on('connection-close', (event) => {
      if (event) this.closes.push({ code: event.code, reason: event.reason })
    })
    this.provider.messageHandlers[2] = (_encoder, decoder: decoding.Decoder) => {
      authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) => this.denied.push(reason))
    }
  }

  async synced(timeoutMs = 10_000): Promise<void> {
    await waitFor('sync with the server', () => this.provider.synced, timeoutMs)
  }

  async closedWith(code: number, timeoutMs = 10_000): Promise<CloseRecord> {
    return waitFor(`close ${code}`, () => this.closes.find((close) => close.code === code), timeoutMs)
  }

  noteTexts(): string[] {
    return readRecords(this.doc)
      .filter(isNote)
      .map((note) => JSON.stringify(note.props.richText))
  }

  hasNote(id: string): boolean {
    return readRecords(this.doc).some((record) => record.id === id)
  }

  destroy(): void {
    this.provider.destroy()
    this.doc.destroy()
    this.releaseExitListener()
  }
}
