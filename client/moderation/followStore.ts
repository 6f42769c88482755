import { create } from 'zustand'

interface FollowState {
  /** The person wants their view to follow the moderator (summons and the moderator's viewport). */
  following: boolean
  setFollowing: (following: boolean) => void
}

/**
 * Follow mode, switched in the phase bar (no tldraw there) and carried out by the canvas
 * (client/canvas/SummonFollower.tsx), which turns it off when the person moves away themselves.
 */
export const useFollowStore = create<FollowState>()((set) => ({
  following: false,
  setFollowing: (following) => set({ following }),
}))
