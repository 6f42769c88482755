/**
 * The largest websocket message the server accepts by default (`MAX_MESSAGE_BYTES`); larger ones
 * close the sender with CLOSE_CODES.messageTooBig. The canvas keeps pasted images below the
 * server's actual limit, which it reads from /api/config.
 */
export const DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024
