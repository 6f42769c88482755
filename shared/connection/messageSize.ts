/**
 * The largest websocket message the server accepts by default (`MAX_MESSAGE_BYTES`); larger ones
 * close the sender with CLOSE_CODES.messageTooBig. The canvas keeps pasted images below the
 * server's actual limit, which it reads from /api/config.
 */
export const DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024

/**
 * The largest sync answer (y-websocket sync step 2) the server accepts by default
 * (`MAX_SYNC_MESSAGE_BYTES`). A device coming back online sends everything the server lacks, all
 * its offline work, in that ONE message, which Yjs cannot cut into pieces; only this answer may
 * exceed MAX_MESSAGE_BYTES, every other message above that still closes with 1009.
 */
export const DEFAULT_MAX_SYNC_MESSAGE_BYTES = 16 * 1024 * 1024
