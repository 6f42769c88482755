/**
 * Websocket close codes of /yjs (docs/CONTRACTS.md), for the server that closes and the client
 * that explains the close to the person. y-websocket 3 clients stop reconnecting
 * on 4400-4499 (permanent) and reconnect on everything else.
 */
export const CLOSE_CODES = {
  goingAway: 1001,
  malformedMessage: 1007,
  /** Too many connections from one address: the client may try again later (it reconnects). */
  tooManyConnections: 1008,
  messageTooBig: 1009,
  serverError: 1011,
  /** The client could not keep up with the room; it reconnects and resyncs. */
  tooSlow: 1013,
  /** The server refused an update; our client drops its local document and resyncs. */
  updateRefused: 4001,
  malformedSessionId: 4400,
  /** Wrong token, forged participant token, or an upgrade from a foreign page's origin. */
  wrongToken: 4403,
  /** Also used when a session is deleted while clients are connected. */
  unknownSession: 4404,
} as const
