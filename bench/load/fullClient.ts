import { createShapeId, type TLRecord, type TLShapeId } from '@tldraw/tlschema'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { getIndexAbove, type IndexKey } from '@tldraw/utils'
import { readRecords, writeRecords } from '../../shared/doc/documentLayout.ts'
import type { RecordEntry } from '../../shared/doc/recordStore.ts'
import { boardsInOrder, buildNoteRecord, type BoardShape, type NoteShape } from '../../shared/workshop/workshopRecords.ts'
import type { Author } from '../../shared/workshop/recordMeta.ts'
import { markerId, nowNs, parseMarkerText } from './postMarker.ts'
import { reserveProviderExitListener } from '../../server/testing/providerExitListener.ts'

/** Where and as whom a full client connects (same shape for ours and the reference). */
export interface ClientSpec {
  /** `ws://host:port/yjs` */
  wsBase: string
  sessionId: string
  /** Query parameters (`participant=…`, `token=…`); empty for the reference. */
  params: Record<string, string>
  author: Author
}

/**
 * A real y-websocket client as the app runs it: Y.Doc + WebsocketProvider (+ its Awareness).
 * BroadcastChannel is off: clients in one worker thread would otherwise sync with each other
 * around the server and hide its latency.
 */
export class FullClient {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  /** Gives back the room this client's provider takes among the process's 'exit' listeners. */
  private readonly releaseExitListener = reserveProviderExitListener()

  constructor(readonly spec: ClientSpec) {
    this.provider = new WebsocketProvider(spec.wsBase, spec.sessionId, this.doc, {
      params: spec.params,
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 60_000,
    })
  }

  /** Resolves when the first sync with the server is complete. */
  whenSynced(timeoutMs: number): Promise<void> {
    if (this.provider.synced) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`full client not synced within ${timeoutMs} ms`)), timeoutMs)
      const onSync = (synced: boolean) => {
        if (!synced) return
        clearTimeout(timer)
        this.provider.off('sync', onSync)
        resolve()
      }
      this.provider.on('sync', onSync)
    })
  }

  boards(): BoardShape[] {
    return boardsInOrder(readRecords(this.doc))
  }

  /** Calls `onPost` for every marked note that arrives from elsewhere, when Yjs applied it. */
  observeMarkedPosts(onPost: (key: string, latencyMs: number) => void): void {
    const array = this.doc.getArray<RecordEntry>('records')
    array.observe((event) => {
      if (event.transaction.local) return
      const arrivedNs = nowNs()
      for (const item of event.changes.added) {
        for (const entry of item.content.getContent() as RecordEntry[]) {
          const hit = entry && typeof entry.key === 'string' ? parseMarkerText(entry.key) : undefined
          if (hit) onPost(hit.key, (arrivedNs - hit.sentNs) / 1e6)
        }
      }
    })
  }

  /** Bytes read from the websocket so far. */
  get bytesRead(): number {
    const raw = (this.provider.ws as unknown as { _socket?: { bytesRead?: number } } | null)?._socket
    return raw?.bytesRead ?? 0
  }

  write(put: TLRecord[], remove: string[] = []): void {
    writeRecords(this.doc, { put, remove })
  }

  destroy(): void {
    this.provider.destroy()
    this.doc.destroy()
    this.releaseExitListener()
  }
}

/**
 * Posts marked notes the way the app does (buildNoteRecord, one transaction per note). Keeps its
 * own notes as the siblings for slot finding: realistic client work without an O(all notes) scan.
 */
export class NotePoster {
  private readonly mine: NoteShape[] = []
  private seq = 0

  constructor(private readonly client: FullClient, private readonly senderIndex: number, private readonly board: BoardShape) {}

  post(): void {
    const sentNs = nowNs()
    const id = createShapeId(markerId(this.senderIndex, this.seq++, sentNs))
    const note = buildNoteRecord({
      board: this.board,
      author: this.client.spec.author,
      text: `Beitrag ${this.seq} von ${this.client.spec.author.authorName}`,
      siblings: this.mine,
      id,
    })
    this.mine.push(note)
    this.client.write([note])
  }

  get posted(): number {
    return this.seq
  }
}

/** `count` plain notes (unmarked ids) on `board`, e.g. for drags, growth and cold load. */
export function plainNotes(board: BoardShape, author: Author, count: number, idPrefix: string): NoteShape[] {
  const notes: NoteShape[] = []
  const createdAt = new Date()
  let index: IndexKey | undefined
  for (let i = 0; i < count; i++) {
    index = getIndexAbove(index)
    const note = buildNoteRecord({
      board,
      author,
      text: `Notiz ${i + 1}: ein typischer Beitrag mit ein paar Worten mehr`,
      siblings: [],
      id: createShapeId(`${idPrefix}-${i}`) as TLShapeId,
      now: createdAt,
    })
    // Spread over a grid so a canvas shows them all (slot finding is O(n²) for thousands).
    notes.push({ ...note, index, x: 32 + (i % 40) * 224, y: 180 + Math.floor(i / 40) * 224 })
  }
  return notes
}

