import { useEffect, useRef, useState } from 'react'
import { closeMessage, reasonMessage } from '../i18n/refusalMessage.ts'
import { translateNow } from '../i18n/translate.ts'
import { useConnectionStore } from '../stores/connectionStore.ts'
import { useOnlineStore } from '../stores/onlineStore.ts'
import { dismissToast, showToast } from '../stores/toastStore.ts'
import { noteTextsOf, textsNotIn, type NoteTexts } from './notesNotTaken.ts'
import { SessionConnection, type SessionConnectionOptions } from './sessionConnection.ts'

export interface LiveSession {
  connection: SessionConnection
  /** The document holds the session's records; views may bind to it. */
  ready: boolean
}

/**
 * Opens the session's connection while the component is mounted and feeds the UI stores.
 * When the server refuses an update, the connection (and this device's copy) is dropped and a
 * fresh one replaces it; views keyed on the connection remount with the server's state.
 * When the refused message carried work done offline (all of it goes out as one message), the
 * person's notes of the dropped copy are compared with the server's state once the fresh
 * connection has it, and the texts that did not arrive are offered to copy.
 */
export function useSessionConnection(options: SessionConnectionOptions | null): LiveSession | null {
  const [live, setLive] = useState<LiveSession | null>(null)
  const [generation, setGeneration] = useState(0)
  /** The person's notes in a copy dropped after its offline work was refused, for the next connection to check. */
  const droppedNotes = useRef<{ key: string; notes: NoteTexts } | undefined>(undefined)
  const key = options
    ? [options.sessionId, options.participantToken ?? '', options.roleToken ?? '', JSON.stringify(options.user)].join('|')
    : null

  useEffect(() => {
    if (!options) return
    const connectionStore = useConnectionStore.getState()
    connectionStore.reset()
    // The server explains a refusal twice (auth message, then close 4001); show it once.
    let deniedToast: number | undefined
    const connection: SessionConnection = new SessionConnection(options, {
      onStatus: (status) => useConnectionStore.getState().setStatus(status),
      onPeople: (people) => useOnlineStore.getState().setPeople(people),
      onRefused: (reason) => {
        if (deniedToast !== undefined) dismissToast(deniedToast)
        showToast(translateNow('connection.refused', { reason: reason ? reasonMessage(translateNow, reason) : '—' }), 'error', 8000)
        const authorId = options.user?.participantId
        if (connection.sentOfflineChanges && authorId && key) droppedNotes.current = { key, notes: noteTextsOf(connection.doc, authorId) }
        void connection.destroy({ clearLocal: true }).then(() => setGeneration((value) => value + 1))
      },
      onClosed: (code, reason) => {
        const message = closeMessage(translateNow, code, reason)
        useConnectionStore.getState().setClosed(code, message)
        showToast(translateNow('connection.closed', { reason: message }), 'error', 10000)
      },
      onPermissionDenied: (reason) => {
        deniedToast = showToast(translateNow('connection.permissionDenied', { reason: reasonMessage(translateNow, reason) }), 'error')
      },
    })
    setLive({ connection, ready: false })
    let cancelled = false
    const dropped = droppedNotes.current?.key === key ? droppedNotes.current.notes : undefined
    droppedNotes.current = undefined
    if (dropped && dropped.size > 0)
      void connection.whenSyncedWithServer().then(() => {
        const lost = textsNotIn(connection.doc, dropped)
        if (cancelled || lost.length === 0) return
        showToast(translateNow('connection.offlineNotesNotTaken'), 'error', null, { keptText: lost.join('\n\n') })
      })
    void connection.whenReady.then(() => {
      if (!cancelled) setLive({ connection, ready: true })
    })
    return () => {
      cancelled = true
      void connection.destroy()
      useOnlineStore.getState().setPeople([])
    }
    // `key` stands for `options`: a new object with the same content must not reconnect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation])

  return live
}
