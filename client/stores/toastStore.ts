import { create } from 'zustand'

export type ToastKind = 'info' | 'error'

export interface Toast {
  id: number
  message: string
  kind: ToastKind
}

interface ToastState {
  toasts: Toast[]
  /** Shows `message` for `durationMs`; the same message shown again only extends the first one. */
  show: (message: string, kind?: ToastKind, durationMs?: number) => number
  dismiss: (id: number) => void
}

let nextId = 1
const timers = new Map<number, ReturnType<typeof setTimeout>>()

/** Short-lived messages (refused changes, permission errors) shown above the canvas. */
export const useToastStore = create<ToastState>()((set, get) => ({
  toasts: [],
  show: (message, kind = 'info', durationMs = 5000) => {
    const existing = get().toasts.find((toast) => toast.message === message)
    const id = existing?.id ?? nextId++
    if (!existing) set({ toasts: [...get().toasts, { id, message, kind }] })
    clearTimeout(timers.get(id))
    timers.set(id, setTimeout(() => get().dismiss(id), durationMs))
    return id
  },
  dismiss: (id) => {
    clearTimeout(timers.get(id))
    timers.delete(id)
    set({ toasts: get().toasts.filter((toast) => toast.id !== id) })
  },
}))

export function showToast(message: string, kind: ToastKind = 'info', durationMs?: number): number {
  return useToastStore.getState().show(message, kind, durationMs)
}

export function dismissToast(id: number): void {
  useToastStore.getState().dismiss(id)
}
