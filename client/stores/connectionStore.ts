import { create } from 'zustand'

/** What the connection indicator shows; `online` only once the document is synced. */
export type ConnectionStatus = 'online' | 'reconnecting' | 'offline'

interface ConnectionState {
  status: ConnectionStatus
  /** False until the first sync: "connecting" reads better than "reconnecting" before that. */
  everOnline: boolean
  /** Why the server ended the connection for good (unknown session, wrong token). */
  closedReason: string | null
  /** Its close code (CLOSE_CODES): a deleted session takes the board off the screen. */
  closedCode: number | null
  setStatus: (status: ConnectionStatus) => void
  setClosed: (code: number, reason: string) => void
  reset: () => void
}

export const useConnectionStore = create<ConnectionState>()((set, get) => ({
  status: 'reconnecting',
  everOnline: false,
  closedReason: null,
  closedCode: null,
  setStatus: (status) => set({ status, everOnline: get().everOnline || status === 'online' }),
  setClosed: (code, reason) => set({ status: 'offline', closedReason: reason, closedCode: code }),
  reset: () => set({ status: 'reconnecting', everOnline: false, closedReason: null, closedCode: null }),
}))
