import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as authProtocol from 'y-protocols/auth'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

/**
 * The y-websocket wire format (what the stock `WebsocketProvider` speaks), decoded strictly:
 * one message per frame, known types only, nothing left over. Built on lib0's decoders and
 * y-protocols' constants; anything that does not decode is a {@link MalformedMessageError}.
 */
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3

export type IncomingMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'syncStep2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; entries: ReceivedAwarenessEntry[] }
  | { type: 'queryAwareness' }

/** One client's state in an awareness update; `state` is the raw JSON text (`null` = left). */
export interface AwarenessEntry {
  clientId: number
  clock: number
  state: string
}

/** An entry as received, with its state parsed once (the server checks who it claims to be). */
export interface ReceivedAwarenessEntry extends AwarenessEntry {
  value: unknown
}

export class MalformedMessageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MalformedMessageError'
  }
}

/**
 * Whether `frame` starts as a sync answer (sync step 2), read from its first bytes only: the one
 * message that may be larger than the others (see SyncConnection), judged before it is decoded.
 */
export function isSyncStep2Frame(frame: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(frame)
    return decoding.readVarUint(decoder) === MESSAGE_SYNC && decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep2
  } catch {
    return false
  }
}

export function decodeIncomingMessage(frame: Uint8Array): IncomingMessage {
  try {
    const decoder = decoding.createDecoder(frame)
    const message = readMessage(decoder)
    if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes after the message')
    return message
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error
    throw new MalformedMessageError(`undecodable message: ${(error as Error).message}`)
  }
}

function readMessage(decoder: decoding.Decoder): IncomingMessage {
  const messageType = decoding.readVarUint(decoder)
  switch (messageType) {
    case MESSAGE_SYNC: {
      const syncType = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        Y.decodeStateVector(payload) // throws on garbage before anyone relies on it
        return { type: 'syncStep1', stateVector: payload }
      }
      if (syncType === syncProtocol.messageYjsSyncStep2) return { type: 'syncStep2', update: payload }
      if (syncType === syncProtocol.messageYjsUpdate) return { type: 'update', update: payload }
      throw new MalformedMessageError(`unknown sync message type ${syncType}`)
    }
    case MESSAGE_AWARENESS:
      return { type: 'awareness', entries: decodeAwarenessEntries(decoding.readVarUint8Array(decoder)) }
    case MESSAGE_QUERY_AWARENESS:
      return { type: 'queryAwareness' }
    default:
      throw new MalformedMessageError(`unknown message type ${messageType}`)
  }
}

/** Decodes an awareness update (format of y-protocols/awareness) and checks each state is JSON. */
function decodeAwarenessEntries(update: Uint8Array): ReceivedAwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries: ReceivedAwarenessEntry[] = []
  for (let index = 0; index < count; index++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const state = decoding.readVarString(decoder)
    entries.push({ clientId, clock, state, value: JSON.parse(state) })
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes in awareness update')
  return entries
}

export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, state)
  }
  return encoding.toUint8Array(encoder)
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

/**
 * Sync step 2 carrying `update` (what the peer lacks). y-protocols' `writeSyncStep2` encodes the
 * update from a doc itself; taking it ready-made lets a room answer from its cached encoding.
 */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  const header = encoding.createEncoder()
  encoding.writeVarUint(header, MESSAGE_SYNC)
  encoding.writeVarUint(header, syncProtocol.messageYjsSyncStep2)
  encoding.writeVarUint(header, update.length)
  // The same bytes as writeVarUint8Array, but copied once into a buffer of the final size: a
  // whole document (megabytes, on a cold session's first join) outgrows the encoder's chunk, so
  // the encoder would allocate and copy it twice.
  const headerBytes = encoding.toUint8Array(header)
  const message = new Uint8Array(headerBytes.length + update.length)
  message.set(headerBytes)
  message.set(update, headerBytes.length)
  return message
}

export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, awarenessUpdate)
  return encoding.toUint8Array(encoder)
}

export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AUTH)
  authProtocol.writePermissionDenied(encoder, reason)
  return encoding.toUint8Array(encoder)
}
