import type { WorkshopTemplate } from '../../shared/template/templateSchema.ts'

/**
 * Everything the server keeps on disk, behind one small interface so the embedded SQLite
 * store could be replaced (PostgreSQL, Redis) without touching sync or HTTP code.
 *
 * A session's document is stored as an append-only log of Yjs updates that is compacted into a
 * single snapshot update when it grows; applying the log in order yields the document.
 */
export interface StoredSession {
  id: string
  title: string
  moderatorToken: string
  viewerToken: string
  /** ISO timestamp. */
  createdAt: string
  template: WorkshopTemplate
}

export interface UpdateLogStats {
  /** Rows in the session's update log. */
  count: number
  /** Bytes in the session's update log. */
  bytes: number
}

export interface UpdateAppend {
  sessionId: string
  update: Uint8Array
  /** When set, the session's whole log is replaced by this snapshot in the same transaction. */
  compactTo?: Uint8Array
}

export interface StoredParticipant {
  sessionId: string
  participantId: string
  name: string
  createdAt: string
}

export interface SealedNote {
  sessionId: string
  noteId: string
  participantId: string
  questionIndex: number
  text: string
  createdAt: string
  /** ISO timestamp of the reveal; null while the text is still sealed. */
  revealedAt: string | null
}

export interface SessionStore {
  /** Stores a new session together with its seeded document, atomically. */
  createSession(session: StoredSession, initialState: Uint8Array): void
  getSession(id: string): StoredSession | undefined
  /** The update log of a session in write order. */
  loadUpdates(sessionId: string): Uint8Array[]
  logStats(sessionId: string): UpdateLogStats
  /**
   * Appends updates of one or more sessions in ONE durable transaction (the server's per-tick
   * batch), optionally compacting logs.
   */
  appendUpdates(appends: readonly UpdateAppend[]): void
  /**
   * Replaces a session's whole update log by one snapshot of the same state (housekeeping when
   * a session is unloaded; not activity, so it does not touch the session's last-active time).
   */
  replaceLog(sessionId: string, snapshot: Uint8Array): void

  addParticipant(participant: StoredParticipant): void
  getParticipant(sessionId: string, participantId: string): StoredParticipant | undefined

  addSealedNote(note: SealedNote): void
  /** Sealed notes of a session (optionally one participant's), unrevealed ones unless `includeRevealed`. */
  listSealedNotes(sessionId: string, filter?: { participantId?: string; includeRevealed?: boolean }): SealedNote[]
  markSealedNotesRevealed(sessionId: string, noteIds: readonly string[], revealedAt: string): void

  countSessions(): number
  /**
   * Deletes a session and everything stored for it (document, participants, sealed notes), so
   * that its data is not recoverable from the store's files afterwards. False when unknown.
   */
  deleteSession(sessionId: string): boolean
  /** Ids of sessions whose last activity (document change or join) is before `cutoff` (ISO). */
  listSessionsInactiveSince(cutoff: string): string[]

  /**
   * A named server secret, created with `create` the first time and stored with the sessions
   * (so a backup of the store is the whole server state).
   */
  serverSecret(name: string, create: () => string): string

  close(): void
}
