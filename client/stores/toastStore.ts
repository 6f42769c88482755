import { create } from 'zustand'

export type ToastKind = 'info' | 'error'

export interface Toast {
  id: number
  message: string
  kind: ToastKind
  /** Text of the person's own that could not be sent: shown whole, to copy, so it is not lost. */
  keptText?: string
}

export interface ToastOptions {
  /** See {@link Toast.keptText}. */
  keptText?: string
}

interface ToastState {
  toasts: Toast[]
  /**
   * Shows `message` for `durationMs` (null: until closed); the same message shown again only
   * extends the first one, unless it keeps a text.
   */
  show: (message: string, kind?: ToastKind, durationMs?: number | null, options?: ToastOptions) => number
  dismiss: (id: number) => void
}

let nextId = 1
const timers = new Map<number, ReturnType<typeof setTimeout>>()

/** Short-lived messages (refused changes, permission errors) shown above the canvas. */
export const useToastStore = create<ToastState>()((set, get) => ({
  toasts: [],
  show: (message, kind = 'info', durationMs = 5000, options = {}) => {
    const { keptText } = options
    const existing = keptText === undefined ? get().toasts.find((toast) => toast.message === message && toast.keptText === undefined) : undefined
    const id = existing?.id ?? nextId++
    if (!existing) set({ toasts: [...get().toasts, { id, message, kind, ...(keptText === undefined ? {} : { keptText }) }] })
    clearTimeout(timers.get(id))
    if (durationMs !== null) timers.set(id, setTimeout(() => get().dismiss(id), durationMs))
    return id
  },
  dismiss: (id) => {
    clearTimeout(timers.get(id))
    timers.delete(id)
    set({ toasts: get().toasts.filter((toast) => toast.id !== id) })
  },
}))

export function showToast(message: string, kind: ToastKind = 'info', durationMs?: number | null, options?: ToastOptions): number {
  return useToastStore.getState().show(message, kind, durationMs, options)
}

export function dismissToast(id: number): void {
  useToastStore.getState().dismiss(id)
}
