import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import { nowNs, scanFrame } from './postMarker.ts'

/**
 * A light receiver: a raw `ws` socket that completes the y-websocket handshake once, exactly as a
 * fresh WebsocketProvider with an empty document would, and from then on only timestamps arriving
 * frames and scans them for post markers. It never decodes Yjs, so hundreds of them in one thread
 * measure the server's fan-out, not the clients.
 */
const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2

/** The frames a fresh, empty WebsocketProvider sends: its state vector and its (empty) state. */
const emptyDoc = new Y.Doc()
const SYNC_STEP_1_FRAME = frameOf((encoder) => syncProtocol.writeSyncStep1(encoder, emptyDoc))
const SYNC_STEP_2_FRAME = frameOf((encoder) => syncProtocol.writeSyncStep2(encoder, emptyDoc))

function frameOf(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** An awareness update for one client, encoded as y-protocols does, without an Awareness instance. */
export function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, 1)
  encoding.writeVarUint(inner, clientId)
  encoding.writeVarUint(inner, clock)
  encoding.writeVarString(inner, JSON.stringify(state))
  const outer = encoding.createEncoder()
  encoding.writeVarUint(outer, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner))
  return encoding.toUint8Array(outer)
}

export interface ArrivalSink {
  /** A post marker arrived in an update frame: its latency in ms. */
  arrival(key: string, latencyMs: number): void
}

export class LightReceiver {
  private socket: WebSocket | undefined
  synced = false
  closedUnexpectedly = false
  framesReceived = 0
  /** Socket bytes read at the last reset (frame headers included). */
  private bytesBaseline = 0

  constructor(private readonly url: string, private readonly sink: ArrivalSink | undefined) {}

  /** Connects and resolves when the server's full state (sync step 2) has arrived. */
  open(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.url, { perMessageDeflate: false })
      this.socket = socket
      const timer = setTimeout(() => {
        reject(new Error(`no sync within ${timeoutMs} ms: ${this.url}`))
        socket.terminate()
      }, timeoutMs)
      socket.on('open', () => socket.send(SYNC_STEP_1_FRAME))
      socket.on('message', (data: Buffer) => {
        this.framesReceived++
        if (data[0] !== MESSAGE_SYNC) return
        if (data[1] === SYNC_UPDATE) {
          if (this.sink && this.synced) {
            const arrivedNs = nowNs()
            scanFrame(data, (key, sentNs) => this.sink!.arrival(key, (arrivedNs - sentNs) / 1e6))
          }
        } else if (data[1] === SYNC_STEP_2) {
          if (!this.synced) {
            this.synced = true
            clearTimeout(timer)
            resolve()
          }
        } else {
          // The server's sync step 1: answer with our (empty) state, as the stock client does.
          socket.send(SYNC_STEP_2_FRAME)
        }
      })
      socket.on('close', () => {
        if (!this.synced) {
          clearTimeout(timer)
          reject(new Error(`closed before sync: ${this.url}`))
        }
        this.closedUnexpectedly = this.socket !== undefined
      })
      socket.on('error', () => {
        // 'close' follows and settles the promise
      })
    })
  }

  send(frame: Uint8Array): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(frame)
  }

  get isOpen(): boolean {
    return this.socket?.readyState === WebSocket.OPEN
  }

  /** Bytes read from the socket since the last {@link resetBytes}. */
  get bytesReceived(): number {
    return socketBytesRead(this.socket) - this.bytesBaseline
  }

  resetBytes(): void {
    this.bytesBaseline = socketBytesRead(this.socket)
  }

  close(): void {
    const socket = this.socket
    this.socket = undefined
    socket?.terminate()
  }
}

/** The underlying TCP socket's byte count; `ws` keeps it on a private field. */
export function socketBytesRead(socket: WebSocket | null | undefined): number {
  const raw = (socket as unknown as { _socket?: { bytesRead?: number } } | undefined)?._socket
  return raw?.bytesRead ?? 0
}
